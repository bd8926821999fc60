// The worker client's life cycle, with the worker played by a MessagePort running the real service
// through comlink: a worker that dies after answering is a crash (restarted, callers told); one that
// dies before ever answering never started (no restart loop, a clear message, the next call retries).
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { ScorerClient, WorkerCrashedError, WorkerStartError } from '../../src/lib/scoring/client.ts';

/** A stand-in Worker: comlink messages over a MessageChannel to an object exposed on the other end. */
class PortWorker extends EventTarget {
  terminated = false;
  private readonly port: MessagePort;
  constructor(exposed: object) {
    super();
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(exposed, port2);
    this.port = port1;
    port1.addEventListener('message', (e) => this.dispatchEvent(new MessageEvent('message', { data: (e as MessageEvent).data })));
    port1.start();
  }
  postMessage(data: unknown, transfer?: Transferable[]): void {
    if (!this.terminated) this.port.postMessage(data, transfer ?? []);
  }
  terminate(): void {
    this.terminated = true;
    this.port.close();
  }
  /** What the browser does when the worker throws or its script cannot be loaded. */
  die(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error'), { message }));
  }
}

// configure() never answers here, so a crash during it is certain to catch it in flight.
const service = { configure: () => new Promise<void>(() => undefined), cancel: async () => false, cachedModels: async () => [] };

describe('scorer client', () => {
  it('restarts a worker that crashed after answering and tells the caller', async () => {
    const workers: PortWorker[] = [];
    const client = new ScorerClient(() => {
      const w = new PortWorker(service);
      workers.push(w);
      return w as unknown as Worker;
    });
    const crashes: Error[] = [];
    client.onCrash = (e) => crashes.push(e);
    await client.cachedModels();
    const inFlight = client.configure({}).catch((e: unknown) => e);
    workers[0].die('out of memory');
    expect(await inFlight).toBeInstanceOf(WorkerCrashedError);
    expect(crashes[0]).toBeInstanceOf(WorkerCrashedError);
    expect(crashes[0].message).toMatch(/out of memory; the scorer was restarted/);
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    await expect(client.cachedModels()).resolves.toEqual([]);
  });

  it('a restarted worker that answered its settings and then dies while loading models has crashed, not failed to start', async () => {
    const workers: PortWorker[] = [];
    const client = new ScorerClient(() => {
      const w = new PortWorker({ configure: async () => undefined, load: () => new Promise(() => undefined), cachedModels: async () => [] });
      workers.push(w);
      return w as unknown as Worker;
    });
    await client.configure({ source: { kind: 'hub' } });
    // The first worker crashes; the client starts a second one and sends it the settings again.
    const first = client.load({}).catch((e: unknown) => e);
    workers[0].die('out of memory');
    expect(await first).toBeInstanceOf(WorkerCrashedError);
    expect(workers).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 20)); // the settings are answered
    const second = client.load({}).catch((e: unknown) => e);
    workers[1].die('out of memory');
    expect(await second).toBeInstanceOf(WorkerCrashedError);
  });

  it('does not loop when the worker dies before it ever answered, and retries on the next call', async () => {
    let made = 0;
    const client = new ScorerClient(() => {
      made++;
      // Never answers: a script that failed to load.
      const w = new PortWorker({});
      queueMicrotask(() => w.die('the scorer worker stopped'));
      return w as unknown as Worker;
    });
    const crashes: Error[] = [];
    client.onCrash = (e) => crashes.push(e);
    const e = await client.configure({ source: { kind: 'hub' } }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(WorkerStartError);
    expect((e as Error).message).toMatch(/The scorer could not start: its code could not be loaded/);
    await new Promise((r) => setTimeout(r, 20));
    expect(made).toBe(1);
    expect(crashes).toEqual([]);
    await expect(client.cachedModels()).rejects.toBeInstanceOf(WorkerStartError);
    expect(made).toBe(2);
  });

  it('starts a fresh worker for another thread count (ONNX Runtime fixes it at start), and only then', async () => {
    const workers: PortWorker[] = [];
    const configured: unknown[][] = [];
    const client = new ScorerClient(() => {
      const seen: unknown[] = [];
      configured.push(seen);
      const w = new PortWorker({ configure: async (c: unknown) => void seen.push(c), cachedModels: async () => [] });
      workers.push(w);
      return w as unknown as Worker;
    });
    await client.configure({ source: { kind: 'hub' }, wasmThreads: 1 });
    await client.configure({ source: { kind: 'hub' }, wasmThreads: 1 });
    expect(workers).toHaveLength(1);
    await client.configure({ source: { kind: 'hub' }, wasmThreads: 2 });
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    // The fresh worker gets the whole configuration before anything else.
    expect(configured[1][0]).toEqual({ source: { kind: 'hub' }, wasmThreads: 2 });
    await client.configure({ source: { kind: 'mirror', baseUrl: 'http://127.0.0.1:1/' } });
    expect(workers).toHaveLength(2);
  });

  it('rejects a call still waiting on a worker stopped for another thread count, instead of leaving it hanging', async () => {
    const client = new ScorerClient(() => new PortWorker({ configure: async () => undefined, cachedModels: () => new Promise(() => undefined) }) as unknown as Worker);
    await client.configure({ wasmThreads: 1 });
    const listing = client.cachedModels().catch((e: unknown) => e);
    await client.configure({ wasmThreads: 2 });
    expect(((await listing) as Error).message).toMatch(/stopped before it answered \(the thread count changed\)/);
  });
});
