// An embed pasted into a narrow column: the snippet "Copy embed code" gives, copied on a wide screen,
// grows its iframe to the embed's own height (postMessage), so the chart and its link back to data,
// licence and citation are whole inside the frame; with the script stripped, the initial height fits too.
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

beforeAll(async () => {
  // The author copies the code on a wide screen, where the chart is drawn wide and short.
  author = await newSession({ width: 1280 });
  await author.open('#/b/personagym');
  const figure = author.page.locator('figure[data-chart="model-by-task"]');
  await figure.locator('[data-chart-svg] svg').waitFor({ timeout: 90_000 });
  await figure.locator('[data-copy-embed]').click();
  const box = figure.locator('[data-embed-code]');
  await box.waitFor();
  code = await box.inputValue();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embed-column-'));
  const page = (body: string) => `<!doctype html><title>Paper</title><body style="margin:0"><div style="width:400px;margin:0 20px">${body}</div><p>After the chart.</p></body>`;
  fs.writeFileSync(path.join(dir, 'column.html'), page(code));
  fs.writeFileSync(path.join(dir, 'stripped.html'), page(code.replace(/<script>[\s\S]*?<\/script>/g, '')));
  host = await serveStatic(dir);
  viewer = await newSession({ width: 900 });
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
async function boxes(page: string) {
  await viewer.page.goto(`${host.url}${page}`);
  const frame = viewer.page.frameLocator('iframe');
  await frame.locator('#embed[data-embed-ready="model-by-task"]').waitFor({ timeout: 90_000 });
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
