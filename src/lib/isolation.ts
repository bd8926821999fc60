// Cross-origin isolation of the page: what lets the scorer worker run ONNX Runtime on several
// threads. A host that sends the COOP/COEP headers (vite dev/preview; Netlify and Cloudflare Pages
// read public/_headers) isolates every page. A host that cannot (GitHub Pages) gets the same from a
// small service worker (workers/isolation.sw.ts) that the visitor installs from the Score page: it
// takes effect on the next load, so installing it reloads the page (drafts and batches are saved and
// resume), and removing it reloads too.
import { maxScorerThreads, scorerThreads, type ThreadChoice } from './scoring/threads.ts';

/** The helper's file at the site root (vite.config.ts emits it under this fixed name). */
export const ISOLATION_SW_FILE = 'isolation-sw.js';

export interface IsolationState {
  isolated: boolean;
  /** Threads the scorer worker runs on here, with the reviewer's choice. */
  threads: number;
  /** The most threads it may use on this machine once the page is isolated. */
  maxThreads: number;
  /** What 'auto' gives once isolated. */
  autoThreads: number;
  /** Who isolates the page: the host's headers, our helper, or nobody. */
  via: 'headers' | 'helper' | 'none';
  /** The helper can be installed here (service workers, a secure context, not isolated yet). */
  canInstallHelper: boolean;
  /** The helper controls the page but the browser still did not isolate it. */
  helperIneffective: boolean;
}

function helperControls(): boolean {
  return navigator.serviceWorker?.controller?.scriptURL.endsWith(`/${ISOLATION_SW_FILE}`) ?? false;
}

export function isolationState(choice: ThreadChoice = 'auto'): IsolationState {
  const isolated = globalThis.crossOriginIsolated === true;
  const cores = navigator.hardwareConcurrency;
  const helper = helperControls();
  return {
    isolated,
    threads: scorerThreads(isolated, cores, choice),
    maxThreads: maxScorerThreads(cores),
    autoThreads: scorerThreads(true, cores, 'auto'),
    via: isolated ? (helper ? 'helper' : 'headers') : 'none',
    canInstallHelper: !isolated && !helper && 'serviceWorker' in navigator && globalThis.isSecureContext === true,
    helperIneffective: !isolated && helper,
  };
}

/** Install the helper and reload once it is active (the reload is what isolates the page). */
export async function installIsolationHelper(): Promise<void> {
  const base = import.meta.env.BASE_URL;
  await navigator.serviceWorker.register(`${base}${ISOLATION_SW_FILE}`, { scope: base });
  await navigator.serviceWorker.ready;
  location.reload();
}

/** Remove the helper and reload without it. Returns false when it was not installed. */
export async function removeIsolationHelper(): Promise<boolean> {
  const registrations = await navigator.serviceWorker.getRegistrations();
  const ours = registrations.filter((r) => (r.active ?? r.waiting ?? r.installing)?.scriptURL.endsWith(`/${ISOLATION_SW_FILE}`));
  for (const r of ours) await r.unregister();
  if (ours.length > 0) location.reload();
  return ours.length > 0;
}
