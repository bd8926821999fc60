// An embed pasted into a narrow column: the snippet "Copy embed code" gives, copied on a wide screen,
// grows its iframe to the embed's own height (postMessage), so the chart and its link back to data,
// licence and citation are whole inside the frame; with the script stripped, the initial height fits too,
// also where a wide column draws a network chart taller than a narrow one does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/static-server.ts';
import { newSession, siteOrigin, type Session } from './harness.ts';

let author: Session;
let viewer: Session;
let host: StaticServer;
let dir: string;
let code = '';

/** The embed code of a curated chart, as the author copies it. */
async function copyCode(benchmark: string, view: string): Promise<string> {
  await author.open(`#/b/${benchmark}`);
  const figure = author.page.locator(`figure[data-chart="${view}"]`);
  await figure.locator('[data-chart-svg] svg').waitFor({ timeout: 90_000 });
  await figure.locator('[data-copy-embed]').click();
  const box = figure.locator('[data-embed-code]');
  await box.waitFor();
  return box.inputValue();
}

beforeAll(async () => {
  // The author copies the code on a wide screen, where the chart is drawn wide and short.
  author = await newSession({ width: 1280 });
  code = await copyCode('personagym', 'model-by-task');
  const network = await copyCode('personabench', 'social-graph');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embed-column-'));
  const page = (body: string, width = 400) => `<!doctype html><title>Paper</title><body style="margin:0"><div style="width:${width}px;margin:0 20px">${body}</div><p>After the chart.</p></body>`;
  const stripped = (snippet: string) => snippet.replace(/<script>[\s\S]*?<\/script>/g, '');
  fs.writeFileSync(path.join(dir, 'column.html'), page(code));
  fs.writeFileSync(path.join(dir, 'stripped.html'), page(stripped(code)));
  // A network grows with the column's width: the initial height must hold it at its tallest.
  fs.writeFileSync(path.join(dir, 'network-wide.html'), page(stripped(network), 900));
  host = await serveStatic(dir);
  viewer = await newSession({ width: 1000 });
  await viewer.context.route(`${new URL(host.url).origin}/**`, (route) => route.continue());
});

afterAll(async () => {
  author.assertClean();
  await author.close();
  await viewer.close();
  await host.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The link back and the iframe, in the host page's coordinates, once the chart is drawn. */
async function boxes(page: string, view = 'model-by-task') {
  await viewer.page.goto(`${host.url}${page}`);
  const frame = viewer.page.frameLocator('iframe');
  await frame.locator(`#embed[data-embed-ready="${view}"]`).waitFor({ timeout: 90_000 });
  const link = frame.getByRole('link', { name: /on Personascope: data, licence and citation/ });
  return async () => ({ link: (await link.boundingBox())!, frame: (await viewer.page.locator('iframe').boundingBox())! });
}

const inside = ({ link, frame }: { link: { y: number; height: number }; frame: { y: number; height: number } }) =>
  link.y >= frame.y && link.y + link.height <= frame.y + frame.height + 0.5;

describe('an embed in a 400 px column', () => {
  it('gets a snippet with a resizing script that checks the sender', () => {
    expect(code).toMatch(/^<iframe [^>]*height="\d+"[^>]*><\/iframe>\n<script>/);
    expect(code).toContain('contentWindow===e.source');
    expect(code).toContain(JSON.stringify(siteOrigin));
  });

  it('grows its iframe to the embed’s height: the link back is whole inside the frame', async () => {
    const measure = await boxes('column.html');
    await expect.poll(async () => inside(await measure()), { timeout: 10_000 }).toBe(true);
    const frame = viewer.page.frames().find((f) => f !== viewer.page.mainFrame())!;
    const documentHeight = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
    const { frame: box } = await measure();
    // The frame is the document's height: no scrollbar, no empty band under the link.
    expect(Math.abs(box.height - documentHeight)).toBeLessThanOrEqual(1);
    expect(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);
    expect(viewer.errors).toEqual([]);
  });

  it('fits at its initial height where the host strips scripts', async () => {
    const measure = await boxes('stripped.html');
    const first = await measure();
    expect(inside(first)).toBe(true);
    expect(viewer.errors).toEqual([]);
  });
});

describe('an embed in a 900 px column, its script stripped', () => {
  it('shows a network chart whole, with its source line and link back, at the initial height', async () => {
    const measure = await boxes('network-wide.html', 'social-graph');
    const first = await measure();
    expect(first.frame.width).toBeGreaterThan(850);
    expect(inside(first)).toBe(true);
    // The source and licence line is the chart's last text: inside the frame too.
    const frame = viewer.page.frames().find((f) => f !== viewer.page.mainFrame())!;
    const chartBottom = await frame.evaluate(() => document.querySelector('#embed svg')!.getBoundingClientRect().bottom);
    expect(chartBottom).toBeLessThanOrEqual(first.frame.height + 0.5);
    expect(viewer.errors).toEqual([]);
  });
});
