// A model download that stalls, in Chromium: the mirror sends half of each weights file and then
// nothing. Cancel ends the download at once (not after the 30 s stall limit) and the batch reads as
// cancelled, resumable, with nothing scored and nothing half-downloaded kept in the model cache.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubServer } from '../../scripts/hub-server.ts';
import { serveFixtureHub } from '../fixtures/models/stand-ins.ts';
import { newSession, type Session } from './harness.ts';

let hub: HubServer;
let stalling: http.Server;
let stallingUrl = '';
const stalled: string[] = [];
let s: Session;

/** The fixture hub, except that a whole .onnx file stops after its first half (range probes pass). */
function serveStalling(upstream: string): Promise<void> {
  stalling = http.createServer(async (req, res) => {
    const answer = await fetch(new URL(req.url ?? '/', upstream), { method: req.method, headers: req.headers.range ? { range: req.headers.range } : {} });
    const headers = Object.fromEntries(answer.headers);
    const body = Buffer.from(await answer.arrayBuffer());
    res.writeHead(answer.status, headers);
    if (req.method === 'GET' && !req.headers.range && (req.url ?? '').endsWith('.onnx')) {
      stalled.push(req.url ?? '');
      res.write(body.subarray(0, body.length >> 1)); // and then nothing
      return;
    }
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve) =>
    stalling.listen(0, '127.0.0.1', () => {
      stallingUrl = `http://127.0.0.1:${(stalling.address() as AddressInfo).port}/`;
      resolve();
    }),
  );
}

beforeAll(async () => {
  hub = await serveFixtureHub();
  await serveStalling(hub.url);
  s = await newSession({ allowOrigins: [new URL(stallingUrl).origin] });
});
afterAll(async () => {
  s.assertClean();
  await s.close();
  stalling.closeAllConnections();
  await new Promise<void>((r) => stalling.close(() => r()));
  await hub.close();
});

describe('a model download that stalls', () => {
  it('is ended by Cancel at once; the batch is cancelled, resumable, and nothing partial is cached', async () => {
    const { page } = s;
    await s.open('#/score');
    await page.locator('[data-scorer-settings] > summary').click();
    await page.locator('[data-mirror-url]').fill(stallingUrl);
    await page.locator('[data-apply-mirror]').click();
    await page.locator('[data-scorer-settings] > summary').click();
    await page.locator('[data-persona]').fill('I love jazz.');
    await page.locator('[data-question-text]').first().fill('Do you like jazz?');
    await page.locator('[data-response="0-0"]').fill('Yes, I love jazz.');
    await page.locator('[data-score-paste]').click();

    await expect.poll(() => stalled.length, { timeout: 60_000 }).toBeGreaterThan(0);
    const phase = page.locator('[data-run-phase]');
    expect(await phase.getAttribute('data-run-phase')).toBe('loading');
    await page.locator('[data-cancel]').click();
    // Well before the 30 s stall limit would end it.
    await expect.poll(() => phase.getAttribute('data-run-phase'), { timeout: 10_000 }).toBe('cancelled');
    expect(await page.locator('[data-progress-text]').innerText()).toMatch(/^0 of 1 rows scored/);
    expect(await page.locator('[data-resume]').count()).toBe(1);
    expect(await page.locator('[data-run-error]').count()).toBe(0);
    const partial = await page.evaluate(async () => {
      const names = await caches.keys();
      const urls = (await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)))).flat();
      return urls.filter((u) => u.endsWith('.onnx'));
    });
    expect(partial).toEqual([]);
  });
});
