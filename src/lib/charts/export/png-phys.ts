// A PNG's physical pixel size (the pHYs chunk): without it a "PNG 3×" at 288 dpi is placed by
// Word, LaTeX or a print dialog at 72 or 96 dpi, three or four times too large.
import { PX_PER_IN } from './preset.ts';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const M_PER_IN = 0.0254;

/** Pixels per metre of a PNG drawn at `scale` × 96 px per inch. */
export function pixelsPerMetre(scale: number): number {
  return Math.round((PX_PER_IN * scale) / M_PER_IN);
}

/** The PNG with a pHYs chunk (metres, same density both ways) after IHDR, replacing any it had. */
export function withPhysicalSize(png: Uint8Array, ppm: number): Uint8Array {
  if (!SIGNATURE.every((b, i) => png[i] === b)) throw new Error('Not a PNG file: it does not start with the PNG signature.');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Uint8Array[] = [png.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= png.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    if (end > png.length) throw new Error(`The PNG is cut short: its ${type} chunk runs past the end of the file.`);
    if (type !== 'pHYs') chunks.push(png.subarray(at, end));
    if (type === 'IHDR') chunks.push(physChunk(ppm));
    at = end;
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

function physChunk(ppm: number): Uint8Array {
  const chunk = new Uint8Array(4 + 4 + 9 + 4);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  view.setUint32(8, ppm);
  view.setUint32(12, ppm);
  chunk[16] = 1; // unit: metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)));
  return chunk;
}

let table: Uint32Array | null = null;

/** CRC-32 as PNG specifies it (over chunk type and data). */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
