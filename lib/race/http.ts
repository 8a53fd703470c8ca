// Every HTTP request in a task of its own, like the goroutine per request of Go's net/http:
// the task starts when the request arrives and ends when the response is finished or closed.

import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { RaceRuntime } from './runtime.ts';
import { namedSite } from './site.ts';

export function taskPerRequest(race: RaceRuntime, handler: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    void race.go(
      () =>
        new Promise<void>((resolve) => {
          res.once('close', resolve);
          handler(req, res);
        }),
      namedSite(`${req.method} ${req.url}`, 'the server, for the request'),
    );
  };
}
