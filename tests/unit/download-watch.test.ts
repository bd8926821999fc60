// Model downloads that stall end with a message, cancel ends them at once, and a slow reader (the
// loader busy with what arrived) is not taken for a stalled connection.
import { describe, expect, it } from 'vitest';
import { cancelDownloads, DownloadCancelledError, DownloadStalledError, watchedFetch } from '../../src/lib/scoring/download-watch.ts';

const URL_ = 'https://mirror.example/org/model/resolve/main/onnx/model_quantized.onnx';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fetch answering with a body that sends `chunks`, each after `gapMs`, then stays open or ends. */
function slowFetch(chunks: number, gapMs: number, end: boolean) {
  let cancelled = false;
  const fetch = async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent === chunks) {
          if (end) controller.close();
          else await new Promise(() => undefined); // open, silent
          return;
        }
        await sleep(gapMs);
        controller.enqueue(new Uint8Array([sent++]));
      },
      cancel() {
        cancelled = true;
      },
    });
    return new Response(body, { status: 200 });
  };
  return { fetch, wasCancelled: () => cancelled };
}

describe('watched model downloads', () => {
  it('pass a download through whose pieces keep arriving, however long it takes in all', async () => {
    const source = slowFetch(6, 20, true);
    const response = await watchedFetch(source.fetch, 60)(URL_);
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('end a request with no answer, naming the file and the wait', async () => {
    const never = () => new Promise<Response>(() => undefined);
    const err = await watchedFetch(never, 50)(URL_).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadStalledError);
    expect((err as Error).message).toMatch(/download of model_quantized\.onnx stalled: no answer for 50 ms/);
    expect((err as Error).message).toContain(URL_);
  });

  it('end a body that stops arriving, and let go of the connection', async () => {
    const source = slowFetch(2, 5, false);
    const response = await watchedFetch(source.fetch, 50)(URL_);
    const err = await response.arrayBuffer().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadStalledError);
    expect((err as Error).message).toMatch(/no data arrived for 50 ms/);
    await expect.poll(source.wasCancelled).toBe(true);
  });

  it('do not count the time the reader takes as a stall', async () => {
    const source = slowFetch(3, 1, true);
    const reader = (await watchedFetch(source.fetch, 40)(URL_)).body!.getReader();
    const got: number[] = [];
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      got.push(...next.value);
      await sleep(120); // busy with the piece, three times the stall limit
    }
    expect(got).toEqual([0, 1, 2]);
  });

  it('end every download in flight on cancel, and only those', async () => {
    const source = slowFetch(1, 1, false);
    const watched = watchedFetch(source.fetch, 10_000);
    const body = (await watched(URL_)).arrayBuffer().catch((e: unknown) => e);
    const never = watchedFetch(() => new Promise<Response>(() => undefined), 10_000)(URL_).catch((e: unknown) => e);
    await sleep(10);
    cancelDownloads();
    expect(await body).toBeInstanceOf(DownloadCancelledError);
    expect(await never).toBeInstanceOf(DownloadCancelledError);
    expect(source.wasCancelled()).toBe(true);
    // A download started after the cancel is not cancelled.
    const later = await watchedFetch(slowFetch(2, 1, true).fetch, 10_000)(URL_);
    expect(new Uint8Array(await later.arrayBuffer())).toHaveLength(2);
  });
});
