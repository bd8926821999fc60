// Serves the production build (dist/) on a free localhost port and starts one headless Chromium
// (Debian's /usr/bin/chromium, fresh profile) that every test file connects to.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.ts';
import { serveStatic } from '../../scripts/static-server.ts';

/** The built site under test: dist/, or SITE_DIR to test a build made elsewhere. */
export function siteDir(): string {
  return path.resolve(process.env.SITE_DIR ?? 'dist');
}


declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built site is served, ending in "/" (base path included). */
    siteUrl: string;
    /** Playwright endpoint of the shared browser. */
    wsEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dist = siteDir();
  if (!fs.existsSync(path.join(dist, 'index.html')) || !fs.existsSync(path.join(dist, 'data', 'catalog.json'))) {
    throw new Error(`${dist} has no built site with data: run \`npm run data && npm run build\` first`);
  }
  const executablePath = CHROMIUM_PATH;
  if (!fs.existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath} (set CHROMIUM_PATH)`);

  // The same base path the build used, so a Pages build (BASE_PATH=/repo/) is tested as deployed.
  const base = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const server = await serveStatic(dist, { base });
  // launchServer starts the browser with a fresh temporary profile, removed on close.
  const browser = await chromium.launchServer({ executablePath, headless: true, args: CHROMIUM_ARGS });

  project.provide('siteUrl', server.url);
  project.provide('wsEndpoint', browser.wsEndpoint());

  return async () => {
    await browser.close();
    await server.close();
  };
}
