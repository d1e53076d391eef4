import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/reliability/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto'],
    environment: 'node',
  },
});
