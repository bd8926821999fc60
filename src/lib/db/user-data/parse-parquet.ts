// Parquet → rows with hyparquet (DuckDB's parquet extension is not available offline).
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { UploadError } from './upload-error.ts';

export async function parseParquet(bytes: Uint8Array): Promise<{ rows: Record<string, unknown>[]; names: string[] }> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let names: string[];
  try {
    names = parquetMetadata(file).schema.slice(1).filter((s) => !s.num_children).map((s) => s.name);
  } catch (e) {
    throw new UploadError(`the file is not a readable Parquet file: ${e instanceof Error ? e.message : String(e)}.`);
  }
  try {
    const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
    return { rows, names: rows.length ? Object.keys(rows[0]) : names };
  } catch (e) {
    throw new UploadError(`the Parquet file could not be read: ${e instanceof Error ? e.message : String(e)}.`);
  }
}
