// Vite config for the static site. BASE_PATH lets the same build deploy to GitHub Pages
// under /<repo>/ (e.g. BASE_PATH=/personascope/ npm run build); locally it is "/".
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

function normaliseBase(raw: string | undefined): string {
  const base = (raw ?? '/').trim() || '/';
  const withLead = base.startsWith('/') ? base : `/${base}`;
  return withLead.endsWith('/') ? withLead : `${withLead}/`;
}

// Cross-origin isolation (COOP/COEP): lets the scorer worker run ONNX Runtime on several threads.
// The same two headers are in public/_headers (Netlify, Cloudflare Pages) and in the helper service
// worker for hosts without headers (workers/isolation.sw.ts); tests/unit/isolation.test.ts checks.
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The isolation helper must sit at the site root under a fixed name (its scope is its folder). */
const ISOLATION_SW_ENTRY = 'isolation-sw';

export default defineConfig({
  base: normaliseBase(process.env.BASE_PATH),
  plugins: [svelte()],
  // public/ holds data/ (built by `npm run data`); Vite copies it into dist/ as is.
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // DuckDB's wasm is ~35 MB; it is fetched lazily, never inlined.
    assetsInlineLimit: 4096,
    chunkSizeWarningLimit: 2000,
    // Chart embeds and the chart and scorer bench pages are their own small entries, not part of the app bundle.
    rolldownOptions: {
      input: {
        main: 'index.html',
        embed: 'embed.html',
        'chart-fixtures': 'chart-fixtures.html',
        'bench-scorer': 'bench-scorer.html',
        [ISOLATION_SW_ENTRY]: 'workers/isolation.sw.ts',
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === ISOLATION_SW_ENTRY ? `${ISOLATION_SW_ENTRY}.js` : 'assets/[name]-[hash].js'),
      },
    },
  },
  resolve: {
    alias: [
      // transformers.js imports `onnxruntime-web/webgpu`, whose bundle runs the ".asyncify" wasm build
      // (27 MB). The scorer only uses the wasm execution provider, which the plain SIMD build (14 MB)
      // has too: same kernel speed, but it compiles in half the time (a scorer loads from the cache
      // in ~0.8 s instead of ~1.7 s) and takes ~20% less memory. The exact-match regex leaves the
      // `onnxruntime-web/ort-wasm-*` file imports alone; Vite applies it to worker bundles too.
      { find: /^onnxruntime-web\/webgpu$/, replacement: 'onnxruntime-web/wasm' },
    ],
  },
  worker: { format: 'es' },
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
  // duckdb-wasm ships its own worker bundles; pre-bundling breaks their asset URLs.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
});
