import { defineConfig } from '@playwright/test';

// Each test launches its own Chromium with the built extension (tests/e2e/harness.ts), so
// there is no browser project to configure here; two workers fit a two-core machine.
export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'reliability/**/*.spec.ts'],
  timeout: 45_000,
  expect: { timeout: 5_000 },
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.test-results/e2e.json' }]],
  use: { trace: 'off' },
});
