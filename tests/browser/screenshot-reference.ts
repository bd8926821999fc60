// Compares a PNG screenshot with its committed reference in tests/browser/__screenshots__/.
// A missing reference fails (so a forgotten `git add` cannot pass CI); UPDATE_SCREENSHOTS=1 writes
// the references instead. On a mismatch the actual image and a diff go to test-results/screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export const REFERENCE_DIR = path.resolve('tests/browser/__screenshots__');
export const RESULTS_DIR = path.resolve('test-results/screenshots');

/**
 * Colour distance (pixelmatch's OKLab HyAB scale, 0–1) under which two pixels count as equal.
 * 0.1 is pixelmatch's own default: it absorbs rounding in colour blending, and anti-aliased edge
 * pixels are detected and skipped separately, but a mark drawn in a different palette colour,
 * or moved, differs by far more.
 */
export const PIXEL_THRESHOLD = 0.1;

/**
 * Share of pixels allowed to differ: 0.02 % (about 45–60 pixels of these 640-pixel-wide charts).
 * Measured here: repeated runs give byte-identical screenshots, and one digit more or less in a
 * label changes about 58 pixels. The often-quoted 0.5 % let a heatmap with all 12 cell labels
 * changed (0.36 %) and grouped bars with every bar moved (0.18 %) pass, so it is far too loose.
 * What is left absorbs stray anti-aliasing pixels pixelmatch does not recognise as such.
 */
export const MAX_DIFF_RATIO = 0.0002;

export const updating = process.env.UPDATE_SCREENSHOTS === '1';

export interface Comparison {
  pass: boolean;
  message: string;
}

/** Writes the reference (when updating) or compares `actual` with it. */
export function compareWithReference(name: string, actual: Buffer): Comparison {
  const referencePath = path.join(REFERENCE_DIR, `${name}.png`);
  if (updating) {
    fs.mkdirSync(REFERENCE_DIR, { recursive: true });
    fs.writeFileSync(referencePath, actual);
    return { pass: true, message: `wrote ${relative(referencePath)}` };
  }
  const actualPath = path.join(RESULTS_DIR, `${name}.actual.png`);
  const diffPath = path.join(RESULTS_DIR, `${name}.diff.png`);
  fs.rmSync(actualPath, { force: true });
  fs.rmSync(diffPath, { force: true });
  if (!fs.existsSync(referencePath)) {
    saveActual(actualPath, actual);
    return { pass: false, message: `no reference ${relative(referencePath)}; actual saved as ${relative(actualPath)}. Run with UPDATE_SCREENSHOTS=1 to create it, look at it, and commit it.` };
  }
  const want = PNG.sync.read(fs.readFileSync(referencePath));
  const got = PNG.sync.read(actual);
  if (want.width !== got.width || want.height !== got.height) {
    saveActual(actualPath, actual);
    return { pass: false, message: `${name}: size ${got.width}×${got.height} differs from the reference's ${want.width}×${want.height} (${relative(referencePath)}); actual saved as ${relative(actualPath)}` };
  }
  const diff = new PNG({ width: got.width, height: got.height });
  const differing = pixelmatch(want.data, got.data, diff.data, got.width, got.height, { threshold: PIXEL_THRESHOLD });
  const ratio = differing / (got.width * got.height);
  if (ratio <= MAX_DIFF_RATIO) return { pass: true, message: `${name}: ${differing} pixels differ (${percent(ratio)})` };
  saveActual(actualPath, actual);
  fs.writeFileSync(diffPath, PNG.sync.write(diff));
  return {
    pass: false,
    message: `${name}: ${differing} pixels (${percent(ratio)}) differ from ${relative(referencePath)}, more than ${percent(MAX_DIFF_RATIO)}; actual: ${relative(actualPath)}, diff (red = differs): ${relative(diffPath)}`,
  };
}

function saveActual(file: string, png: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, png);
}

function relative(file: string): string {
  return path.relative(process.cwd(), file);
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(3)} %`;
}
