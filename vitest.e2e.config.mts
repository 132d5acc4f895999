import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: the built app in browser mode, driven by playwright-core and Debian Chromium.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
