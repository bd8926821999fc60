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
  /** Names of the stored tables (other tabs' uploads included), without reading their files. */
  names(): Promise<string[]>;
  /** Stores a new upload; rejects with NameTakenError when its name is already stored (another tab's). */
  add(upload: StoredUpload): Promise<void>;
  /** Stores an upload, replacing the one of the same name (only for tables this tab already holds). */
  put(upload: StoredUpload): Promise<void>;
  delete(name: string): Promise<void>;
}

/** The store already holds an upload of this name: another tab stored it since this one looked. */
export class NameTakenError extends Error {
  constructor(readonly taken: string) {
    super(`mine.${taken} is already stored`);
    this.name = 'NameTakenError';
  }
}

export function memoryStore(): UploadStore {
  const items = new Map<string, StoredUpload>();
  return {
    list: async () => [...items.values()],
    names: async () => [...items.keys()],
    async add(u) {
      if (items.has(u.info.name)) throw new NameTakenError(u.info.name);
      items.set(u.info.name, u);
    },
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
    async names() {
      return ((await idbRequest((await tx('readonly')).getAllKeys())) as IDBValidKey[]).map(String);
    },
    async add(u) {
      // add, not put: IndexedDB refuses an existing key, so another tab's upload is never replaced.
      await idbRequest((await tx('readwrite')).add(u)).catch((e: unknown) => {
        throw e instanceof DOMException && e.name === 'ConstraintError' ? new NameTakenError(u.info.name) : e;
      });
    },
    async put(u) {
      await idbRequest((await tx('readwrite')).put(u));
    },
    async delete(name) {
      await idbRequest((await tx('readwrite')).delete(name));
    },
  };
}
