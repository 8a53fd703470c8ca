// Failures are counted by kind, the Error column of `_failures.csv`: one row per
// (method, name, kind), so a thousand refused connections are one line, not a thousand.

const KIND_BY_CODE: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  UND_ERR_SOCKET: 'connection reset',
  UND_ERR_CLOSED: 'connection reset',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
};

export function httpFailureKind(status: number): string | undefined {
  return status >= 400 ? `HTTP ${status}` : undefined;
}

/** fetch wraps the system error in `cause`; undici throws it directly. */
export function errorFailureKind(error: unknown): string {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const { code, name, cause } = current as { code?: unknown; name?: unknown; cause?: unknown };
    if (typeof code === 'string' && KIND_BY_CODE[code]) return KIND_BY_CODE[code]!;
    if (name === 'TimeoutError') return 'timeout';
    current = cause;
  }
  if (error instanceof TypeError && /fetch/i.test(error.message)) return 'network error';
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.length > 120 ? `${message.slice(0, 117)}...` : message;
}
