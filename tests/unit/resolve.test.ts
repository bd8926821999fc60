// Missing and corrupt release files stop the build with one clear line per file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveFiles } from '../../data/build/resolve.ts';
import { sha256OfBytes } from '../../data/build/hash.ts';
import type { SourceFile } from '../../src/lib/types.ts';

let tmp: string;
const good = new TextEncoder().encode('{"a": 1}\n');
const entry = (p: string, bytes: Uint8Array): SourceFile => ({
  path: p,
  url: `https://example.invalid/repo/0000000000000000000000000000000000000000/${p}`,
  repo: 'o/r',
  commit: '0'.repeat(40),
  sha256: sha256OfBytes(bytes),
  bytes: bytes.length,
  license: 'MIT',
});

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resolve-'));
  fs.mkdirSync(path.join(tmp, 'mirror/bench/raw'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'mirror/bench/raw/good.json'), good);
  fs.writeFileSync(path.join(tmp, 'mirror/bench/raw/corrupt.json'), '{"a": 2}\n');
  process.env.PERSONASCOPE_OFFLINE = '1';
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('resolveFiles', () => {
  it('stages verified files from the mirror', async () => {
    const stage = await resolveFiles('bench', [entry('raw/good.json', good)], { mirror: path.join(tmp, 'mirror'), stage: path.join(tmp, 'stage') });
    expect(fs.readFileSync(path.join(stage, 'raw/good.json'))).toEqual(Buffer.from(good));
  });

  it('names each missing and each corrupt file, with expected and actual hashes', async () => {
    const files = [entry('raw/good.json', good), entry('raw/corrupt.json', good), entry('raw/missing.json', good), entry('raw/also-missing.json', good)];
    const err = await resolveFiles('bench', files, { mirror: path.join(tmp, 'mirror'), stage: path.join(tmp, 'stage2') }).catch((e) => e);
    const lines = String(err.message).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('missing bench/raw/'))).toHaveLength(2);
    expect(lines.find((l) => l.includes('missing.json'))).toContain('example.invalid');
    const corrupt = lines.find((l) => l.startsWith('checksum mismatch bench/raw/corrupt.json'))!;
    expect(corrupt).toContain(`expected sha256 ${sha256OfBytes(good)}`);
    expect(corrupt).toContain(`got ${sha256OfBytes(new TextEncoder().encode('{"a": 2}\n'))}`);
  });

  it('removes staged files the manifest no longer lists', async () => {
    const stageDir = path.join(tmp, 'stage3');
    fs.mkdirSync(path.join(stageDir, 'bench/raw'), { recursive: true });
    fs.writeFileSync(path.join(stageDir, 'bench/raw/stale.json'), 'old');
    await resolveFiles('bench', [entry('raw/good.json', good)], { mirror: path.join(tmp, 'mirror'), stage: stageDir });
    expect(fs.existsSync(path.join(stageDir, 'bench/raw/stale.json'))).toBe(false);
  });
});
