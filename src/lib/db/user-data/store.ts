// Where the user's files are kept between visits: the original file (a Blob) and its table info,
// in IndexedDB. Tables are rebuilt from them when DuckDB boots. Node tests use the memory store.
import { idbRequest, lazyDatabase } from '../../idb.ts';
import type { UserTableInfo } from '../../types.ts';

export interface StoredUpload {
  info: UserTableInfo;
  file: Blob;
}

export interface UploadStore {
  list(): Promise<StoredUpload[]>;
  put(upload: StoredUpload): Promise<void>;
  delete(name: string): Promise<void>;
}

export function memoryStore(): UploadStore {
  const items = new Map<string, StoredUpload>();
  return {
    list: async () => [...items.values()],
    put: async (u) => void items.set(u.info.name, u),
    delete: async (name) => void items.delete(name),
  };
}

const DB_NAME = 'personascope-user-data';
const STORE = 'uploads';

export function indexedDbStore(): UploadStore {
  const open = lazyDatabase(DB_NAME, 1, (db) => db.createObjectStore(STORE, { keyPath: 'info.name' }));
  const tx = async (mode: IDBTransactionMode) => (await open()).transaction(STORE, mode).objectStore(STORE);
  return {
    async list() {
      const all = (await idbRequest((await tx('readonly')).getAll())) as StoredUpload[];
      return all.sort((a, b) => a.info.addedAt.localeCompare(b.info.addedAt));
    },
    async put(u) {
      await idbRequest((await tx('readwrite')).put(u));
    },
    async delete(name) {
      await idbRequest((await tx('readwrite')).delete(name));
    },
  };
}
