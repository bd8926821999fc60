// PNG exports say their density (pHYs), so a 3× PNG is placed at its size, not three times larger.
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, PNG_FORMATS } from '../../src/lib/charts/export/formats.ts';
import { crc32, pixelsPerMetre, withPhysicalSize } from '../../src/lib/charts/export/png-phys.ts';
import { pngSize, preset, PX_PER_IN } from '../../src/lib/charts/export/preset.ts';

describe('PNG physical size (6)', () => {
  it('writes pHYs after IHDR with pixels per metre for the scale', () => {
    expect(pixelsPerMetre(3)).toBe(Math.round((96 * 3) / 0.0254));
    const ihdr = chunk('IHDR', new Uint8Array(13));
    const iend = chunk('IEND', new Uint8Array(0));
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...ihdr, ...iend]);
    const out = withPhysicalSize(png, pixelsPerMetre(3));
    const view = new DataView(out.buffer);
    const at = 8 + ihdr.length;
    expect(String.fromCharCode(...out.subarray(at + 4, at + 8))).toBe('pHYs');
    expect(view.getUint32(at + 8)).toBe(11339);
    expect(view.getUint32(at + 12)).toBe(11339);
    expect(out[at + 16]).toBe(1);
    expect(view.getUint32(at + 17)).toBe(crc32(out.subarray(at + 4, at + 17)));
    // Run twice: still one pHYs.
    const again = withPhysicalSize(out, pixelsPerMetre(1));
    expect(again.length).toBe(out.length);
  });
});

describe('PNG densities for print', () => {
  it('offers 300 and 600 dpi beside 1–3×, sized and marked at that density', () => {
    const labels = EXPORT_FORMATS.map((f) => f.label);
    expect(labels).toEqual(expect.arrayContaining(['PNG 1×', 'PNG 2×', 'PNG 3×', 'PNG 300 dpi (print)', 'PNG 600 dpi (line art)']));
    expect(Object.values(PNG_FORMATS).map((f) => f.dpi)).toEqual([96, 192, 288, 300, 600]);
    // A single column (3.25 in) 2 in tall at 300 dpi: 975 × 600 px, 11811 px per metre (300 / 0.0254).
    const scale = PNG_FORMATS.png300.dpi / PX_PER_IN;
    expect(pngSize(preset('single', 2, 8), scale)).toEqual({ width: 975, height: 600 });
    expect(pixelsPerMetre(scale)).toBe(11811);
    expect(pngSize(preset('single', 2, 8), PNG_FORMATS.png600.dpi / PX_PER_IN)).toEqual({ width: 1950, height: 1200 });
    expect(pixelsPerMetre(PNG_FORMATS.png600.dpi / PX_PER_IN)).toBe(23622);
  });
});

function chunk(type: string, data: Uint8Array): number[] {
  const body = new Uint8Array([...type].map((c) => c.charCodeAt(0)).concat([...data]));
  const out = new Uint8Array(8 + data.length + 4);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(body, 4);
  view.setUint32(8 + data.length, crc32(body));
  return [...out];
}
