// `npm run pin-models [-- --hub <base URL>] [--revision <branch>] [--out <file>]`: pin every registry
// model to the commit its branch points at now, with the size and hash of each file the scorer loads,
// as the Hugging Face hub's API reports them (GET <hub>/api/models/<repo>/revision/<branch>?blobs=true).
// Writes src/lib/scoring/model-pins.json, which the registry reads. Needs a machine that reaches the
// hub (or a mirror that answers the same API). A repo that fails keeps its previous pin and is
// reported on stderr; exit code 1 when any failed, 2 on a usage error.
import fs from 'node:fs';
import path from 'node:path';
import { modelFiles } from '../src/lib/scoring/model-files.ts';
import { COMMIT_HASH, type ModelPin, type ModelPins } from '../src/lib/scoring/model-pins.ts';
import { MODELS } from '../src/lib/scoring/registry.ts';
import { HF_HUB } from '../src/lib/scoring/runtime.ts';
import type { ModelSpec } from '../src/lib/scoring/types.ts';
import { runWhenInvoked } from './run-when-invoked.ts';

export const PINS_FILE = path.resolve('src/lib/scoring/model-pins.json');

const USAGE = `usage: npm run pin-models -- [--hub <base URL>] [--revision <branch>] [--out <file>]

  --hub <url>        the hub, or a mirror answering its API (default ${HF_HUB})
  --revision <name>  the branch to pin (default main)
  --out <file>       where to write the pins (default ${path.relative(process.cwd(), PINS_FILE)})`;

/** The hub API's repo listing, the fields we read. */
interface RepoInfo {
  sha?: unknown;
  siblings?: { rfilename?: unknown; size?: unknown; blobId?: unknown; lfs?: { sha256?: unknown } }[];
}

/** The repo and dtype of every model the registry offers (fixtures are never in it). */
export function registryRepos(): { repo: string; dtype: ModelSpec['dtype'] }[] {
  const seen = new Map<string, ModelSpec['dtype']>();
  for (const spec of Object.values(MODELS) as ModelSpec[]) if (!spec.fixtureOnly) seen.set(spec.repo, spec.dtype);
  return [...seen].map(([repo, dtype]) => ({ repo, dtype }));
}

/** Ask the hub for one repo's commit and files; throws with the repo, the URL and what was wrong. */
export async function pinRepo(hub: string, repo: string, dtype: ModelSpec['dtype'], revision = 'main', fetchFn: typeof fetch = fetch): Promise<ModelPin> {
  const url = `${hub.endsWith('/') ? hub : `${hub}/`}api/models/${repo}/revision/${encodeURIComponent(revision)}?blobs=true`;
  let res: Response;
  try {
    res = await fetchFn(url);
  } catch (e) {
    // Node's fetch says only "fetch failed"; the reason (ENOTFOUND, ECONNREFUSED…) is in its cause.
    const cause = e instanceof Error ? (e.cause as { code?: string; message?: string } | undefined) : undefined;
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(`${repo}: cannot reach ${url} (${why}${cause ? `: ${cause.code ?? cause.message}` : ''})`);
  }
  if (!res.ok) throw new Error(`${repo}: ${url} answered ${res.status} ${res.statusText}`.trim());
  let info: RepoInfo;
  try {
    info = (await res.json()) as RepoInfo;
  } catch {
    throw new Error(`${repo}: ${url} did not answer JSON`);
  }
  if (typeof info.sha !== 'string' || !COMMIT_HASH.test(info.sha)) throw new Error(`${repo}: the answer has no commit hash (sha)`);
  const listed = new Map((info.siblings ?? []).map((s) => [s.rfilename, s]));
  const files: ModelPin['files'] = {};
  const problems: string[] = [];
  for (const file of modelFiles(dtype)) {
    const s = listed.get(file);
    if (!s) {
      problems.push(`lacks ${file}`);
      continue;
    }
    // An LFS file's blobId is that of its pointer, not of the content: its sha256 is what identifies it.
    const sha256 = typeof s.lfs?.sha256 === 'string' ? s.lfs.sha256 : null;
    const gitBlobId = !s.lfs && typeof s.blobId === 'string' ? s.blobId : null;
    if (typeof s.size !== 'number') problems.push(`${file} has no size`);
    else if (!sha256 && !gitBlobId) problems.push(`${file} has no hash (neither lfs.sha256 nor blobId)`);
    else files[file] = { size: s.size, sha256, gitBlobId };
  }
  if (problems.length) throw new Error(`${repo}@${info.sha.slice(0, 12)}: ${problems.join('; ')}`);
  return { revision: info.sha, checkedAt: new Date().toISOString().slice(0, 10), files };
}

/** Pin every registry repo; failures keep the previous pin. */
export async function pinAll(
  hub: string,
  previous: ModelPins,
  opts: { revision?: string; fetchFn?: typeof fetch; repos?: { repo: string; dtype: ModelSpec['dtype'] }[] } = {},
): Promise<{ pins: ModelPins; failures: string[] }> {
  const pins: ModelPins = { ...previous };
  const failures: string[] = [];
  for (const { repo, dtype } of opts.repos ?? registryRepos()) {
    try {
      pins[repo] = await pinRepo(hub, repo, dtype, opts.revision, opts.fetchFn);
    } catch (e) {
      failures.push(e instanceof Error ? e.message : String(e));
    }
  }
  return { pins: Object.fromEntries(Object.entries(pins).sort(([a], [b]) => a.localeCompare(b))), failures };
}

function parseArgs(argv: string[]): { hub: string; revision: string; out: string } {
  const args = { hub: HF_HUB, revision: 'main', out: PINS_FILE };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    const flag = argv[i];
    if ((flag === '--hub' || flag === '--revision' || flag === '--out') && value && !value.startsWith('--')) {
      args[flag.slice(2) as 'hub' | 'revision' | 'out'] = value;
      i++;
    } else throw new Error(flag === '--help' ? '' : `unknown or incomplete option: ${flag}`);
  }
  return args;
}

export async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    process.stderr.write(`${why ? `${why}\n\n` : ''}${USAGE}\n`);
    return why ? 2 : 0;
  }
  const file = JSON.parse(fs.existsSync(args.out) ? fs.readFileSync(args.out, 'utf8') : fs.readFileSync(PINS_FILE, 'utf8')) as { about: string; pins: ModelPins };
  const { pins, failures } = await pinAll(args.hub, file.pins, { revision: args.revision });
  fs.writeFileSync(args.out, `${JSON.stringify({ about: file.about, pins }, null, 2)}\n`);
  for (const [repo, pin] of Object.entries(pins)) {
    const bytes = Object.values(pin.files).reduce((a, f) => a + f.size, 0);
    process.stdout.write(`${repo.padEnd(36)} ${pin.revision}  ${(bytes / 1048576).toFixed(1)} MiB  (${pin.checkedAt})\n`);
  }
  for (const f of failures) process.stderr.write(`not pinned: ${f}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), args.out)}${failures.length ? `; ${failures.length} repo(s) failed` : ''}\n`);
  return failures.length ? 1 : 0;
}

runWhenInvoked(import.meta.url, main);
