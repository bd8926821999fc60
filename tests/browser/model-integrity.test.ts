// A pinned model's downloads are checked in the browser worker too, before they reach the Cache
// API: a mirror whose weights differ from the pinned commit's is refused and nothing of those
// weights is cached; the honest mirror then loads, caches and scores. Driven through the scorer
// client of bench-scorer.html (the same worker bundle as the Score page), since the site's
// registry has no pins on this machine (see model-pins.json).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinRepo } from '../../scripts/pin-models.ts';
import type { HubServer } from '../../scripts/hub-server.ts';
import type { ScorerClient } from '../../src/lib/scoring/client.ts';
import { MODELS } from '../../src/lib/scoring/registry.ts';
import type { ModelSpec } from '../../src/lib/scoring/types.ts';
import { serveChangedStandIn, serveFixtureHub } from '../fixtures/models/stand-ins.ts';
import { newSession, type Session } from './harness.ts';

type BenchWindow = { __scorer: ScorerClient };
const REPO = MODELS['toxic-bert'].repo;
const ONNX = 'onnx/model_quantized.onnx';

let honest: HubServer;
let changed: HubServer;
let folder: string;
let spec: ModelSpec;
let s: Session;

beforeAll(async () => {
  honest = await serveFixtureHub();
  const pin = await pinRepo(honest.url, REPO, 'q8');
  spec = { ...MODELS['toxic-bert'], revision: pin.revision, revisionPinned: true, pinnedFiles: pin.files };
  // The same repo with one byte of its weights changed.
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'personascope-changed-'));
  changed = await serveChangedStandIn(
    REPO,
    ONNX,
    (weights) => {
      weights[weights.length >> 1] ^= 0x40;
      return weights;
    },
    folder,
  );
  s = await newSession({ allowOrigins: [new URL(honest.url).origin, new URL(changed.url).origin] });
  await s.open('bench-scorer.html');
  await s.page.waitForSelector('[data-ready="true"]');
});
afterAll(async () => {
  await s.close();
  await Promise.all([honest.close(), changed.close()]);
  fs.rmSync(folder, { recursive: true, force: true });
});

/** Load the pinned spec from a mirror in the page's worker: null when it loaded, else the message. */
function loadFrom(page: Page, baseUrl: string): Promise<string | null> {
  return page.evaluate(
    async ([url, sp]) => {
      const scorer = (window as unknown as BenchWindow).__scorer;
      await scorer.configure({ source: { kind: 'mirror', baseUrl: url } });
      return scorer.load({ toxicity: sp }).then(
        () => null,
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      );
    },
    [baseUrl, spec] as const,
  );
}

/** Every URL in the page's Cache API buckets. */
const cachedUrls = (page: Page) =>
  page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
    return urls;
  });

describe('a pinned model in the browser', () => {
  it('weights that differ from the pin are refused with a message naming the file, and not cached', async () => {
    const message = await loadFrom(s.page, changed.url);
    expect(message).toMatch(
      new RegExp(`^Cannot load ${REPO} from the mirror .*: onnx/model_quantized\\.onnx of ${REPO} \\(revision ${spec.revision.slice(0, 12)}\\) from http://127\\.0\\.0\\.1:\\d+/\\S+ is not the file the model is pinned to: its sha256 is [0-9a-f]{64}, the pin says ${spec.pinnedFiles![ONNX].sha256}`),
    );
    expect(changed.requests).toContain(`/${REPO}/resolve/${spec.revision}/${ONNX}`);
    const cached = await cachedUrls(s.page);
    // The tokenizer and config matched their pins and were kept; the weights were not.
    expect(cached).toContain(`${changed.url}${REPO}/resolve/${spec.revision}/config.json`);
    expect(cached.filter((u) => u.endsWith(ONNX))).toEqual([]);
  });

  it('the honest mirror then loads, caches and scores', async () => {
    expect(await loadFrom(s.page, honest.url)).toBeNull();
    expect(await cachedUrls(s.page)).toContain(`${honest.url}${REPO}/resolve/${spec.revision}/${ONNX}`);
    const rows = await s.page.evaluate(async () => {
      const scores: Record<string, number> = {};
      await (window as unknown as BenchWindow).__scorer.score(
        [
          { id: 'rude', model: null, line: null, persona: 'I love jazz.', question: 'Hi?', response: 'You are a stupid idiot.' },
          { id: 'kind', model: null, line: null, persona: 'I love jazz.', question: 'Hi?', response: 'Thank you, I love jazz.' },
        ],
        { scorers: ['toxicity'] },
        { onRow: (o) => void (o.ok && (scores[o.score.id] = o.score.toxicity!.max)) },
      );
      return scores;
    });
    expect(rows.rude).toBeGreaterThan(rows.kind);
    s.assertClean();
  });
});
