// The reference album service on a loopback port, for specs that run the real tool.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAlbumApp } from '../../solutions/09-album-service/app.ts';
import { MemoryAlbumStore } from '../../solutions/09-album-service/memory-store.ts';

export interface RunningService {
  host: string;
  close(): Promise<void>;
}

export async function startAlbumService(): Promise<RunningService> {
  const app = createAlbumApp({ store: new MemoryAlbumStore() });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    host: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
