// `npx tsx scripts/font-widths.ts`: writes src/lib/charts/font-widths.json, the advance widths of
// DejaVu Sans (regular and bold, the TTFs the PDF export embeds) for the characters chart labels
// use, so the renderer can size margins and cut labels by the real glyph widths without a layout
// engine (Node, the PDF path). Read from the font files, never typed: a unit test checks the JSON
// against them.
import fs from 'node:fs';
import path from 'node:path';
import { runWhenInvoked } from './run-when-invoked.ts';

export const FONT_DIR = path.resolve('src/lib/charts/export/fonts');
export const WIDTHS_FILE = path.resolve('src/lib/charts/font-widths.json');

/** Blocks covered: Latin (basic, Latin-1, Extended-A/B), Greek, punctuation, currency, letterlike, arrows, maths. */
export const BLOCKS: [number, number][] = [
  [0x20, 0x24f],
  [0x370, 0x3ff],
  [0x2000, 0x206f],
  [0x20a0, 0x20cf],
  [0x2100, 0x214f],
  [0x2190, 0x21ff],
  [0x2200, 0x22ff],
];

/** What the renderer reads: per face, for each block its first code point and widths in font units (0: no glyph). */
export interface FontWidths {
  unitsPerEm: number;
  faces: Record<'normal' | 'bold', { start: number; widths: number[] }[]>;
}

/** Advance width (font units) of each BMP code point's glyph, from the cmap (format 4) and hmtx tables. */
export function advanceWidths(ttf: Buffer): { unitsPerEm: number; widthOf: (code: number) => number } {
  const tables = new Map<string, number>();
  const count = ttf.readUInt16BE(4);
  for (let i = 0; i < count; i++) tables.set(ttf.toString('latin1', 12 + i * 16, 16 + i * 16), ttf.readUInt32BE(20 + i * 16));
  const at = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`The font has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = ttf.readUInt16BE(at('head') + 18);
  const longMetrics = ttf.readUInt16BE(at('hhea') + 34);
  const hmtx = at('hmtx');
  const glyphWidth = (glyph: number) => ttf.readUInt16BE(hmtx + 4 * Math.min(glyph, longMetrics - 1));

  const cmap = at('cmap');
  let format4 = -1;
  for (let i = 0; i < ttf.readUInt16BE(cmap + 2); i++) {
    const platform = ttf.readUInt16BE(cmap + 4 + i * 8);
    const encoding = ttf.readUInt16BE(cmap + 6 + i * 8);
    const offset = cmap + ttf.readUInt32BE(cmap + 8 + i * 8);
    if (platform === 3 && encoding === 1 && ttf.readUInt16BE(offset) === 4) format4 = offset;
  }
  if (format4 < 0) throw new Error('The font has no Unicode BMP (format 4) cmap');
  const segments = ttf.readUInt16BE(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  const glyphOf = (code: number): number => {
    for (let s = 0; s < segments; s++) {
      if (code > ttf.readUInt16BE(ends + 2 * s)) continue;
      const start = ttf.readUInt16BE(starts + 2 * s);
      if (code < start) return 0;
      const delta = ttf.readInt16BE(deltas + 2 * s);
      const rangeOffset = ttf.readUInt16BE(rangeOffsets + 2 * s);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const glyph = ttf.readUInt16BE(rangeOffsets + 2 * s + rangeOffset + 2 * (code - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
  return { unitsPerEm, widthOf: (code) => (glyphOf(code) === 0 ? 0 : glyphWidth(glyphOf(code))) };
}

export function fontWidths(): FontWidths {
  const read = (file: string) => advanceWidths(fs.readFileSync(path.join(FONT_DIR, file)));
  const normal = read('DejaVuSans.ttf');
  const bold = read('DejaVuSans-Bold.ttf');
  if (normal.unitsPerEm !== bold.unitsPerEm) throw new Error('The two faces have different units per em');
  const face = (f: ReturnType<typeof advanceWidths>) => BLOCKS.map(([start, end]) => ({ start, widths: Array.from({ length: end - start + 1 }, (_, i) => f.widthOf(start + i)) }));
  return { unitsPerEm: normal.unitsPerEm, faces: { normal: face(normal), bold: face(bold) } };
}

async function main(): Promise<number> {
  fs.writeFileSync(WIDTHS_FILE, JSON.stringify(fontWidths()) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), WIDTHS_FILE)}`);
  return 0;
}

runWhenInvoked(import.meta.url, main);
