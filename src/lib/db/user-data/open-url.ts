// Open by URL: fetch a CSV/JSON/Parquet file from another site, only when the user asks for it.
// The failure says which step failed: the address, the network (or CORS), the HTTP status, the size.
import { formatBytes, MAX_UPLOAD_BYTES } from './limits.ts';
import { UploadError } from './upload-error.ts';

export interface Fetched {
  file: Blob;
  fileName: string;
  contentType: string;
}

/** The file name a URL names ("…/resolve/main/data/test.parquet?download=1" → "test.parquet"). */
export function fileNameOfUrl(url: URL): string {
  const last = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '');
  return last || url.hostname;
}

export function parseUserUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new UploadError(`“${text.trim().slice(0, 80)}” is not a URL; give a full address starting with https://.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UploadError(`only http and https URLs can be opened (got ${url.protocol}).`);
  return url;
}

export async function fetchUserUrl(text: string, signal?: AbortSignal): Promise<Fetched> {
  const url = parseUserUrl(text);
  let res: Response;
  try {
    // No cookies or credentials go to the other site.
    res = await fetch(url, { signal, credentials: 'omit', mode: 'cors' });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new UploadError(
      `${url.host} could not be reached or does not allow this site to read the file (CORS). The browser does not say which; ` +
        'check the address, or download the file and upload it instead.',
    );
  }
  if (!res.ok)
    throw new UploadError(`${url.host} answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${res.status === 404 ? ': there is no file at that address' : ''}.`);
  const length = Number(res.headers.get('content-length'));
  if (length > MAX_UPLOAD_BYTES) throw new UploadError(`the file is ${formatBytes(length)}; files up to ${formatBytes(MAX_UPLOAD_BYTES)} can be loaded in the browser.`);
  const contentType = res.headers.get('content-type') ?? '';
  return { file: await res.blob(), fileName: fileNameOfUrl(url), contentType };
}
