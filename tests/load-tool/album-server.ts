// The reference album service on a loopback port, for specs that run the real tool.
import { createAlbumApp } from '../../solutions/09-album-service/app.ts';
import { MemoryAlbumStore } from '../../solutions/09-album-service/memory-store.ts';
import { type LoopbackServer, listenOnLoopback } from '../support/http-server.ts';

export function startAlbumService(): Promise<LoopbackServer> {
  return listenOnLoopback(createAlbumApp({ store: new MemoryAlbumStore() }));
}
