// Browser tests: Node drives Chromium (playwright-core) against the production build in dist/.
// Run `npm run build` first; `npm run test:browser` then serves dist/ and runs these files one at a time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/global-setup.ts'],
    fileParallelism: false, // one browser, two cores: files run in turn
    testTimeout: 120_000, // DuckDB-WASM (30+ MB) boots inside some tests
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
