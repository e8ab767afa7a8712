import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const TIMING = 'tests/**/*.timing.test.ts';
/** What only the edge runtime has: the Worker's own behaviour, wrangler dev. */
const EDGE_ONLY = 'tests/edge/**/*.test.ts';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    exclude: ['node_modules/**', 'tests/bench/**'],
    pool: 'forks',
    // Two files at a time on this 2-core machine (Vitest's default is one fewer than the cores): much of a
    // file's time is spent waiting on Chromium, workerd or Meilisearch in other processes.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: ['api/**/*.test.ts', 'db/**/*.test.ts', 'seeds/**/*.test.ts', 'search/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['node_modules/**', 'tests/bench/**', TIMING, EDGE_ONLY],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // The same API test files again, against the Worker on workerd with a local D1 (`npm run test:edge`).
        extends: true,
        test: {
          name: 'edge',
          include: ['tests/api/**/*.test.ts', 'tests/properties/**/*.test.ts', EDGE_ONLY],
          env: { IKEN_TEST_RUNTIME: 'edge' },
          globalSetup: ['tests/helpers/edge-setup.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Tests that measure time run after everything else, one file at a time, on a machine the other tests no longer load.
        extends: true,
        test: { name: 'timing', include: [TIMING], fileParallelism: false, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
