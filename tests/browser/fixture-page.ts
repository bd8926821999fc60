// The chart fixture page (chart-fixtures.html) for a test file: one session opened before its tests
// and closed after, a temporary folder for the files they export, and its PDF hook.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { ChartSpec } from '../../src/lib/charts/spec.ts';
import type { PaperPreset } from '../../src/lib/charts/export/preset.ts';
import { newSession, siteUrl, type Session } from './harness.ts';

export interface FixturePage {
  session(): Session;
  /** Export a fixture, some fields replaced, as PDF into the folder; its path (rejects with the export's error). */
  pdf(name: string, view: string, fields: Partial<ChartSpec>, paper?: PaperPreset): Promise<{ file: string }>;
}

export function useFixturePage(prefix: string): FixturePage {
  let s: Session | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  beforeAll(async () => {
    s = await newSession();
    await s.page.goto(new URL('chart-fixtures.html', siteUrl).toString());
    await s.page.locator('#fixtures[data-ready]').waitFor();
  });
  afterAll(async () => {
    await s?.close();
    s = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    session: () => s!,
    async pdf(name, view, fields, paper) {
      type Hook = (v: string, f: Partial<ChartSpec>, p?: PaperPreset) => Promise<{ base64: string }>;
      const out = await s!.page.evaluate(([v, f, p]) => (window as unknown as { __chartPdf: Hook }).__chartPdf(v, f, p), [view, fields, paper] as const);
      const file = path.join(dir, `${name}.pdf`);
      fs.writeFileSync(file, Buffer.from(out.base64, 'base64'));
      return { file };
    },
  };
}

// jsPDF names the CID font's character collection "Identity-H" where "Identity" is meant; poppler
// reads the file all the same but says so on stderr, which is dropped here.
export const poppler = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
