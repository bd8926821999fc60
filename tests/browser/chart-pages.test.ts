// The chart test page (every chart type from a fixture: marks, axes, legend, source line) and the
// embed page inside an iframe on a second origin, following the viewer's colour scheme.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/static-server.ts';
import { newSession, siteOrigin, siteUrl, type Session } from './harness.ts';

let s: Session | undefined;
let host: StaticServer | undefined;
afterEach(async () => {
  await s?.close();
  await host?.close();
  s = undefined;
  host = undefined;
});

const count = (svg: ReturnType<Session['page']['locator']>, kind: string, shape: string) => svg.locator(`g[data-mark="${kind}"] ${shape}`).count();

describe('chart test page', () => {
  it('renders every chart type from its fixture, in the dark theme too', async () => {
    s = await newSession();
    for (const theme of ['light', 'dark']) {
      await s.page.goto(new URL(`chart-fixtures.html?theme=${theme}`, siteUrl).toString());
      await s.page.locator('#fixtures[data-ready]').waitFor();
      const svg = (view: string) => s!.page.locator(`[data-fixture="${view}"] svg`);
      expect(await count(svg('bar'), 'bar', 'rect')).toBe(4);
      expect(await count(svg('bar'), 'rule', 'line')).toBeGreaterThanOrEqual(4);
      expect(await svg('bar').locator('g[data-mark="x-axis tick label"] text').count()).toBe(4);
      expect(await count(svg('dot'), 'dot', 'circle')).toBe(4);
      expect(await count(svg('grouped'), 'bar', 'rect')).toBe(12);
      expect(await svg('grouped').locator('[data-legend] [data-swatch]').count()).toBe(4);
      expect(await count(svg('stacked'), 'bar', 'rect')).toBe(12);
      expect(await count(svg('heatmap'), 'cell', 'rect')).toBe(12);
      expect(await svg('heatmap').locator('[data-legend] rect').count()).toBeGreaterThan(10);
      expect(await count(svg('line'), 'line', 'path')).toBe(2);
      expect(await count(svg('scatter'), 'text', 'text')).toBe(12);
      expect(await count(svg('histogram'), 'rect', 'rect')).toBeGreaterThan(3);
      expect(await count(svg('facets'), 'bar', 'rect')).toBe(12);
      expect(await count(svg('network'), 'dot', 'circle')).toBe(10);
      for (const fig of await s.page.locator('[data-fixture] svg').all()) {
        expect(await fig.locator('[data-source-line]').count()).toBeGreaterThan(0);
        expect(await fig.getAttribute('aria-label')).toMatch(/\w/);
        const box = await fig.boundingBox();
        expect(box!.width).toBe(640);
      }
    }
    s.assertClean();
  });
});

describe('embed', () => {
  it('renders a chart inside an iframe on another origin, following the dark scheme', async () => {
    s = await newSession({ width: 800 });
    await s.page.emulateMedia({ colorScheme: 'dark' });
    // A second local origin: another port on 127.0.0.1 serving a host page with the iframe.
    const embed = new URL('embed.html?b=personagym&view=model-by-task&theme=auto', siteUrl).toString();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embed-host-'));
    fs.writeFileSync(path.join(dir, 'host.html'), `<!doctype html><title>Host</title><iframe src="${embed}" width="700" height="600"></iframe>`);
    host = await serveStatic(dir);
    const hostOrigin = new URL(host.url).origin;
    await s.context.route(`${hostOrigin}/**`, (route) => route.continue());
    await s.page.goto(`${hostOrigin}/host.html`);
    const frame = s.page.frameLocator('iframe');
    await frame.locator('#embed[data-embed-ready="model-by-task"]').waitFor({ timeout: 90_000 });
    const svg = frame.locator('#embed svg');
    expect(await svg.locator('g[data-mark="cell"] rect').count()).toBeGreaterThan(10);
    expect(await svg.locator('[data-source-line]').first().textContent()).toContain('Source: PersonaGym');
    expect(await svg.locator('rect').first().getAttribute('fill')).toBe('#14161b');
    const back = frame.getByRole('link', { name: /PersonaGym on Personascope/ });
    expect(await back.getAttribute('href')).toBe(`${siteOrigin}/#/b/personagym?chart=model-by-task`);
    // The embed loads only its own code: no app shell, no SQL console.
    expect(await frame.locator('textarea, .site-header').count()).toBe(0);
    expect(s.requests.filter((u) => !u.startsWith(siteOrigin) && !u.startsWith(hostOrigin))).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('says what is wrong with a bad embed link', async () => {
    s = await newSession();
    await s.page.goto(new URL('embed.html?b=personagym&view=nope', siteUrl).toString());
    await expect.poll(() => s!.page.locator('[role="alert"]').textContent(), { timeout: 60_000 }).toContain('has no chart “nope”');
    s.assertClean();
  });
});
