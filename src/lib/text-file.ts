// Whether a file's bytes are text at all, before any reader tries them line by line. Shared by
// the Score page's batch files and #/mine uploads, so both call a binary file the same thing.

/** How far into a file binary content is looked for. */
const BINARY_SNIFF_BYTES = 64 * 1024;

/**
 * Whether a file is binary rather than text: a NUL byte never occurs in UTF-8 (or re-encoded
 * UTF-16) text, and does early in Parquet, Excel, ONNX or zip files.
 */
export function isBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

/** The start of the message for a binary file; the caller says which text formats it reads. */
export const NOT_TEXT = 'this is not a text file (it holds binary data, as Excel, zip or model files do)';
