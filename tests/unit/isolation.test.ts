// Cross-origin isolation is declared in three places that cannot share code: the dev/preview
// server (vite.config.ts), hosts that read public/_headers, and the helper service worker for hosts
// without headers. They must send the same two headers. Also the scorer's thread count.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_SCORER_THREADS, isThreadChoice, maxScorerThreads, scorerThreads } from '../../src/lib/scoring/threads.ts';
import viteConfig from '../../vite.config.ts';

const EXPECTED = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
const lower = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

/** Name → value of a block of "Name: value" lines (public/_headers, the service worker's object). */
function headerLines(text: string, pattern: RegExp): Record<string, string> {
  return Object.fromEntries([...text.matchAll(pattern)].map((m) => [m[1].toLowerCase(), m[2]]));
}

describe('cross-origin isolation headers', () => {
  it('vite dev and preview send them', () => {
    const config = viteConfig as { server?: { headers?: Record<string, string> }; preview?: { headers?: Record<string, string> } };
    expect(lower(config.server?.headers ?? {})).toEqual(EXPECTED);
    expect(lower(config.preview?.headers ?? {})).toEqual(EXPECTED);
  });

  it('public/_headers sends them for every path (plus CORP for embeds)', () => {
    const text = fs.readFileSync('public/_headers', 'utf8');
    expect(text).toMatch(/^\/\*$/m);
    const headers = headerLines(text, /^\s+([A-Za-z-]+):\s*(\S+)\s*$/gm);
    expect(headers).toEqual({ ...EXPECTED, 'cross-origin-resource-policy': 'cross-origin' });
  });

  it('the helper service worker adds the same ones', () => {
    const text = fs.readFileSync('workers/isolation.sw.ts', 'utf8');
    expect(headerLines(text, /^\s+'(Cross-Origin-[A-Za-z-]+)': '([a-z-]+)',$/gm)).toEqual(EXPECTED);
  });
});

describe('scorer threads', () => {
  it('one thread unless the page is isolated, whatever was chosen', () => {
    expect(scorerThreads(false, 16)).toBe(1);
    expect(scorerThreads(false, 16, 4)).toBe(1);
    expect(scorerThreads(false, undefined)).toBe(1);
  });
  it('automatic: one core left to the page, at least one thread, at most the cap', () => {
    expect(scorerThreads(true, 1)).toBe(1);
    expect(scorerThreads(true, 2)).toBe(1);
    expect(scorerThreads(true, 4)).toBe(3);
    expect(scorerThreads(true, 64)).toBe(MAX_SCORER_THREADS);
    expect(scorerThreads(true, 0)).toBe(1);
    expect(scorerThreads(true, undefined)).toBe(1);
  });
  it('a chosen count is kept within one per core and the cap', () => {
    expect(scorerThreads(true, 2, 2)).toBe(2);
    expect(scorerThreads(true, 2, 4)).toBe(2);
    expect(scorerThreads(true, 16, 4)).toBe(4);
    expect(maxScorerThreads(2)).toBe(2);
    expect(maxScorerThreads(32)).toBe(MAX_SCORER_THREADS);
  });
  it('reads back only valid stored choices', () => {
    for (const ok of ['auto', 1, MAX_SCORER_THREADS]) expect(isThreadChoice(ok)).toBe(true);
    for (const bad of [0, 1.5, MAX_SCORER_THREADS + 1, '2', null]) expect(isThreadChoice(bad)).toBe(false);
  });
});
