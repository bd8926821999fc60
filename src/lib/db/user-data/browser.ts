// The browser's user-data service: files kept in IndexedDB, parsed in a Web Worker.
import * as Comlink from 'comlink';
import type { UserFileWorker } from '../../../../workers/user-file.worker.ts';
import type { DbClient } from '../client.ts';
import { UserData, type Preparer } from './service.ts';
import { indexedDbStore } from './store.ts';
import { UploadError } from './upload-error.ts';

function workerPreparer(): Preparer {
  let worker: Worker | null = null;
  let remote: Comlink.Remote<UserFileWorker> | null = null;
  return (file, fileName, contentType) => {
    if (!worker || !remote) {
      worker = new Worker(new URL('../../../../workers/user-file.worker.ts', import.meta.url), { type: 'module' });
      remote = Comlink.wrap<UserFileWorker>(worker);
    }
    const current = worker;
    const call = remote.prepare(file, fileName, contentType);
    // comlink alone would wait forever for a worker that died or never loaded (offline, a new deploy):
    // its 'error' event fails the call, and the next call starts a fresh worker.
    const settled = new AbortController();
    const died = new Promise<never>((_, reject) =>
      current.addEventListener(
        'error',
        (ev) => {
          if (worker === current) {
            current.terminate();
            worker = null;
            remote = null;
          }
          reject(new UploadError(`the file reader stopped (${ev.message || 'its code could not be loaded: offline?'}); try again.`));
        },
        { once: true, signal: settled.signal },
      ),
    );
    return Promise.race([call, died]).finally(() => settled.abort());
  };
}

export function browserUserData(db: DbClient): UserData {
  return new UserData(db, indexedDbStore(), workerPreparer());
}
