// Downloads of a pinned model are checked against the pin before they are used or cached. The hashes
// are checked against independent computations (git itself, node:crypto), then the whole load path
// runs against the hub stand-in: an honest server, and one whose weights or tokenizer differ from
// the pinned commit's.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinRepo } from '../../scripts/pin-models.ts';
import type { HubServer } from '../../scripts/hub-server.ts';
import { ModelFileMismatchError, fileMismatch, gitBlobId, sha256Hex, verifiedResponse } from '../../src/lib/scoring/file-integrity.ts';
import type { ModelPin } from '../../src/lib/scoring/model-pins.ts';
import { MODELS } from '../../src/lib/scoring/registry.ts';
import { ModelUnavailableError, ScorerService } from '../../src/lib/scoring/service.ts';
import type { ModelSpec, PinnedFile } from '../../src/lib/scoring/types.ts';
import { fixtureModel, serveChangedStandIn, serveFixtureHub, STAND_INS } from '../fixtures/models/stand-ins.ts';

const REPO = MODELS['toxic-bert'].repo;
const ONNX = 'onnx/model_quantized.onnx';
const fixtureFile = (file: string) => path.join(fixtureModel(STAND_INS[REPO]), file);
const bytes = (file: string) => new Uint8Array(fs.readFileSync(fixtureFile(file)));

describe('hashes', () => {
  it('git blob ids agree with git itself (the hub reports them for config and tokenizer files)', async () => {
    for (const file of ['config.json', 'tokenizer.json']) {
      const byGit = execFileSync('git', ['hash-object', '--no-filters', fixtureFile(file)], { encoding: 'utf8' }).trim();
      expect(await gitBlobId(bytes(file))).toBe(byGit);
    }
  });

  it('sha256 agrees with node:crypto (the hub reports it for LFS files: the weights)', async () => {
    const content = bytes(ONNX);
    expect(await sha256Hex(content)).toBe(createHash('sha256').update(content).digest('hex'));
  });

  it('says what differs: size, sha256, git blob id', async () => {
    const content = new TextEncoder().encode('{"a":1}');
    const sha256 = await sha256Hex(content);
    const blob = await gitBlobId(content);
    expect(await fileMismatch(content, { size: 7, sha256, gitBlobId: null })).toBeNull();
    expect(await fileMismatch(content, { size: 7, sha256: null, gitBlobId: blob })).toBeNull();
    expect(await fileMismatch(content, { size: 8, sha256, gitBlobId: null })).toBe('it is 7 bytes, the pin says 8');
    expect(await fileMismatch(content, { size: 7, sha256: '0'.repeat(64), gitBlobId: null })).toBe(`its sha256 is ${sha256}, the pin says ${'0'.repeat(64)}`);
    expect(await fileMismatch(content, { size: 7, sha256: null, gitBlobId: 'f'.repeat(40) })).toBe(`its git blob id is ${blob}, the pin says ${'f'.repeat(40)}`);
  });
});

describe('a checked download', () => {
  const content = new TextEncoder().encode('x'.repeat(100_000));
  let pin: PinnedFile;
  beforeAll(async () => {
    pin = { size: content.length, sha256: await sha256Hex(content), gitBlobId: null };
  });
  // A body that arrives in several chunks, as a download does.
  const served = (body: Uint8Array) =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(c) {
          for (let i = 0; i < body.length; i += 16_384) c.enqueue(body.slice(i, i + 16_384));
          c.close();
        },
      }),
      { status: 200, headers: { 'content-length': String(body.length) } },
    );

  it('passes the pinned file through unchanged, headers included', async () => {
    const res = verifiedResponse(served(content), pin, 'f');
    expect(res.headers.get('content-length')).toBe(String(content.length));
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(content);
  });

  it('fails the read of a file that differs, shorter or longer', async () => {
    const changed = content.slice();
    changed[50_000] ^= 1;
    await expect(verifiedResponse(served(changed), pin, 'onnx/x.onnx of o/m').arrayBuffer()).rejects.toThrow(
      /^onnx\/x\.onnx of o\/m is not the file the model is pinned to: its sha256 is [0-9a-f]{64}, the pin says [0-9a-f]{64}\. It was not used or kept/,
    );
    await expect(verifiedResponse(served(content.slice(1)), pin, 'f').arrayBuffer()).rejects.toThrow(/it is 99999 bytes, the pin says 100000/);
    const longer = new Uint8Array(content.length + 1);
    longer.set(content);
    const err = await verifiedResponse(served(longer), pin, 'f').arrayBuffer().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelFileMismatchError);
    expect((err as Error).message).toMatch(/it is larger than the pinned 100000 bytes/);
  });
});

describe('loading a pinned model from a server', () => {
  let honest: HubServer;
  let pin: ModelPin;
  let root: string;
  let spec: ModelSpec;
  beforeAll(async () => {
    honest = await serveFixtureHub();
    pin = await pinRepo(honest.url, REPO, 'q8');
    spec = { ...MODELS['toxic-bert'], revision: pin.revision, revisionPinned: true, pinnedFiles: pin.files };
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'personascope-integrity-'));
  });
  afterAll(async () => {
    await honest.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function loadFrom(hub: HubServer): Promise<{ error: unknown; cache: string }> {
    const cache = fs.mkdtempSync(path.join(root, 'cache-'));
    const service = new ScorerService({ source: { kind: 'mirror', baseUrl: hub.url }, fsCacheDir: cache });
    const error = await service.load({ toxicity: spec }).then(
      () => null,
      (e: unknown) => e,
    );
    await service.free();
    return { error, cache };
  }

  const cachedFiles = (cache: string) => (fs.readdirSync(cache, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).filter((f) => fs.statSync(path.join(cache, f)).isFile());

  it('an honest server: every file matches, the model loads and is cached', async () => {
    const { error, cache } = await loadFrom(honest);
    expect(error).toBeNull();
    expect(honest.requests).toContain(`/${REPO}/resolve/${pin.revision}/${ONNX}`);
    // Node's file cache lays files out by repo and revision.
    expect(cachedFiles(cache).sort()).toEqual(Object.keys(pin.files).map((f) => `${REPO}/${pin.revision}/${f}`).sort());
  });

  it('weights with one byte changed: refused, named, and not kept', async () => {
    const hub = await serveChangedStandIn(REPO, ONNX, (b) => {
      b[b.length >> 1] ^= 0x40;
      return b;
    }, root);
    try {
      const { error, cache } = await loadFrom(hub);
      expect(error).toBeInstanceOf(ModelUnavailableError);
      expect((error as Error).message).toMatch(
        new RegExp(
          `^Cannot load Xenova/toxic-bert from the mirror ${hub.url.replace(/[.]/g, '\\.')}: onnx/model_quantized\\.onnx of Xenova/toxic-bert \\(revision ${pin.revision.slice(0, 12)}\\) from http://\\S+ is not the file the model is pinned to: its sha256 is [0-9a-f]{64}, the pin says ${pin.files[ONNX].sha256}`,
        ),
      );
      // The tokenizer and config matched and were kept; nothing of the weights is, not even a partial file.
      expect(cachedFiles(cache).some((f) => f.includes('onnx'))).toBe(false);
      expect(cachedFiles(cache)).toContain(`${REPO}/${pin.revision}/config.json`);
    } finally {
      await hub.close();
    }
  });

  it('a tokenizer from another revision (a git file, checked by blob id): refused before the weights are fetched', async () => {
    const hub = await serveChangedStandIn(REPO, 'tokenizer.json', (b) => Buffer.from(b.toString('utf8').replace('"[UNK]"', '"[unk]"')), root);
    try {
      const { error } = await loadFrom(hub);
      expect((error as Error).message).toMatch(/tokenizer\.json of Xenova\/toxic-bert .* its git blob id is [0-9a-f]{40}, the pin says [0-9a-f]{40}/);
      expect(hub.requests.some((r) => r.endsWith(ONNX))).toBe(false);
    } finally {
      await hub.close();
    }
  });
});
