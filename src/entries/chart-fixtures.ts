// Test page (chart-fixtures.html): every chart type from its synthetic fixture, for browser tests
// and `npm run bench`. A separate entry: nothing of it ships with the site's pages.
import { chartToPdf } from '../lib/charts/export/pdf.ts';
import { preset } from '../lib/charts/export/preset.ts';
import { chartFixtures, largeScatter } from '../lib/charts/fixtures.ts';
import { renderChart } from '../lib/charts/render.ts';
import type { ChartSpec } from '../lib/charts/spec.ts';
import type { ThemeName } from '../lib/charts/theme.ts';

const theme: ThemeName = new URLSearchParams(location.search).get('theme') === 'dark' ? 'dark' : 'light';
const root = document.getElementById('fixtures')!;
document.body.style.margin = '0';
for (const spec of chartFixtures()) {
  const figure = document.createElement('figure');
  figure.dataset.fixture = spec.view;
  figure.style.cssText = 'margin:8px;width:640px;display:inline-block;vertical-align:top';
  figure.append(renderChart(spec, { theme, width: 640 }));
  root.append(figure);
}
root.dataset.ready = 'true';

// Hooks for the bench: time a render of n marks and a PDF export of a typical chart.
(window as unknown as Record<string, unknown>).__chartBench = {
  renderMs(n: number): number {
    const spec = largeScatter(n);
    const t0 = performance.now();
    const svg = renderChart(spec, { theme: 'light', width: 800, height: 500 });
    document.body.append(svg);
    svg.getBoundingClientRect(); // force style and layout: the time until it can be painted
    const ms = performance.now() - t0;
    svg.remove();
    return ms;
  },
  async pdfMs(): Promise<{ ms: number; bytes: number }> {
    const spec = chartFixtures().find((s) => s.view === 'grouped')!;
    const t0 = performance.now();
    const blob = await chartToPdf(spec, preset('single', 2.5, 8));
    return { ms: performance.now() - t0, bytes: blob.size };
  },
};

// Hook for the PDF tests: one fixture exported as PDF with some of its fields replaced (labels,
// data), at a paper preset (single column, 2.5 in, 8 pt unless given), returned as base64.
(window as unknown as Record<string, unknown>).__chartPdf = async (view: string, fields: Partial<ChartSpec>, paper = preset('single', 2.5, 8)) => {
  const spec = { ...chartFixtures().find((s) => s.view === view)!, ...fields };
  const blob = await chartToPdf(spec, paper);
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return { base64: btoa(binary) };
};

// Hook for the label-fit test: one fixture with some fields replaced, drawn on this page as the site
// draws it (the browser's fonts), in a figure marked data-probe; earlier probes are removed.
(window as unknown as Record<string, unknown>).__chartProbe = (view: string, fields: Partial<ChartSpec>, width: number, fontSize = 12) => {
  document.querySelector('figure[data-probe]')?.remove();
  const figure = document.createElement('figure');
  figure.dataset.probe = view;
  figure.style.cssText = `margin:8px;width:${width}px`;
  figure.append(renderChart({ ...chartFixtures().find((s) => s.view === view)!, ...fields }, { theme, width, fontSize }));
  document.body.append(figure);
};
