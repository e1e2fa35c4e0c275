/** A thing asked for by code that does not exist: answered with 404. */
export class NotFoundError extends Error {
  constructor(readonly what: string, readonly code: string) {
    super(`no ${what} with code "${code}"`);
  }
}
