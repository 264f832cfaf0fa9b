import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{contracts,api,db,geodata,demo,web}/src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/support/globalSetup.ts'],
    // Database-backed files open their own database copy in beforeAll; give that room.
    hookTimeout: 180_000,
    testTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
