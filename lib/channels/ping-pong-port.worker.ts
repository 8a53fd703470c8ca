// One side of (c): answers every token it receives with the next one. Ping (worker 0)
// sends first and stops after `roundTrips` answers; pong stops after as many tokens.
import { defineWorkerTask } from '../workers/task.ts';
import type { PortPingPongData } from './ping-pong-port.ts';
import { checkToken, type SideResult } from './ping-pong-threads.ts';

defineWorkerTask<PortPingPongData, number, SideResult>(({ port }, { index }) => {
  const ping = index === 0;
  return (roundTrips) =>
    new Promise<SideResult>((resolve, reject) => {
      let received = 0;
      const started = performance.now();
      const finish = () => {
        port.off('message', onMessage);
        resolve({ elapsedMs: performance.now() - started, token: 2 * received });
      };
      const onMessage = (token: number) => {
        try {
          const next = checkToken(ping ? 'ping' : 'pong', token, 2 * received + (ping ? 2 : 1));
          received++;
          if (ping && received === roundTrips) return finish();
          port.postMessage(next);
          if (!ping && received === roundTrips) finish();
        } catch (error) {
          reject(error);
        }
      };
      port.on('message', onMessage);
      if (ping) port.postMessage(1);
    });
});
