// Every chart type renders from a fixture in jsdom: title, description, axes, mark count, legend, source line.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { chartFixtures } from '../../src/lib/charts/fixtures.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { sourceLine } from '../../src/lib/charts/spec.ts';
import { dejaVuEms } from '../../src/lib/charts/text-width.ts';
import { chartTheme } from '../../src/lib/charts/theme.ts';

const { window } = new JSDOM('<!doctype html><body></body>');
const doc = window.document;
const fixtures = new Map(chartFixtures().map((s) => [s.view, s]));
const render = (view: string, theme: 'light' | 'dark' = 'light') => renderChart(fixtures.get(view)!, { theme, width: 640, document: doc });
const marks = (svg: Element, kind: string, shape: string) => svg.querySelectorAll(`g[data-mark="${kind}"] ${shape}`).length;

/** Numbers of an SVG transform's translate(…) and rotate(…), 0 where absent. */
function transformOf(node: Element | null): { x: number; rotate: number } {
  const t = node?.getAttribute('transform') ?? '';
  const translate = /translate\(([-\d.e]+)/.exec(t);
  const rotate = /rotate\(([-\d.e]+)/.exec(t);
  return { x: translate ? Number(translate[1]) : 0, rotate: rotate ? Number(rotate[1]) : 0 };
}

/**
 * Left edge (SVG user units) of each end-anchored tick label of an axis, with its drawn width taken
 * from DejaVu Sans's advance widths (read from the TTF the PDF embeds), slanted labels projected.
 */
function tickLabelBoxes(svg: Element, mark: string, fontSize: number): { text: string; left: number; rotate: number }[] {
  const group = svg.querySelector(`g[data-mark="${mark}"]`);
  if (!group) return [];
  let offset = transformOf(group).x;
  for (let node = group.parentElement; node && node !== svg; node = node.parentElement) offset += transformOf(node).x;
  expect(group.getAttribute('text-anchor')).toBe('end');
  return [...group.querySelectorAll('text')].map((t) => {
    const { x, rotate } = transformOf(t);
    const width = dejaVuEms(t.textContent ?? '') * fontSize * Math.cos((rotate * Math.PI) / 180);
    return { text: t.textContent ?? '', left: offset + x - width, rotate };
  });
}

describe('chart renderer', () => {
  it('gives every chart a title, a description, a source line and no stylesheet or currentColor', () => {
    for (const spec of fixtures.values()) {
      const svg = renderChart(spec, { theme: 'light', width: 640, document: doc });
      expect(svg.querySelector('title')?.textContent, spec.view).toBe(spec.title);
      expect(svg.getAttribute('aria-label')).toMatch(/\w/);
      expect(svg.querySelector('[data-source-line]')?.textContent, spec.view).toContain('Source: Fixture');
      expect([...svg.querySelectorAll('[data-source-line]')].map((n) => n.textContent).join(' ')).toBe(sourceLine(spec));
      expect(svg.querySelector('style'), spec.view).toBeNull();
      expect(svg.outerHTML.includes('currentColor'), spec.view).toBe(false);
      expect(svg.getAttribute('viewBox')).toMatch(/^0 0 640 \d+/);
    }
  });

  it('draws bars with error bars, sorted by value', () => {
    const svg = render('bar');
    expect(marks(svg, 'bar', 'rect')).toBe(4);
    expect(marks(svg, 'rule', 'line')).toBeGreaterThanOrEqual(4);
    expect(svg.querySelector('g[data-mark="y-axis label"]')?.textContent).toContain('y (share)');
    const ticks = [...svg.querySelectorAll('g[data-mark="x-axis tick label"] text')].map((t) => t.textContent);
    const values = new Map(fixtures.get('bar')!.data.map((d) => [d.model, d.value as number]));
    const ordered = ticks.map((t) => values.get(t!)!);
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));
  });

  it('draws dots with intervals and tie-group labels', () => {
    const svg = render('dot');
    expect(marks(svg, 'dot', 'circle')).toBe(4);
    expect([...svg.querySelectorAll('g[data-mark="text"] text')].map((t) => t.textContent).sort()).toEqual(['A', 'A', 'B', 'B']);
  });

  it('keeps category labels whole when the margin was sized for them, and cuts only what the width cap leaves out', () => {
    const dot = fixtures.get('dot')!;
    const yTicks = (models: string[], width: number) => {
      const data = models.map((model, i) => ({ ...dot.data[0], model, value: i }));
      const svg = renderChart({ ...dot, data }, { theme: 'light', width, document: doc });
      return [...svg.querySelectorAll('g[data-mark="y-axis tick label"] text')].map((t) => t.textContent).sort();
    };
    // Short names fit: nothing is cut (they used to lose their last letters: "poli…").
    expect(yTicks(['polite', 'rude', 'a-much-longer-model-name-7b'], 640)).toEqual(['a-much-longer-model-name-7b', 'polite', 'rude']);
    // A narrow chart caps the margin at 45% of its width: the long name is cut with an ellipsis,
    // where DejaVu Sans's glyph widths (the widest font that draws it) say it still fits.
    const narrow = yTicks(['polite', 'a-much-longer-model-name-7b'], 200);
    expect(narrow[0]).toMatch(/^a-much-l.*…$/);
    expect(narrow[1]).toBe('polite');
  });

  it('keeps every category label inside the picture, measured by the glyph widths of the font that draws it', () => {
    const dot = fixtures.get('dot')!;
    const heatmap = fixtures.get('heatmap')!;
    const names = ['Gemma-7B', 'llama_2_13b', 'Gemma 1.1 7B IT', 'WWWWWWWWWW', 'ΔAPC Ωmega ≥ 4', '三国演义', 'a-much-longer-model-name-7b-instruct-v0.3'];
    const cases = [
      { width: 234, fontSize: 8 },
      { width: 486, fontSize: 8 },
      { width: 640, fontSize: 12 },
      { width: 300, fontSize: 12 },
    ];
    // Each name is the longest of its chart (a short one beside it), so it alone sizes the margin.
    let slantedSeen = 0;
    for (const { width, fontSize } of cases) {
      for (const name of names) {
        const rows = [name, 'RAG'];
        const dots = renderChart({ ...dot, data: rows.map((model, i) => ({ ...dot.data[0], model, value: i })) }, { theme: 'light', width, fontSize, document: doc });
        // The same names as heatmap rows, and with more columns, as slanted column labels.
        const columns = [name, ...'ABCDEFGHIJKL'];
        const cells = rows.flatMap((row, i) => columns.map((column, j) => ({ [heatmap.encoding.y!]: row, [heatmap.encoding.x]: column, [heatmap.encoding.color!]: i + j })));
        const heat = renderChart({ ...heatmap, data: cells }, { theme: 'light', width, fontSize, document: doc });
        for (const svg of [dots, heat]) {
          const labels = tickLabelBoxes(svg, 'y-axis tick label', fontSize);
          expect(labels.length).toBe(rows.length);
          for (const label of labels) expect(label.left, `${label.text} at ${width} wide, ${fontSize} pt`).toBeGreaterThanOrEqual(0);
        }
        const slanted = tickLabelBoxes(heat, 'x-axis tick label', fontSize).filter((label) => label.rotate !== 0);
        slantedSeen += slanted.length;
        for (const label of slanted) expect(label.left, `slanted ${label.text} at ${width} wide, ${fontSize} pt`).toBeGreaterThanOrEqual(0);
      }
    }
    expect(slantedSeen).toBeGreaterThan(0);
  });

  it('breaks an x-axis title wider than the plot into lines, and makes room for them below', () => {
    const dot = fixtures.get('dot')!;
    const xLabel = 'APC / n (persona faithfulness) (0–1, higher = more faithful)';
    const at = (width: number) => {
      const svg = renderChart({ ...dot, xLabel }, { theme: 'light', width, document: doc });
      const lines = [...svg.querySelectorAll('g[data-mark="x-axis label"] tspan')].map((t) => t.textContent);
      const whole = svg.querySelector('g[data-mark="x-axis label"] text')?.textContent;
      return { lines, whole };
    };
    expect(at(640)).toEqual({ lines: [], whole: xLabel });
    const narrow = at(300);
    expect(narrow.lines.length).toBeGreaterThan(1);
    expect(narrow.lines.join(' ')).toBe(xLabel);
  });

  it('gives a value axis over a single value room around it, with plain ticks', () => {
    const dot = fixtures.get('dot')!;
    const spec = { ...dot, data: [{ ...dot.data[0], model: 'Only', value: 6.8, lo: null, hi: null }], encoding: { ...dot.encoding, lo: undefined, hi: undefined } };
    const svg = renderChart(spec, { theme: 'light', width: 640, document: doc });
    const ticks = [...svg.querySelectorAll('g[data-mark="x-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks.length).toBeGreaterThan(2);
    expect(ticks.every((t) => !/\.\d{3,}/.test(t!))).toBe(true);
  });

  it('draws grouped and stacked bars with a colour legend', () => {
    for (const view of ['grouped', 'stacked']) {
      const svg = render(view);
      expect(marks(svg, 'bar', 'rect'), view).toBe(12);
      expect(svg.querySelectorAll('[data-legend] [data-swatch]').length, view).toBe(4);
    }
  });

  it('draws a heatmap with cell labels and a colour ramp legend', () => {
    const svg = render('heatmap');
    expect(marks(svg, 'cell', 'rect')).toBe(12);
    expect(marks(svg, 'text', 'text')).toBe(12);
    expect(svg.querySelectorAll('[data-legend] rect').length).toBeGreaterThan(10);
  });

  it('labels heatmap cells with as few decimals as each value needs, or with fixed decimals when the spec asks', () => {
    const spec = fixtures.get('heatmap')!;
    const data = spec.data.slice(0, 3).map((d, i) => ({ ...d, value: [0.9993, 0.25, 6.8][i] }));
    const labels = (decimals?: number) => {
      const svg = renderChart({ ...spec, data, encoding: { ...spec.encoding, decimals } }, { theme: 'light', width: 640, document: doc });
      return [...svg.querySelectorAll('g[data-mark="text"] text')].map((t) => t.textContent);
    };
    expect(labels()).toEqual(['1', '0.25', '6.8']);
    expect(labels(2)).toEqual(['1.00', '0.25', '6.80']);
  });

  it('draws heatmap values no wider than their cells, shrinking them in narrow charts and leaving them out when illegible', () => {
    const spec = fixtures.get('heatmap')!;
    // Like PersonaGym's model-by-task: values such as 4.52 in eight task columns.
    const tasks = ['Action', 'Consistency', 'Linguistic', 'Toxicity', 'Expected', 'Persona', 'Overall', 'Other'];
    const data = ['GPT-4o', 'Llama-3-70B'].flatMap((model, i) => tasks.map((task, j) => ({ model, task, value: 4.52 - (i * 8 + j) / 37 })));
    const shown: Record<number, number> = {};
    for (const [width, fontSize] of [[300, 12], [400, 12], [640, 12], [234, 8], [200, 12]]) {
      const svg = renderChart({ ...spec, data }, { theme: 'light', width, fontSize, document: doc });
      const cellWidth = Number(svg.querySelector('g[data-mark="cell"] rect')!.getAttribute('width'));
      const group = svg.querySelector('g[data-mark="text"]');
      const texts = [...(group?.querySelectorAll('text') ?? [])];
      shown[width] = texts.length;
      if (!texts.length) continue;
      const size = Number(group!.getAttribute('font-size'));
      expect(size, `${width} wide`).toBeGreaterThanOrEqual(5);
      expect(size).toBeLessThanOrEqual(fontSize);
      for (const t of texts) expect(dejaVuEms(t.textContent!) * size, `"${t.textContent}" at ${width} wide`).toBeLessThanOrEqual(cellWidth);
    }
    // Wide enough, every value is drawn; far too narrow, none is (the colours and the table carry them).
    expect(shown[640]).toBe(16);
    expect(shown[300]).toBe(16);
    expect(shown[200]).toBe(0);
  });

  it('draws lines with markers, scatter with labels, histogram bins, facets and a network', () => {
    expect(marks(render('line'), 'line', 'path')).toBe(2);
    expect(marks(render('line'), 'dot', 'circle')).toBe(16);
    const scatter = render('scatter');
    expect(marks(scatter, 'dot', 'circle')).toBe(12);
    expect(marks(scatter, 'text', 'text')).toBe(12);
    expect(marks(render('histogram'), 'rect', 'rect')).toBeGreaterThan(3);
    const facets = render('facets');
    expect(marks(facets, 'bar', 'rect')).toBe(12);
    // Four panels wrap into a grid at 640 wide, each titled.
    const titles = [...facets.querySelectorAll('g[data-mark="text"] text')].map((t) => t.textContent).sort();
    expect(titles).toEqual(['Model A', 'Model B', 'Model C', 'Model D']);
    // The panel grid scales with the font: at a paper's 8 pt, 300 units hold two panels side by side.
    const height = (width: number, fontSize: number) => Number(renderChart(fixtures.get('facets')!, { theme: 'light', width, fontSize, document: doc }).getAttribute('viewBox')!.split(' ')[3]);
    expect(height(300, 8)).toBeLessThan(height(200, 8) * 0.75);
    const network = render('network');
    expect(marks(network, 'dot', 'circle')).toBe(10);
    expect(marks(network, 'link', 'path')).toBe(8);
  });

  it('takes its colours from the theme: dark background and palette differ from light', () => {
    const light = render('grouped', 'light');
    const dark = render('grouped', 'dark');
    expect(light.querySelector('rect')?.getAttribute('fill')).toBe(chartTheme('light').background);
    expect(dark.querySelector('rect')?.getAttribute('fill')).toBe(chartTheme('dark').background);
  });

  it('measures without drawing: a layout-only render has the full render’s height and no plot, at any width', () => {
    for (const spec of fixtures.values())
      for (const width of [280, 640, 1600]) {
        const full = renderChart(spec, { theme: 'light', width, document: doc });
        const layout = renderChart(spec, { theme: 'light', width, document: doc, layoutOnly: true });
        expect(layout.getAttribute('height'), `${spec.view} at ${width}`).toBe(full.getAttribute('height'));
        expect(layout.querySelector('[data-plot]')).toBeNull();
        expect(layout.querySelector('[data-source-line]')).not.toBeNull();
      }
  });

  it('lays out the network the same way every time', () => {
    expect(render('network').outerHTML).toBe(render('network').outerHTML);
  });
});
