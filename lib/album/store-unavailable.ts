// The database cannot be reached right now: refused, gone, frozen past a timeout, or the
// store already closed by a shutdown. Not the client's fault and not a bug in the service, so
// the app answers 503 with Retry-After instead of 500; the next request may well succeed.

export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  /** Seconds a client should wait before trying again (the Retry-After header). */
  readonly retryAfterSeconds: number;

  constructor(message: string, options: { cause?: unknown; retryAfterSeconds?: number } = {}) {
    super(message, { cause: options.cause });
    this.retryAfterSeconds = options.retryAfterSeconds ?? 1;
  }
}

/** Socket errors that mean "no connection to the server", whoever closed it. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATE classes and codes of a server that is going away or not there yet: 08 connection
 * exceptions, 57P01–57P05 shutdown and crash recovery, 53300 too many connections, 57014 a
 * statement cancelled by statement_timeout.
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-5]|53300|57014)$/;

/** The messages `pg` gives its own timeouts and lost connections (they carry no code). */
const PG_CLIENT_MESSAGES =
  /timeout exceeded when trying to connect|Query read timeout|Connection terminated|connection timeout|Client has encountered a connection error|Cannot use a pool after calling end/i;

/** True when `error` says the database is unreachable rather than that the query is wrong. */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code)))
    return true;
  return PG_CLIENT_MESSAGES.test(error.message);
}

/** `error` as a StoreUnavailableError when it is one in substance; otherwise unchanged. */
export function asUnavailable(error: unknown): unknown {
  if (error instanceof StoreUnavailableError || !isUnavailable(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(`the database is unavailable: ${detail}`, { cause: error });
}
