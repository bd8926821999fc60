// The browser's user-data service: files kept in IndexedDB, parsed in a Web Worker.
import * as Comlink from 'comlink';
import type { UserFileWorker } from '../../../../workers/user-file.worker.ts';
import type { DbClient } from '../client.ts';
import type { Prepared } from './prepare.ts';
import { UserData, type Preparer } from './service.ts';
import { indexedDbStore } from './store.ts';
import { UploadError } from './upload-error.ts';
import { unlessWorkerDies } from '../../unless-worker-dies.ts';

function workerPreparer(): Preparer {
  let worker: Worker | null = null;
  let remote: Comlink.Remote<UserFileWorker> | null = null;
  return (file, fileName, contentType) => {
    if (!worker || !remote) {
      worker = new Worker(new URL('../../../../workers/user-file.worker.ts', import.meta.url), { type: 'module' });
      remote = Comlink.wrap<UserFileWorker>(worker);
    }
    const current = worker;
    // A worker that died fails the call, and the next call starts a fresh one.
    return unlessWorkerDies<Prepared>(current, remote.prepare(file, fileName, contentType), (message) => {
      if (worker === current) {
        current.terminate();
        worker = null;
        remote = null;
      }
      return new UploadError(`the file reader stopped (${message ?? 'its code could not be loaded: offline?'}); try again.`);
    });
  };
}

export function browserUserData(db: DbClient): UserData {
  return new UserData(db, indexedDbStore(), workerPreparer());
}
