import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['{shared,server,mocks}/src/**/*.test.ts', 'tests/**/*.test.ts', 'miniapp/src/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['tests/support/postgres-setup.ts'],
  },
})
