// Which reader a file needs, from its name, its content type and its first bytes.

export type UploadFormat = 'csv' | 'jsonl' | 'json' | 'parquet';

export const FORMAT_LABEL: Record<UploadFormat, string> = {
  csv: 'CSV',
  jsonl: 'JSON lines',
  json: 'JSON',
  parquet: 'Parquet',
};

/** File picker filter. */
export const ACCEPT = '.csv,.tsv,.txt,.jsonl,.ndjson,.json,.parquet,text/csv,application/json,application/x-ndjson';

/** Parquet files start (and end) with the magic bytes "PAR1". */
export function isParquet(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0x50 && bytes[1] === 0x41 && bytes[2] === 0x52 && bytes[3] === 0x31;
}

/** The format to read `bytes` as; the content wins over the name when they disagree on Parquet or JSON. */
export function detectFormat(fileName: string, bytes: Uint8Array, contentType = ''): UploadFormat {
  if (isParquet(bytes)) return 'parquet';
  const name = fileName.toLowerCase().replace(/[?#].*$/, '');
  if (/\.(jsonl|ndjson)$/.test(name) || /ndjson|jsonl/.test(contentType)) return 'jsonl';
  // The first non-blank character tells JSON from CSV when the name does not.
  let first = '';
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) {
    const c = bytes[i];
    if (c === 0xef && bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf) {
      i += 2;
      continue;
    }
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
      first = String.fromCharCode(c);
      break;
    }
  }
  if (/\.json$/.test(name) || /json/.test(contentType) || first === '[' || first === '{') return first === '[' ? 'json' : 'jsonl';
  return 'csv';
}
