import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const TIMING = 'tests/**/*.timing.test.ts';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    exclude: ['node_modules/**', 'tests/bench/**'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: ['api/**/*.test.ts', 'db/**/*.test.ts', 'seeds/**/*.test.ts', 'search/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['node_modules/**', 'tests/bench/**', TIMING],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Tests that measure time run after everything else, one file at a time, on a machine the other tests no longer load.
        extends: true,
        test: { name: 'timing', include: [TIMING], fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
