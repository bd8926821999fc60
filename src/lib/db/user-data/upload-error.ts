// A file the user gave us that cannot become a table: what is wrong and, when known, where.

export interface UploadWhere {
  /** 1-based line of the file (JSON lines, CSV lines). */
  line?: number;
  /** 1-based column: a character position on the line, or a CSV field number. */
  column?: number;
  /** 1-based data row (CSV: after the header). */
  row?: number;
  /** 0-based byte offset in the file. */
  offset?: number;
}

export class UploadError extends Error {
  readonly where: UploadWhere;
  constructor(message: string, where: UploadWhere = {}) {
    super(message);
    this.name = 'UploadError';
    this.where = where;
  }
}

/** Turns anything thrown while reading a file into an UploadError with the file's name in front. */
export function asUploadError(e: unknown, fileName: string): UploadError {
  if (e instanceof UploadError) return new UploadError(`${fileName}: ${e.message}`, e.where);
  const raw = e instanceof Error ? e.message : String(e);
  // Errors that crossed a worker boundary lose their class; keep a "where" that travelled as JSON.
  const m = /^UploadError(\{.*?\}): (.*)$/s.exec(raw);
  if (m) return new UploadError(`${fileName}: ${m[2]}`, JSON.parse(m[1]) as UploadWhere);
  return new UploadError(`${fileName}: ${raw}`);
}

/** Encodes an UploadError into a plain message that survives postMessage (see asUploadError). */
export function encodeUploadError(e: unknown): Error {
  if (e instanceof UploadError) return new Error(`UploadError${JSON.stringify(e.where)}: ${e.message}`);
  return e instanceof Error ? e : new Error(String(e));
}
