// The embed page: one curated chart, its source line and a link back; nothing else of the site.
// Works in an iframe on any origin: data come from this site's own files. theme=auto follows the
// host's prefers-color-scheme (an iframe inherits the viewer's system preference).
import { findBenchmark, loadCatalog } from '../lib/catalog/index.ts';
import { findCuratedChart } from '../lib/charts/curated.ts';
import { parseEmbedQuery } from '../lib/charts/embed-url.ts';
import { renderChart } from '../lib/charts/render.ts';
import type { ChartSpec } from '../lib/charts/spec.ts';
import { chartTheme, type ThemeName } from '../lib/charts/theme.ts';
import { getDb } from '../lib/db/index.ts';

const root = document.getElementById('embed')!;
const dark = window.matchMedia('(prefers-color-scheme: dark)');

function fail(message: string): void {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = message;
  root.replaceChildren(p);
}

function show(spec: ChartSpec, themeChoice: 'auto' | ThemeName, pageUrl: string): void {
  const theme: ThemeName = themeChoice === 'auto' ? (dark.matches ? 'dark' : 'light') : themeChoice;
  const colours = chartTheme(theme);
  document.documentElement.style.cssText = `background:${colours.background};color:${colours.foreground};color-scheme:${theme}`;
  document.body.style.cssText = `margin:0;font-family:${colours.fontFamily};font-size:13px`;
  const svg = renderChart(spec, { theme, width: Math.max(280, root.clientWidth || window.innerWidth), fontSize: 12 });
  svg.setAttribute('width', '100%');
  svg.removeAttribute('height');
  svg.style.display = 'block';
  const link = document.createElement('a');
  link.href = pageUrl;
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = `${spec.source.benchmark} on Personascope: data, licence and citation`;
  link.style.cssText = `color:${colours.foreground};display:inline-block;padding:4px 8px`;
  root.replaceChildren(svg, link);
  root.dataset.embedReady = spec.view;
}

async function main(): Promise<void> {
  const target = parseEmbedQuery(location.search);
  if ('error' in target) return fail(target.error);
  const catalog = await loadCatalog();
  const entry = findBenchmark(catalog, target.benchmark);
  if (!entry) return fail(`No benchmark “${target.benchmark}” on Personascope.`);
  const chart = findCuratedChart(entry, target.view);
  if (!chart) return fail(`${entry.short} has no chart “${target.view}”.`);
  const spec = await chart.build(getDb(), entry);
  document.title = `${spec.title} · Personascope`;
  const pageUrl = new URL(`${import.meta.env.BASE_URL}#/b/${encodeURIComponent(entry.id)}`, location.origin).toString();
  const draw = () => show(spec, target.theme, pageUrl);
  draw();
  let frame = 0;
  const redraw = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(draw);
  };
  new ResizeObserver(redraw).observe(root);
  if (target.theme === 'auto') dark.addEventListener('change', redraw);
}

main().catch((error: unknown) => fail(`The chart could not be loaded: ${error instanceof Error ? error.message : String(error)}`));
