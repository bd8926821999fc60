// A local stand-in for the Hugging Face hub: serves model folders under the hub's URL layout
// (<base>/<repo>/resolve/<revision>/<file>) so transformers.js can load them as a "mirror" source.
// Used by the scoring bench, the Score page's browser tests and the pin-models test. Any revision is
// accepted. A request for onnx/model_quantized.onnx or onnx/model.onnx gets whichever of the two the
// folder has, so a fixture shipped in one dtype loads under either. CORS is open: the site runs on
// another port. It also answers the hub API's repo listing (/api/models/<repo>/revision/<rev>), with
// a commit hash of its own made from the files, the way `npm run pin-models` reads it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

export interface HubServer {
  /** Base URL with a trailing slash, for `{ kind: 'mirror', baseUrl }`. */
  url: string;
  /** Every request's path (URL-decoded, no query), in arrival order, 404s included. */
  requests: string[];
  close(): Promise<void>;
}

const ONNX_VARIANTS = ['onnx/model_quantized.onnx', 'onnx/model.onnx'];
const TYPES: Record<string, string> = { '.json': 'application/json; charset=utf-8', '.txt': 'text/plain; charset=utf-8' };
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': '*',
  'access-control-expose-headers': 'content-length',
};

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The local file that answers `file` of a repo folder, or null. */
function resolveFile(folder: string, file: string): string | null {
  const direct = path.join(folder, file);
  // A path that climbs out of the folder (../) is never served.
  if (!direct.startsWith(folder + path.sep)) return null;
  if (isFile(direct)) return direct;
  if (ONNX_VARIANTS.includes(file)) {
    for (const other of ONNX_VARIANTS) if (isFile(path.join(folder, other))) return path.join(folder, other);
  }
  return null;
}

const sha = (algorithm: 'sha1' | 'sha256', data: Buffer | string) => createHash(algorithm).update(data).digest('hex');
/** git's id of a file it stores itself: sha1 of "blob <size>\0" and the content. */
const gitBlobId = (content: Buffer) => sha('sha1', Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]));

/** Every file a repo folder serves (paths with "/"), the ONNX variant it stands in for included. */
function servedFiles(folder: string): string[] {
  const files = (fs.readdirSync(folder, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).filter((f) => isFile(path.join(folder, f)));
  const onnx = ONNX_VARIANTS.filter((f) => !files.includes(f) && resolveFile(folder, f));
  return [...files, ...onnx].sort();
}

/** The hub API's answer for a repo (`?blobs=true` form): its commit and every file with size and LFS hash. */
function repoInfo(repo: string, folder: string): object {
  const siblings = servedFiles(folder).map((rfilename) => {
    const content = fs.readFileSync(resolveFile(folder, rfilename)!);
    if (!rfilename.endsWith('.onnx')) return { rfilename, size: content.length, blobId: gitBlobId(content) };
    // The hub keeps weights in LFS: git holds a pointer file, whose blob id the API reports.
    const sha256 = sha('sha256', content);
    const pointer = Buffer.from(`version https://git-lfs.github.com/spec/v1\noid sha256:${sha256}\nsize ${content.length}\n`);
    return { rfilename, size: content.length, blobId: gitBlobId(pointer), lfs: { sha256, size: content.length, pointerSize: pointer.length } };
  });
  // The stand-in's commit: a hash of every path and content, so it changes when a file does.
  const commit = sha('sha1', siblings.map((s) => `${s.rfilename}\0${s.blobId}`).join('\n'));
  return { id: repo, modelId: repo, sha: commit, siblings };
}

/** Serve `repos` (repo id "owner/name" → local folder) on 127.0.0.1; port 0 (default) = any free port. */
export function serveHub(repos: Record<string, string>, opts: { port?: number } = {}): Promise<HubServer> {
  const folders = new Map(Object.entries(repos).map(([repo, dir]) => [repo, path.resolve(dir)]));
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    requests.push(pathname);
    const notFound = (why: string) => res.writeHead(404, { ...CORS, 'content-type': 'text/plain; charset=utf-8' }).end(`404 ${pathname}: ${why}\n`);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...CORS, allow: 'GET, HEAD, OPTIONS' }).end();
      return;
    }
    const api = /^\/api\/models\/(.+?)\/revision\/[^/]+$/.exec(pathname);
    if (api) {
      const folder = folders.get(api[1]);
      if (!folder) return notFound(`unknown repo ${api[1]}`);
      res.writeHead(200, { ...CORS, 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(repoInfo(api[1], folder)));
      return;
    }
    const m = /^\/(.+?)\/resolve\/([^/]+)\/(.+)$/.exec(pathname);
    if (!m) return notFound('not a hub file URL (expected /<owner>/<name>/resolve/<revision>/<file>)');
    const [, repo, , file] = m;
    const folder = folders.get(repo);
    if (!folder) return notFound(`unknown repo ${repo} (served: ${[...folders.keys()].join(', ') || 'none'})`);
    const local = resolveFile(folder, file);
    if (!local) return notFound(`${repo} has no file ${file} (looked in ${folder})`);
    const size = fs.statSync(local).size;
    res.writeHead(200, {
      ...CORS,
      'content-type': TYPES[path.extname(local)] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(local).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        requests,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
