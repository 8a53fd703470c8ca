// Experiment G across threads, (c): the token travels as a message over a MessagePort
// between two workers. Each hand-off is a structured clone, a queue in the other thread,
// and a wake-up of that thread's event loop.
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { openPingPong, type ThreadPingPong } from './ping-pong-threads.ts';

export interface PortPingPongData {
  port: MessagePort;
}

const entry = fileURLToPath(new URL('./ping-pong-port.worker.ts', import.meta.url));

export function openPortPingPong(): Promise<ThreadPingPong<undefined>> {
  const { port1, port2 } = new MessageChannel();
  const ports = [port1, port2];
  return openPingPong<PortPingPongData, undefined>(
    {
      entry,
      data: (index) => ({ port: ports[index]! }),
      transferList: (index) => [ports[index]!],
    },
    (roundTrips) => roundTrips,
  );
}
