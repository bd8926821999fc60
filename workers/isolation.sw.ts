// The cross-origin-isolation helper, for static hosts that cannot send headers (GitHub Pages).
// ONNX Runtime runs the scorer on several threads only in a cross-origin-isolated page (it needs
// SharedArrayBuffer), which takes two response headers this service worker adds to the site's own
// pages and worker scripts. Nothing else goes through it: data, wasm and model downloads are left to
// the browser untouched. Installed only when the visitor asks for it on the Score page
// (src/lib/isolation.ts); hosts that send the headers themselves (public/_headers) never need it.
// Built as its own file at the site root (vite.config.ts), so its scope covers the whole site.
// Self-contained on purpose: an import would make the bundler share a chunk with the app.

declare const self: ServiceWorkerGlobalScope;

// The same two headers as public/_headers and vite.config.ts (tests/unit/isolation.test.ts checks).
const ISOLATION_HEADERS: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (new URL(request.url).origin !== self.location.origin) return;
  const isolates = request.mode === 'navigate' || request.destination === 'worker' || request.destination === 'sharedworker';
  if (!isolates) return;
  event.respondWith(withIsolation(request));
});

async function withIsolation(request: Request): Promise<Response> {
  const response = await fetch(request);
  // Redirects and network errors pass as they are (their headers cannot be rewritten).
  if (response.type === 'opaqueredirect' || response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export {};
