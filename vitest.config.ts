import { defineConfig } from 'vitest/config';

// Three projects: `unit` is what `npm test` runs (pure code, jsdom components, and every
// database test on the embedded PGlite snapshot); `integration` reruns the database tests on a real
// PostgreSQL + PostGIS (TEST_DATABASE_URL); `browser` drives Chromium against a running server.
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['backend/src/**/*.test.ts', 'gis-data/**/*.test.ts', 'frontend/src/**/*.test.{ts,tsx}'],
          exclude: ['**/node_modules/**', '**/*.browser.test.ts'],
          globalSetup: ['backend/src/test-support/global-setup.ts'],
          hookTimeout: 120_000,
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['backend/src/**/*.integration.test.ts'],
          globalSetup: ['backend/src/test-support/global-setup.ts'],
          hookTimeout: 120_000,
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['frontend/e2e/**/*.browser.test.ts'],
          hookTimeout: 300_000,
          testTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
