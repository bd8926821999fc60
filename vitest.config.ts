import { defineConfig } from 'vitest/config';

// Unit tests run in Node; browser tests have their own config under tests/browser/.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
