/** Published tables are gzipped; a server may already have decoded them (Content-Encoding), so check the magic bytes. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Gunzips with the browser's native DecompressionStream (no library, no main-thread parsing loop). */
export async function gunzipInBrowser(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
