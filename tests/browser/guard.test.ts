// The guards the other tests rely on must themselves work: a request to another origin, from the
// page or from a worker (DuckDB runs in one), is recorded (and blocked); console errors are caught.
import { expect, it } from 'vitest';
import { isLocal, newSession } from './harness.ts';

it('records outside requests from the page and from workers, and console errors', async () => {
  const s = await newSession();
  try {
    await s.open('#/');
    await s.page.locator('h1').waitFor();
    await s.page.evaluate(async () => {
      await fetch('https://example.invalid/from-page').catch(() => undefined);
      const code = "fetch('https://example.invalid/from-worker').catch(() => {}).finally(() => postMessage('done'))";
      const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
      await new Promise((resolve) => (worker.onmessage = resolve));
      console.error('deliberate test error');
    });
    await expect.poll(() => s.requests.filter((u) => !isLocal(u)).sort()).toEqual([
      'https://example.invalid/from-page',
      'https://example.invalid/from-worker',
    ]);
    expect(s.errors.some((e) => e.includes('deliberate test error'))).toBe(true);
    expect(() => s.assertClean()).toThrow();
  } finally {
    await s.close();
  }
});
