// Where the user's files are kept between visits: the original file (a Blob) and its table info,
// in IndexedDB. Tables are rebuilt from them when DuckDB boots. Node tests use the memory store.
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

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export function indexedDbStore(): UploadStore {
  let opened: Promise<IDBDatabase> | null = null;
  const open = () =>
    (opened ??= new Promise((resolve, reject) => {
      const r = indexedDB.open(DB_NAME, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: 'info.name' });
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    }));
  const tx = async (mode: IDBTransactionMode) => (await open()).transaction(STORE, mode).objectStore(STORE);
  return {
    async list() {
      const all = (await request((await tx('readonly')).getAll())) as StoredUpload[];
      return all.sort((a, b) => a.info.addedAt.localeCompare(b.info.addedAt));
    },
    async put(u) {
      await request((await tx('readwrite')).put(u));
    },
    async delete(name) {
      await request((await tx('readwrite')).delete(name));
    },
  };
}
