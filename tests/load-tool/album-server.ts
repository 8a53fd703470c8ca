// The reference album service on a loopback port, for specs that run the real tool.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createAlbumApp } from '../../solutions/09-album-service/app.ts';
import { MemoryAlbumStore } from '../../solutions/09-album-service/memory-store.ts';
import { type LoopbackServer, listenOnLoopback } from '../support/http-server.ts';

export function startAlbumService(): Promise<LoopbackServer> {
  return listenOnLoopback(createAlbumApp({ store: new MemoryAlbumStore() }));
}

export interface ServiceForSpecs {
  /** The service's base URL, once `beforeAll` has run. */
  readonly url: string;
  /** A scratch folder for reports, removed after the file's specs. */
  readonly dir: string;
}

/** Call at the top of a spec file: the service for all its specs, closed afterwards. */
export function albumServiceForSpecs(): ServiceForSpecs {
  let service: LoopbackServer | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'load-tool-'));
  beforeAll(async () => {
    service = await startAlbumService();
  });
  afterAll(async () => {
    await service?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get url() {
      if (!service) throw new Error('the album service starts in beforeAll');
      return service.url;
    },
    dir,
  };
}
