// Reads a user's file off the main thread: a 100 MB JSON or Parquet file is parsed and turned into
// Arrow here, so the page never freezes. Errors keep their row/line/offset across postMessage.
import * as Comlink from 'comlink';
import { prepareBytes, type Prepared } from '../src/lib/db/user-data/prepare.ts';
import { encodeUploadError } from '../src/lib/db/user-data/upload-error.ts';

const api = {
  async prepare(file: Blob, fileName: string, contentType: string): Promise<Prepared> {
    try {
      const prepared = await prepareBytes(new Uint8Array(await file.arrayBuffer()), fileName, contentType);
      const bytes = prepared.format === 'csv' ? prepared.bytes : prepared.ipc;
      return Comlink.transfer(prepared, [bytes.buffer as ArrayBuffer]);
    } catch (e) {
      throw encodeUploadError(e);
    }
  },
};

export type UserFileWorker = typeof api;
Comlink.expose(api);
