// What a connection may cost the service. Without bounds, clients that connect and never
// send a byte hold a descriptor each until the process runs out and refuses everyone.
import type { Server } from 'node:http';

export interface ConnectionLimits {
  /** The request's headers must be complete this long after the connection (or the previous
   * response) began: a silent or slow client is answered 408 and disconnected. */
  headersTimeoutMs: number;
  /** The whole request, body included. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Connections beyond this are closed as soon as they are accepted. */
  maxConnections: number;
}

export const DEFAULT_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
};

/**
 * Options for `createServer`: Node checks the headers and request timeouts only every
 * `connectionsCheckingInterval` (30 s by default), so the interval follows the timeout.
 */
export function serverOptions(limits: ConnectionLimits) {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: Math.max(limits.requestTimeoutMs, limits.headersTimeoutMs),
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, limits.headersTimeoutMs / 4)),
  };
}

export function applyConnectionLimits(server: Server, limits: ConnectionLimits): void {
  server.maxConnections = limits.maxConnections;
}
