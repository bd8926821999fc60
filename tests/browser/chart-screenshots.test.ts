// Every chart type on the fixture page, screenshotted and compared with its committed reference
// (tests/browser/__screenshots__/<view>.png). Update references with UPDATE_SCREENSHOTS=1.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartFixtures } from '../../src/lib/charts/fixtures.ts';
import { newSession, siteUrl, type Session } from './harness.ts';
import { compareWithReference } from './screenshot-reference.ts';

// The theme's font stack starts with system-ui, which each machine resolves to its own default
// font. For pixels that depend on the renderer and not on what fonts a machine has, chart text is
// pinned to DejaVu Sans (Debian's fonts-dejavu-core, which fontconfig depends on). The renderer
// lays text out by the wider of DejaVu Sans's widths and the browser font's (text-width.ts), so
// wherever the system font is no wider than DejaVu the override changes glyphs only, not the layout.
const PINNED_FONT = 'DejaVu Sans';
const PIN_FONT_CSS = `[data-fixture] svg, [data-fixture] svg * { font-family: '${PINNED_FONT}' !important; }`;

const views = chartFixtures().map((spec) => spec.view);
let s: Session | undefined;

beforeAll(async () => {
  const installed = execFileSync('fc-list', [`:family=${PINNED_FONT}`, 'family'], { encoding: 'utf8' });
  if (!installed.trim()) throw new Error(`${PINNED_FONT} is not installed (apt-get install fonts-dejavu-core): screenshots would use another font`);
  s = await newSession({ width: 1400, height: 900 });
  await s.page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await s.page.goto(new URL('chart-fixtures.html?theme=light', siteUrl).toString());
  await s.page.locator('#fixtures[data-ready]').waitFor();
  await s.page.addStyleTag({ content: PIN_FONT_CSS });
  // Text is painted only once its font is loaded; two frames let the style change reach the screen.
  await s.page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
});

afterAll(async () => {
  await s?.close();
  s = undefined;
});

describe('chart screenshots match the committed references', () => {
  it('renders at one CSS pixel per device pixel', async () => {
    expect(await s!.page.evaluate(() => window.devicePixelRatio)).toBe(1);
  });

  for (const view of views) {
    it(`${view}`, async () => {
      const chart = s!.page.locator(`[data-fixture="${view}"] svg`);
      const png = await chart.screenshot({ animations: 'disabled', caret: 'hide', scale: 'css' });
      const result = compareWithReference(view, png);
      expect(result.pass, result.message).toBe(true);
    });
  }

  it('logged no error and stayed on its origin', () => {
    s!.assertClean();
  });
});
