import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    globals: true,
    environment: 'happy-dom',
    include: ['**/__tests__/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', '.output/**', 'e2e/**'],
    pool: 'threads',
    maxWorkers: 2,
    // Some tests compile real packs or scan the corpus sample: seconds each on a 2-core machine under load. The
    // limit guards against a hang, it times nothing.
    testTimeout: 30_000,
  },
});
