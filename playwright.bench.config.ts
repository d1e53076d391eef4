import { defineConfig } from '@playwright/test';

// `npm run bench`: the benchmarks in tests/bench, one at a time (they measure, so nothing else
// of ours may share the CPU), outside `npm test`.
export default defineConfig({
  testDir: 'tests/bench',
  testMatch: ['**/*.bench.ts'],
  timeout: 20 * 60_000,
  expect: { timeout: 60_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'off' },
});
