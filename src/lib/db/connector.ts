// The one seam between our db client and a DuckDB engine (browser worker or Node blocking build).
import type * as arrow from 'apache-arrow';

export interface Connector {
  /** Runs SQL (with optional positional parameters) and returns the whole result. */
  query(sql: string, params?: unknown[]): Promise<arrow.Table>;
  /** Creates schema.table from the bytes of an Arrow IPC stream. */
  insertArrowIPC(schema: string, table: string, ipc: Uint8Array): Promise<void>;
  /** Makes bytes readable by SQL under `name` (read_csv('name')); the engine may take ownership of the buffer. */
  registerFileBuffer(name: string, bytes: Uint8Array): Promise<void>;
  /** Forgets a file registered with registerFileBuffer. */
  dropFile(name: string): Promise<void>;
  /** Interrupts the running query, if the engine can; true when something was cancelled. */
  cancel(): Promise<boolean>;
}

/** Settings every engine gets: never fetch extensions from a third-party host at run time. */
export const ENGINE_SETTINGS = ['SET autoinstall_known_extensions = false', 'SET autoload_known_extensions = false'];
