// Every release file the site uses is pinned (URL at a commit, sha256, bytes, licence) and the pins
// match the local mirror byte for byte.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildManifest, readManifest } from '../../data/build/manifest.ts';
import { listBenchmarkIds, loadMeta } from '../../data/build/meta.ts';
import { mirrorDir } from '../../data/build/paths.ts';

const ids = listBenchmarkIds();
const haveMirror = fs.existsSync(mirrorDir);

describe('release manifests', () => {
  it('covers every benchmark folder of the mirror', () => {
    if (!haveMirror) return;
    const mirrored = fs.readdirSync(mirrorDir).filter((d) => fs.statSync(`${mirrorDir}/${d}`).isDirectory());
    expect(ids).toEqual(expect.arrayContaining(mirrored));
  });

  it.each(ids)('%s: sources.json lists exactly the mirror raw files with their checksums', (id) => {
    const pinned = readManifest(id);
    if (haveMirror) expect(pinned).toEqual(buildManifest(id));
    const meta = loadMeta(id);
    for (const f of pinned) {
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(f.bytes).toBeGreaterThan(0);
      expect(f.license.trim()).not.toBe('');
      // Full SHAs, or the 12-character ones a SOURCES.md records when no full SHA could be found.
      expect(f.commit).toMatch(/^[0-9a-f]{12}([0-9a-f]{28})?$/);
      // Pinned to its commit, not a branch.
      expect(f.url).toContain(f.commit);
      expect(f.url).toMatch(/^https:\/\//);
      expect(meta.releases.some((r) => f.path.startsWith(r.local))).toBe(true);
    }
  });
});
