// Brings every release file of a benchmark into the stage folder, checksum-verified:
// from the stage itself when already verified, else the local mirror, else its canonical URL.
import fs from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../../src/lib/types.ts';
import { sha256OfBytes, sha256OfFile } from './hash.ts';
import { mirrorDir, stageDir } from './paths.ts';

export class ResolveError extends Error {}

const DOWNLOAD_TIMEOUT_MS = 60_000;

async function download(url: string): Promise<Uint8Array> {
  // Tests (and air-gapped machines) forbid the network explicitly.
  if (process.env.PERSONASCOPE_OFFLINE === '1') throw new Error('downloads disabled by PERSONASCOPE_OFFLINE=1');
  const res = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
  return new Uint8Array(await res.arrayBuffer());
}

function describeFetchError(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  return err.cause?.code ?? err.cause?.message ?? err.message;
}

/** Returns the staged folder for `id`; throws ResolveError with one line per bad file. */
export async function resolveFiles(id: string, files: SourceFile[], opts: { mirror?: string; stage?: string } = {}): Promise<string> {
  const mirror = opts.mirror ?? mirrorDir;
  const stageRoot = path.join(opts.stage ?? stageDir, id);
  const problems: string[] = [];
  const wanted = new Set(files.map((f) => f.path));

  await Promise.all(
    files.map(async (f) => {
      const staged = path.join(stageRoot, f.path);
      if (fs.existsSync(staged) && fs.statSync(staged).size === f.bytes && sha256OfFile(staged) === f.sha256) return;
      const mirrored = path.join(mirror, id, f.path);
      let bytes: Uint8Array;
      let from: string;
      if (fs.existsSync(mirrored)) {
        bytes = fs.readFileSync(mirrored);
        from = mirrored;
      } else {
        try {
          bytes = await download(f.url);
          from = f.url;
        } catch (e) {
          problems.push(`missing ${id}/${f.path}: not in mirror ${mirror} and download of ${f.url} failed (${describeFetchError(e)})`);
          return;
        }
      }
      const actual = sha256OfBytes(bytes);
      if (actual !== f.sha256) {
        problems.push(`checksum mismatch ${id}/${f.path} (from ${from}): expected sha256 ${f.sha256}, got ${actual}`);
        return;
      }
      fs.mkdirSync(path.dirname(staged), { recursive: true });
      fs.writeFileSync(staged, bytes);
    }),
  );

  // Recipes glob the stage: anything not in the manifest must not be there.
  removeUnlisted(stageRoot, stageRoot, wanted);
  if (problems.length) throw new ResolveError(problems.sort().join('\n'));
  return stageRoot;
}

function removeUnlisted(root: string, dir: string, wanted: Set<string>): void {
  if (!fs.existsSync(dir)) return;
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) removeUnlisted(root, p, wanted);
    else if (!wanted.has(path.relative(root, p).split(path.sep).join('/'))) fs.rmSync(p);
  }
}
