// Generates data/benchmarks/<id>/sources.json from the mirror's raw/ files and meta.json's releases.
// Run by hand when a release file is added: `npm run manifest -- <id> [<id>…]` (or --all).
import fs from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../../src/lib/types.ts';
import { sha256OfFile } from './hash.ts';
import { benchmarkDir, listBenchmarkIds, loadMeta, type Release } from './meta.ts';
import { mirrorDir } from './paths.ts';

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p) : [p];
  });
}

/** Encodes each path segment (spaces, non-ASCII names) but keeps the slashes. */
export function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

export function releaseFor(releases: Release[], relPath: string): Release | undefined {
  return releases
    .filter((r) => relPath.startsWith(r.local))
    .sort((a, b) => b.local.length - a.local.length)[0];
}

export function buildManifest(id: string): SourceFile[] {
  const meta = loadMeta(id);
  const root = path.join(mirrorDir, id);
  const files = walk(path.join(root, 'raw'))
    .map((f) => path.relative(root, f).split(path.sep).join('/'))
    .sort();
  const unmapped: string[] = [];
  const entries: SourceFile[] = [];
  for (const rel of files) {
    const release = releaseFor(meta.releases, rel);
    if (!release) {
      unmapped.push(rel);
      continue;
    }
    const abs = path.join(root, rel);
    entries.push({
      path: rel,
      url: release.url + encodePath(rel.slice(release.local.length)),
      repo: release.repo,
      commit: release.commit,
      sha256: sha256OfFile(abs),
      bytes: fs.statSync(abs).size,
      license: release.license,
    });
  }
  if (unmapped.length)
    throw new Error(`${id}: no entry in meta.json "releases" covers these mirror files:\n  ${unmapped.join('\n  ')}`);
  return entries;
}

export function manifestPath(id: string): string {
  return path.join(benchmarkDir(id), 'sources.json');
}

export class ManifestError extends Error {}

/**
 * The release files of a benchmark. With `releases` (meta.json's), a manifest that is missing or
 * empty while releases are named is an error here, rather than a recipe failing later on a glob.
 */
export function readManifest(id: string, releases: Release[] = []): SourceFile[] {
  const file = manifestPath(id);
  const entries = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as SourceFile[]) : [];
  if (releases.length > 0 && entries.length === 0)
    throw new ManifestError(
      `${id}: meta.json names ${releases.length === 1 ? 'a release' : `${releases.length} releases`}, but ${path.relative(process.cwd(), file)} lists no release files (${fs.existsSync(file) ? 'empty' : 'missing'}): run \`npm run manifest -- ${id}\` with the mirror in place`,
    );
  return entries;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const args = process.argv.slice(2);
  const ids = args.includes('--all') ? listBenchmarkIds() : args;
  if (!ids.length) {
    console.error('usage: npm run manifest -- <benchmark-id> [...] | --all');
    process.exit(2);
  }
  for (const id of ids) {
    const entries = buildManifest(id);
    fs.writeFileSync(manifestPath(id), JSON.stringify(entries, null, 1) + '\n');
    console.log(`${id}: ${entries.length} release files → ${path.relative(process.cwd(), manifestPath(id))}`);
  }
}
