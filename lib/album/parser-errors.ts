// Errors that happen before Express sees a request (Node's HTTP parser: headers too large,
// a malformed request line, a request that took too long to arrive) are answered like every
// other error of the service: a JSON body, then the connection closes.
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

/** Node's parser error codes, as the status a client should see. */
function statusOf(code: string | undefined): [number, string, string] {
  if (code === 'HPE_HEADER_OVERFLOW')
    return [431, 'Request Header Fields Too Large', 'the request headers are too large'];
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return [408, 'Request Timeout', 'the request did not arrive in time'];
  return [400, 'Bad Request', 'malformed HTTP request'];
}

export function answerParserErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A peer that reset the connection or a socket already closing can take no answer.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason, message] = statusOf(error.code);
    const body = JSON.stringify({ error: message });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
