import type { SchemeValidationError } from '../domain/scheme.js';

/**
 * What went wrong as data, beside the English message: a kind and its parameters, which the web app says in
 * the person's language (the problem answer carries them as `kind` and `params`).
 */
export interface ProblemKind {
  kind: string;
  params: Record<string, unknown>;
}

/** A thing asked for by code that does not exist: answered with 404 (kind notFound, params what and code). */
export class NotFoundError extends Error {
  readonly problem: ProblemKind;
  constructor(readonly what: string, readonly code: string) {
    super(`no ${what} with code "${code}"`);
    this.problem = { kind: 'notFound', params: { what, code } };
  }
}

/** A request the service refuses, naming what is wrong: answered with 400. */
export class BadRequestError extends Error {
  constructor(message: string, readonly problem?: ProblemKind) {
    super(message);
  }
}

/** A request that is well formed but does not fit the state of things (e.g. adjusting an ungraded firm): 409. */
export class ConflictError extends Error {
  constructor(message: string, readonly problem?: ProblemKind) {
    super(message);
  }
}

/**
 * A scheme that fails validateScheme: 400 when it is the request body, 422 when it is stored (a bundle's
 * scheme.json is stored as given) and an evaluation was asked for with it.
 */
export class InvalidSchemeError extends Error {
  constructor(readonly errors: SchemeValidationError[], readonly status: 400 | 422, what: string) {
    super(`${what}: ${errors.map((e) => `${e.path}: ${e.message.startsWith(`${e.path} `) ? e.message.slice(e.path.length + 1) : e.message}`).join('; ')}`);
  }
}
