// The browser's user-data service: files kept in IndexedDB, parsed in a Web Worker.
import * as Comlink from 'comlink';
import type { UserFileWorker } from '../../../../workers/user-file.worker.ts';
import type { DbClient } from '../client.ts';
import { UserData, type Preparer } from './service.ts';
import { indexedDbStore } from './store.ts';

function workerPreparer(): Preparer {
  let remote: Comlink.Remote<UserFileWorker> | null = null;
  return (file, fileName, contentType) => {
    remote ??= Comlink.wrap<UserFileWorker>(
      new Worker(new URL('../../../../workers/user-file.worker.ts', import.meta.url), { type: 'module' }),
    );
    return remote.prepare(file, fileName, contentType);
  };
}

export function browserUserData(db: DbClient): UserData {
  return new UserData(db, indexedDbStore(), workerPreparer());
}
