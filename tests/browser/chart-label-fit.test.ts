// Category labels stay inside the picture, whatever their glyphs: on the page (the browser's fonts,
// DejaVu Sans on this machine) and in the PDF export (DejaVu Sans embedded). Labels like "Gemma-7B"
// used to lose their first letters ("emma-7B"): the margin was estimated at 0.58 em a character.
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/lib/charts/spec.ts';
import { poppler, useFixturePage } from './fixture-page.ts';

const fixtures = useFixturePage('label-fit-');

/** Each name is the longest label of its chart (a short one beside it), so it alone sizes the margin. */
const NAMES = ['Gemma-7B', 'llama_2_13b', 'Gemma 1.1 7B IT', 'WWWWWWWW', 'ΔAPC (DeB) ≥ 4', 'Ωμέγα-Λ'];
const SIZES = [
  { width: 234, fontSize: 8 },
  { width: 300, fontSize: 12 },
  { width: 640, fontSize: 12 },
];

/** Dots with `name` as a row label, and a heatmap with it as a row and as one of many (slanted) columns. */
function specs(name: string): { view: string; fields: Partial<ChartSpec> }[] {
  const rows = [name, 'RAG'];
  const columns = [name, ...'ABCDEFGHIJKL'];
  return [
    { view: 'dot', fields: { data: rows.map((model, i) => ({ model, value: i / 2, lo: i / 2 - 0.1, hi: i / 2 + 0.1, group: 'A' })) } },
    { view: 'heatmap', fields: { data: rows.flatMap((model, i) => columns.map((task, j) => ({ model, task, value: (i + j) / 20 }))) } },
  ];
}

describe('category labels', () => {
  it('stay inside the chart on the page, flat and slanted', async () => {
    const outside: string[] = [];
    for (const { width, fontSize } of SIZES) {
      for (const name of NAMES) {
        for (const { view, fields } of specs(name)) {
          await fixtures.session().page.evaluate(([v, f, w, size]) => (window as unknown as { __chartProbe: (v: string, f: object, w: number, s: number) => void }).__chartProbe(v, f, w, size), [view, fields, width, fontSize] as const);
          const boxes = await fixtures.session().page.evaluate(() => {
            const svg = document.querySelector('figure[data-probe] svg')!;
            const frame = svg.getBoundingClientRect();
            return [...svg.querySelectorAll('g[data-mark$="tick label"] text')].map((t) => {
              const r = t.getBoundingClientRect();
              return { text: t.textContent ?? '', left: r.left - frame.left, right: frame.right - r.right };
            });
          });
          expect(boxes.some((b) => b.text === name || b.text.startsWith(name.slice(0, 3))), `${name} drawn in ${view}`).toBe(true);
          for (const b of boxes) if (b.left < -0.5 || b.right < -0.5) outside.push(`${view} ${width}px ${fontSize}: "${b.text}" left ${b.left.toFixed(1)} right ${b.right.toFixed(1)}`);
        }
      }
    }
    expect(outside).toEqual([]);
  });

  it('stay inside the page of the PDF export, whole', async () => {
    const outside: string[] = [];
    for (const name of NAMES) {
      for (const { view, fields } of specs(name)) {
        const { file } = await fixtures.pdf(view, view, { ...fields, title: 'Δ fit' });
        // pdftotext -bbox: every word with its box in points; the page is the preset's width.
        const html = poppler('pdftotext', ['-bbox', file, '-']);
        const pageWidth = Number(/<page width="([\d.]+)"/.exec(html)![1]);
        const words = [...html.matchAll(/<word xMin="([-\d.]+)" yMin="[-\d.]+" xMax="([-\d.]+)" yMax="[-\d.]+">([^<]*)<\/word>/g)].map((m) => ({ xMin: Number(m[1]), xMax: Number(m[2]), text: m[3] }));
        for (const w of words) if (w.xMin < 0 || w.xMax > pageWidth) outside.push(`${view} "${name}": "${w.text}" ${w.xMin}–${w.xMax} of ${pageWidth}`);
        const first = name.split(' ')[0].replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        // The row label is drawn from its first character (a cut keeps the start and ends in "…").
        expect(words.some((w) => w.text.startsWith(first.slice(0, 4))), `${name} in ${view}: ${words.map((w) => w.text).join(' ')}`).toBe(true);
      }
    }
    expect(outside).toEqual([]);
  });

  it('logged no error and stayed on its origin', () => {
    fixtures.session().assertClean();
  });
});
