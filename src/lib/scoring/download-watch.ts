// Model downloads that stop moving, and downloads the visitor cancels. A connection that stalls
// (a captive portal, a dropped Wi-Fi, a mirror that accepts and never answers) would otherwise leave
// the progress bar frozen for ever: each request must answer, and each answer's body keep arriving,
// within `stallMs`, or it ends with a message naming the file. Cancel ends every download in flight
// at once, rather than after a 400 MB file has finished. Time spent waiting for the reader (the
// model loader hashing or caching what arrived) does not count as a stall.

/** transformers.js's fetch hook (string or URL in, Response out). */
type Fetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

export class DownloadStalledError extends Error {
  override name = 'DownloadStalledError';
}

export class DownloadCancelledError extends Error {
  override name = 'DownloadCancelledError';
}

/** Aborted by cancelDownloads(); a fresh one for the downloads after that. */
let downloads = new AbortController();

/** End every download in flight (the loads waiting on them fail with DownloadCancelledError). */
export function cancelDownloads(): void {
  downloads.abort(new DownloadCancelledError('the download was cancelled'));
  downloads = new AbortController();
}

const seconds = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);

/** A promise that rejects with the signal's reason once it is aborted (never resolves). */
function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** `fallback` with a stall limit on the answer and on each piece of its body, and cancellable. */
export function watchedFetch(fallback: Fetch, stallMs: number): Fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input.href;
    const file = decodeURIComponent(new URL(url, 'http://x/').pathname.split('/').pop() || url);
    const ctl = new AbortController();
    const cancelled = downloads.signal;
    const onCancel = () => ctl.abort(cancelled.reason);
    if (cancelled.aborted) onCancel();
    else cancelled.addEventListener('abort', onCancel, { once: true });
    const done = () => cancelled.removeEventListener('abort', onCancel);
    const stall = (what: string) => () =>
      ctl.abort(new DownloadStalledError(`the download of ${file} stalled: ${what} for ${seconds(stallMs)} (from ${url}). Check the connection, then try again`));
    const aborted = whenAborted(ctl.signal);
    aborted.catch(() => undefined); // read only while a step is waited on

    let timer = setTimeout(stall('no answer'), stallMs);
    let response: Response;
    try {
      const signal = init?.signal ? AbortSignal.any([init.signal, ctl.signal]) : ctl.signal;
      response = await Promise.race([fallback(input, { ...init, signal }), aborted]);
    } catch (e) {
      done();
      throw ctl.signal.aborted ? ctl.signal.reason : e;
    } finally {
      clearTimeout(timer);
    }
    if (!response.body) {
      done();
      return response;
    }
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        timer = setTimeout(stall('no data arrived'), stallMs);
        try {
          const next = await Promise.race([reader.read(), aborted]);
          if (next.done) {
            done();
            controller.close();
          } else controller.enqueue(next.value);
        } catch (e) {
          done();
          controller.error(ctl.signal.aborted ? ctl.signal.reason : e);
          reader.cancel().catch(() => undefined);
        } finally {
          clearTimeout(timer);
        }
      },
      cancel(reason) {
        done();
        return reader.cancel(reason);
      },
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
