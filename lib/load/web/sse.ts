// Server-Sent Events by hand (the format is four lines of the HTML standard): one response
// held open per page, a `data:` block per message. The browser's EventSource reconnects on
// its own, after `retry` ms.
import type { ServerResponse } from 'node:http';

export class EventStream {
  private open = true;

  constructor(
    private readonly response: ServerResponse,
    retryMs = 1000,
  ) {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // No proxy buffering: each second must arrive within that second.
      'X-Accel-Buffering': 'no',
    });
    response.write(`retry: ${retryMs}\n\n`);
    response.on('close', () => {
      this.open = false;
    });
  }

  get closed(): boolean {
    return !this.open;
  }

  /** One message; JSON never holds a raw newline, so it fits one `data:` line. */
  send(event: string, data: unknown): void {
    if (!this.open) return;
    this.response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    this.response.end();
  }
}
