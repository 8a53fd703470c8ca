// An HTTP status is a claim about the request; a wrong one misleads the client. The red line
// names the rule the status breaks and what the status actually sent tells the client, not
// vitest's bare "expected 404 to be 405".
import { expect } from 'vitest';

const SAYS: Record<number, string> = {
  200: 'which serves it as if the request were fine',
  201: 'which accepted and stored it',
  204: 'which says it worked',
  400: 'which blames the request',
  404: 'which says the resource does not exist',
  405: 'which says the route does not take this method',
  413: 'which says the body is too large',
  415: 'which says the body is not JSON',
  500: 'which says the server broke: an unhandled error',
  503: 'which says the service is away for a while',
};

/** What a client reads in `status`. */
export const statusSays = (status: number): string =>
  SAYS[status] ?? (status >= 500 ? 'a server error' : status >= 400 ? 'a client error' : 'success');

interface Answered {
  status: number;
  text: string;
}

/**
 * `response` must have `status`; `rule` says why ("PUT /albums must answer 405 Method Not
 * Allowed"). The failure adds what was answered, what that tells the client, and the body.
 */
export function expectStatus(response: Answered, status: number, rule: string): void {
  const text = (response.text ?? '').replace(/\s+/g, ' ').trim();
  const body = text ? ` (body: ${text.slice(0, 120)})` : '';
  expect(
    response.status,
    `${rule}: it answered ${response.status}, ${statusSays(response.status)}${body}`,
  ).toBe(status);
}
