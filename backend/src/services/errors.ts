import type { SchemeValidationError } from '../domain/scheme.js';

/** A thing asked for by code that does not exist: answered with 404. */
export class NotFoundError extends Error {
  constructor(readonly what: string, readonly code: string) {
    super(`no ${what} with code "${code}"`);
  }
}

/** A request the service refuses, naming what is wrong: answered with 400. */
export class BadRequestError extends Error {}

/** A request that is well formed but does not fit the state of things (e.g. adjusting an ungraded firm): 409. */
export class ConflictError extends Error {}

/**
 * A scheme that fails validateScheme: 400 when it is the request body, 422 when it is stored (a bundle's
 * scheme.json is stored as given) and an evaluation was asked for with it.
 */
export class InvalidSchemeError extends Error {
  constructor(readonly errors: SchemeValidationError[], readonly status: 400 | 422, what: string) {
    super(`${what}: ${errors.map((e) => `${e.path}: ${e.message.startsWith(`${e.path} `) ? e.message.slice(e.path.length + 1) : e.message}`).join('; ')}`);
  }
}
