// What every browser test needs: a page on the served build that records every request and
// every console error, so a test can assert the site stayed on its own origin and logged no error.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { BenchmarkEntry, Catalog, Provenance } from '../../src/lib/types.ts';
import { siteDir } from './global-setup.ts';

export const siteUrl = inject('siteUrl');
export const siteOrigin = new URL(siteUrl).origin;
const distData = path.join(siteDir(), 'data');

/** catalog.json as built into dist/ (what the page under test reads). */
export function builtCatalog(): Catalog {
  return JSON.parse(fs.readFileSync(path.join(distData, 'catalog.json'), 'utf8')) as Catalog;
}

/** A benchmark's provenance file as built into dist/. */
export function builtProvenance(entry: BenchmarkEntry): Provenance {
  return JSON.parse(fs.readFileSync(path.join(distData, entry.provenanceFile), 'utf8')) as Provenance;
}

/** Rows of a published table, read straight from its .arrow.gz in dist/ (no DuckDB involved). */
export function builtTableRows(file: string): Record<string, unknown>[] {
  const bytes = zlib.gunzipSync(fs.readFileSync(path.join(distData, file)));
  return tableFromIPC(bytes)
    .toArray()
    .map((row) => ({ ...(row.toJSON() as Record<string, unknown>) }));
}

/** Benchmarks with a folder in data/benchmarks (the full field has 29). */
export function benchmarkFolderCount(): number {
  const dir = path.resolve('data/benchmarks');
  return fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, 'meta.json'))).length;
}

let browser: Browser | null = null;
async function sharedBrowser(): Promise<Browser> {
  browser ??= await chromium.connect(inject('wsEndpoint'));
  return browser;
}

export interface Session {
  page: Page;
  context: BrowserContext;
  /** Every URL the page or its workers asked for. */
  requests: string[];
  /** console.error messages and uncaught page errors. */
  errors: string[];
  /** Go to a hash route ("#/b/personagym") of the site. */
  open(hash?: string): Promise<void>;
  /** Fails unless every request stayed on the site's origin and nothing was logged as an error. */
  assertClean(): void;
  close(): Promise<void>;
}

/**
 * Whether a URL is the site's own (blob: and data: URLs never leave the browser), or one of the
 * `also` origins a test serves on this machine (e.g. a stand-in model hub).
 */
export function isLocal(url: string, also: readonly string[] = []): boolean {
  if (url.startsWith('data:')) return true;
  if (url.startsWith('blob:')) return url.startsWith(`blob:${siteOrigin}/`);
  try {
    const origin = new URL(url).origin;
    return origin === siteOrigin || (also.includes(origin) && new URL(url).hostname === '127.0.0.1');
  } catch {
    return false;
  }
}

export async function newSession(options: { width?: number; height?: number; allowOrigins?: string[] } = {}): Promise<Session> {
  const allowed = options.allowOrigins ?? [];
  const b = await sharedBrowser();
  const context = await b.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (req) => requests.push(req.url()));
  // Nothing may leave the machine: outside requests are recorded (and fail the test) but never sent.
  await context.route(
    (url) => !isLocal(url.href, allowed),
    (route) => route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));

  return {
    page,
    context,
    requests,
    errors,
    async open(hash = '#/') {
      await page.goto(new URL(hash, siteUrl).toString());
    },
    assertClean() {
      expect(requests.filter((url) => !isLocal(url, allowed)), 'requests to other origins').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
    },
    close: () => context.close(),
  };
}

/** Waits until DuckDB reports ready in the header (or fails the test with its message). */
export async function waitForDb(page: Page): Promise<void> {
  const status = page.locator('[data-db-state]');
  await expect.poll(async () => status.getAttribute('data-db-state'), { timeout: 90_000 }).toMatch(/ready|failed/);
  expect(await status.getAttribute('data-db-state'), await status.innerText()).toBe('ready');
}

/** Waits until the table browser shows the rows of the current filters, then returns the matching count. */
export async function settledTotal(page: Page): Promise<number> {
  await expect.poll(() => page.locator('[data-grid]').getAttribute('data-ready-key'), { timeout: 60_000 }).not.toBe('');
  await expect.poll(() => page.locator('[data-total]').getAttribute('aria-busy')).toBe('false');
  return Number(await page.locator('[data-total]').getAttribute('data-total'));
}

/** A download's suggested name and bytes (the browser runs as a server: Download.path() is not available). */
export async function downloaded(download: Download): Promise<{ name: string; bytes: Buffer }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'personascope-download-'));
  try {
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is now (axe is injected from node_modules). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const { violations } = await axe.run(document);
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

/**
 * One session for a whole test file: opened before its tests (on `start`, once DuckDB is ready, when
 * given), checked clean and closed after them. What it returns stands for that session in the tests.
 */
export function fileSession(options: Parameters<typeof newSession>[0] & { start?: string } = {}): Session {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await newSession(options);
    if (!options.start) return;
    await session.open(options.start);
    await session.page.waitForSelector('[data-db-state="ready"]', { timeout: 90_000 });
  });
  afterAll(async () => {
    session?.assertClean();
    await session?.close();
  });
  return new Proxy({} as Session, {
    get(_, key) {
      if (!session) throw new Error('the file session is used before its beforeAll ran');
      return session[key as keyof Session];
    },
  });
}

/** A temporary folder for a test file's downloads, removed after its tests. */
export function fileTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
