import { defineConfig } from 'vitest/config'

/**
 * Two projects: everything on the embedded default (SQLite), and the API flow suite again on
 * PostgreSQL (XINFANG_TEST_ENGINE=postgres makes tests/support/stack.ts start each stack on a fresh
 * database of the run's PostgreSQL server). Unit tests of the data layer run on every engine the
 * run has a server for (server/src/db/test-databases.ts). The crash test runs on both too.
 */
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['tests/support/postgres-setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', include: ['{shared,server,mocks}/src/**/*.test.ts', 'tests/**/*.test.ts', 'miniapp/src/**/*.test.ts'], exclude: ['tests/postgres/**', '**/node_modules/**'] },
      },
      {
        extends: true,
        test: { name: 'postgres', include: ['tests/api/**/*.test.ts', 'tests/postgres/**/*.test.ts', 'tests/reliability/durability.test.ts'], env: { XINFANG_TEST_ENGINE: 'postgres' } },
      },
    ],
  },
})
