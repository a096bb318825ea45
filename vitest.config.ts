import { defineConfig } from 'vitest/config';

/**
 * Unit and integration tests. Database-backed tests run once on PGlite and,
 * when TEST_DATABASE_URL is set, again on PostgreSQL (project "server-pg").
 * Browser journeys live in e2e/ with their own config.
 */
const dbProject = (name: string, driver: 'pglite' | 'postgres') => ({
  test: {
    name,
    include: [
      'packages/db/src/**/*.test.ts',
      'packages/server/src/**/*.test.ts',
      'packages/cli/src/**/*.test.ts',
    ],
    globalSetup: ['packages/db/src/testing/global-setup.ts'],
    env: { TANDEM_TEST_DRIVER: driver },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'domain',
          include: [
            'packages/domain/src/**/*.test.ts',
            'packages/contract/src/**/*.test.ts',
            'packages/web/src/**/*.test.ts',
          ],
          testTimeout: 60_000,
        },
      },
      dbProject('server-pglite', 'pglite'),
      ...(process.env.TEST_DATABASE_URL ? [dbProject('server-pg', 'postgres')] : []),
    ],
  },
});
