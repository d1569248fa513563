import { defineConfig } from 'vitest/config';

// Browser tests drive the *built* app (vite build + vite preview) in Debian's headless
// Chromium through playwright-core. See tests/browser/global-setup.ts and tests/browser/browser.ts.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
