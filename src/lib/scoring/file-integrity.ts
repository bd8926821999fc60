// Checks a downloaded model file against its pin before transformers.js uses or caches it. The bytes
// pass through as they arrive (so download progress keeps moving) and are copied into one buffer of
// the pinned size; when the last byte is in, the buffer is hashed. A file that differs ends the
// stream with an error, so transformers.js neither loads it nor stores it in the browser's Cache API
// or Node's file cache (both only keep a download that was read to its end).
import type { PinnedFile } from './types.ts';

export class ModelFileMismatchError extends Error {
  override name = 'ModelFileMismatchError';
}

const toHex = (digest: ArrayBuffer) => Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(content: Uint8Array<ArrayBuffer>): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', content));
}

/** git's id of a file it stores itself: the sha1 of "blob <size>\0" followed by the content. */
export async function gitBlobId(content: Uint8Array): Promise<string> {
  const header = new TextEncoder().encode(`blob ${content.length}\0`);
  const blob = new Uint8Array(header.length + content.length);
  blob.set(header);
  blob.set(content, header.length);
  return toHex(await crypto.subtle.digest('SHA-1', blob));
}

/** What makes `content` differ from the pinned file, or null when it is that file. */
export async function fileMismatch(content: Uint8Array<ArrayBuffer>, pin: PinnedFile): Promise<string | null> {
  if (content.length !== pin.size) return `it is ${content.length} bytes, the pin says ${pin.size}`;
  if (pin.sha256) {
    const actual = await sha256Hex(content);
    if (actual !== pin.sha256) return `its sha256 is ${actual}, the pin says ${pin.sha256}`;
  }
  if (pin.gitBlobId) {
    const actual = await gitBlobId(content);
    if (actual !== pin.gitBlobId) return `its git blob id is ${actual}, the pin says ${pin.gitBlobId}`;
  }
  return null;
}

/**
 * `response` with its body checked against `pin` on the way through. `name` says which file and
 * from where, for the error.
 */
export function verifiedResponse(response: Response, pin: PinnedFile, name: string): Response {
  if (!response.body) return response;
  // Allocated when the first bytes arrive: a body dropped unread costs nothing.
  let content: Uint8Array<ArrayBuffer> | null = null;
  let received = 0;
  const refuse = (why: string) =>
    new ModelFileMismatchError(`${name} is not the file the model is pinned to: ${why}. It was not used or kept; the server may hold another revision of the model.`);
  const check = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      if (received + chunk.length > pin.size) {
        controller.error(refuse(`it is larger than the pinned ${pin.size} bytes`));
        return;
      }
      content ??= new Uint8Array(pin.size);
      content.set(chunk, received);
      received += chunk.length;
      controller.enqueue(chunk);
    },
    async flush(controller) {
      const why = await fileMismatch(content ? content.subarray(0, received) : new Uint8Array(0), pin);
      if (why) controller.error(refuse(why));
    },
  });
  return new Response(response.body.pipeThrough(check), { status: response.status, statusText: response.statusText, headers: response.headers });
}
