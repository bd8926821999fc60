// What the browser benches share: the production build ($SITE_DIR, default dist/) served on
// localhost and one headless Chromium to open it in.
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { serveStatic } from './static-server.ts';

export interface BenchSite {
  /** The site's URL, ending in "/". */
  url: string;
  browser: Browser;
  /** A fresh page at desktop size, in a context of its own. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function openBenchSite(): Promise<BenchSite> {
  const server = await serveStatic(path.resolve(process.env.SITE_DIR ?? 'dist'));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  return {
    url: server.url,
    browser,
    newPage: async () => (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage(),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
