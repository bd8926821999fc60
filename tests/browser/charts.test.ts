// Curated charts on benchmark pages, drawn from specs: structure (marks, axes, legend, source line,
// data table) and exports checked as files (SVG parses with text, PDF vector with the preset's page size,
// PNG at preset × scale, CSV rows). One session: DuckDB boots once, pages change by hash.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCatalog, builtTableRows, newSession, type Session } from './harness.ts';

const catalog = builtCatalog();
const judge = catalog.benchmarks.find((b) => b.id === 'personalized-judge');
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'charts-'));

let s: Session;
beforeAll(async () => {
  s = await newSession({ width: 1100 });
});
afterAll(async () => {
  s.assertClean();
  await s.close();
  fs.rmSync(outDir, { recursive: true, force: true });
});

async function openChart(benchmark: string, view: string) {
  if (s.page.url().includes('#/')) await s.page.evaluate((h) => (location.hash = h), `#/b/${benchmark}`);
  else await s.open(`#/b/${benchmark}`);
  const figure = s.page.locator(`[data-chart="${view}"]`);
  await figure.locator('[data-chart-svg] svg').waitFor({ timeout: 90_000 });
  return figure;
}

async function exportFile(figure: ReturnType<Session['page']['locator']>, format: string): Promise<string> {
  const [download] = await Promise.all([s.page.waitForEvent('download'), figure.locator(`[data-export="${format}"]`).click()]);
  const file = path.join(outDir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe.skipIf(!judge)('curated charts', () => {
  it('draws judge accuracy with bootstrap CIs and tie groups, and offers the data as a table', async () => {
    const rows = builtTableRows(judge!.tables.find((t) => t.name === 'judgments')!.file) as { task: string; judge: string; correct: boolean | null }[];
    const pairs = new Set(rows.filter((r) => r.correct !== null).map((r) => `${r.task}|${r.judge}`));
    const figure = await openChart('personalized-judge', 'judge-accuracy');
    const svg = figure.locator('[data-chart-svg] svg');
    expect(await svg.locator('g[data-mark="dot"] circle').count()).toBe(pairs.size);
    expect(await svg.locator('g[data-mark="rule"] line').count()).toBe(pairs.size);
    expect(await svg.locator('g[data-mark="x-axis tick label"] text').count()).toBeGreaterThan(3);
    expect(await svg.locator('title').first().textContent()).toContain('accuracy of each judge model');
    const letters = await svg.locator('g[data-mark="text"] text').allTextContents();
    // One label per model: its tie letters ("A", or "AB" between two groups); the panels are named by task.
    const tasks = new Set(rows.map((r) => r.task));
    expect(letters.filter((l) => /^[A-Z]+$/.test(l) && !tasks.has(l))).toHaveLength(pairs.size);
    expect(await svg.locator('[data-source-line]').allTextContents().then((t) => t.join(' '))).toContain('2,000 resamples, seed 1');
    expect(await svg.getAttribute('aria-label')).toMatch(/Dot plot/);

    await figure.getByRole('button', { name: 'Show data table' }).click();
    expect(await figure.locator('table tbody tr').count()).toBe(pairs.size);
    expect(await figure.locator('table thead th').allTextContents()).toContain('Tie group');
  });

  it('exports vector PDF and SVG, PNG at preset × scale, and the data as CSV, named by benchmark, view and date', async () => {
    const figure = await openChart('personalized-judge', 'judge-accuracy');
    await figure.locator('summary', { hasText: 'Export' }).click();
    await figure.getByLabel('Font size (pt)').fill('8');
    await figure.getByLabel(/Height/).fill('4');
    const today = new Date().toISOString().slice(0, 10);

    const pdf = await exportFile(figure, 'pdf');
    expect(path.basename(pdf)).toBe(`personalized-judge_judge-accuracy_${today}.pdf`);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+234 x 288 pts/);
    // Extracted text, lines joined: wrapped titles read as one sentence.
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('accuracy of each judge model');
    expect(text).toContain('Source: Personalized Judge');
    expect(text).toContain('gpt-4o');
    // Vector: no raster image on the page.
    expect(execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').length).toBe(2);

    const svgFile = await exportFile(figure, 'svg');
    const doc = new JSDOM(fs.readFileSync(svgFile, 'utf8'), { contentType: 'image/svg+xml' }).window.document;
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.documentElement.getAttribute('width')).toBe('3.25in');
    expect(doc.documentElement.getAttribute('height')).toBe('4in');
    expect(doc.documentElement.getAttribute('font-family')).toContain('sans-serif');
    expect(doc.querySelectorAll('text').length).toBeGreaterThan(20);
    expect(doc.querySelector('rect')?.getAttribute('fill')).toBe('#ffffff');

    for (const scale of [1, 3]) {
      const png = await exportFile(figure, `png${scale}`);
      expect(pngSize(png)).toEqual({ width: 312 * scale, height: 384 * scale });
    }

    const csv = fs.readFileSync(await exportFile(figure, 'csv'), 'utf8').trim().split('\r\n');
    expect(csv[0]).toContain('95% CI low');
    expect(csv.length).toBeGreaterThan(5);
    const tex = fs.readFileSync(await exportFile(figure, 'tex'), 'utf8');
    expect(tex).toContain('\\toprule');
  });

  it('draws the PersonaGym heatmap, the PersonaBench network and PersonaMem lines from their tables', async () => {
    const gym = catalog.benchmarks.find((b) => b.id === 'personagym')!;
    const scores = builtTableRows(gym.tables.find((t) => t.name === 'scores')!.file);
    let svg = (await openChart('personagym', 'model-by-task')).locator('[data-chart-svg] svg');
    expect(await svg.locator('g[data-mark="cell"] rect').count()).toBe(scores.length);
    expect(await svg.locator('[data-legend] rect').count()).toBeGreaterThan(10);

    const bench = catalog.benchmarks.find((b) => b.id === 'personabench')!;
    const people = builtTableRows(bench.tables.find((t) => t.name === 'people')!.file);
    svg = (await openChart('personabench', 'social-graph')).locator('[data-chart-svg] svg');
    expect(await svg.locator('g[data-mark="dot"] circle').count()).toBe(people.length);
    expect(await svg.locator('g[data-mark="link"] path').count()).toBeGreaterThan(0);
    expect(await svg.locator('[data-legend] [data-swatch]').count()).toBeGreaterThan(1);

    const mem = catalog.benchmarks.find((b) => b.id === 'personamem')!;
    const acc = builtTableRows(mem.tables.find((t) => t.name === 'accuracy_by_sessions')!.file) as { model: string; row_kind: string; num_sessions: number | null }[];
    const lines = acc.filter((r) => r.row_kind === 'model' && r.num_sessions !== null);
    svg = (await openChart('personamem', 'accuracy-by-sessions')).locator('[data-chart-svg] svg');
    expect(await svg.locator('g[data-mark="line"] path').count()).toBe(new Set(lines.map((r) => r.model)).size);
    expect(await svg.locator('g[data-mark="dot"] circle').count()).toBe(lines.length);
    expect(await svg.locator('[data-source-line]').allTextContents().then((t) => t.join(' '))).toContain('aggregates only');
  });

  it('builds a chart from a table with the choice in the URL, so the link reproduces it', async () => {
    const gym = catalog.benchmarks.find((b) => b.id === 'personagym')!;
    const scores = builtTableRows(gym.tables.find((t) => t.name === 'scores')!.file) as { model: string }[];
    await s.page.evaluate(() => (location.hash = '#/b/personagym/scores?chart.mark=bar&chart.x=model&chart.y=score&chart.aggregate=mean&chart.sort=value-desc'));
    const builder = s.page.locator('[data-chart-builder]');
    const svg = builder.locator('[data-chart-svg] svg');
    await svg.waitFor({ timeout: 60_000 });
    expect(await svg.locator('g[data-mark="bar"] rect').count()).toBe(new Set(scores.map((r) => r.model)).size);
    await builder.locator('select[name="mark"]').selectOption('dot');
    await expect.poll(() => svg.locator('g[data-mark="dot"] circle').count()).toBe(new Set(scores.map((r) => r.model)).size);
    expect(await s.page.evaluate(() => location.hash)).toContain('chart.mark=dot');
    await builder.locator('select[name="y"]').selectOption('');
    await expect.poll(() => builder.getByRole('status').first().textContent()).toContain('Choose a column for y.');
  });

  it('charts the rows the table filters keep, says so, and its embed keeps the filters', async () => {
    const gym = catalog.benchmarks.find((b) => b.id === 'personagym')!;
    const scores = builtTableRows(gym.tables.find((t) => t.name === 'scores')!.file) as { model: string }[];
    const [a, b] = [...new Set(scores.map((r) => r.model))];
    await s.page.evaluate(() => (location.hash = '#/'));
    const hash = `#/b/personagym/scores?facet.model=${encodeURIComponent(a)}&facet.model=${encodeURIComponent(b)}&chart.mark=bar&chart.x=model&chart.y=score&chart.aggregate=mean&chart.sort=value-desc`;
    await s.page.evaluate((h) => (location.hash = h), hash);
    const builder = s.page.locator('[data-chart-builder]');
    const svg = builder.locator('[data-chart-svg] svg');
    await svg.waitFor({ timeout: 60_000 });
    await expect.poll(() => svg.locator('g[data-mark="bar"] rect').count()).toBe(2);
    expect(await builder.innerText()).toContain(`Rows where model is ${a} or ${b}`);
    await builder.locator('[data-copy-embed]').click();
    const src = new URL(await builder.locator('[data-embed-url]').getAttribute('href') ?? '', s.page.url());
    expect(src.searchParams.getAll('facet.model')).toEqual([a, b]);
  });
});
