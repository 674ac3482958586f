/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // ts-jest transpiles only (tsconfig has isolatedModules): `npm run typecheck` type-checks once.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 60000,
  // Jest's default leaves a core to itself; on the 2-core machines this runs on, both cores
  // running suites roughly halves the wall time (the suites wait on child processes and Chromium).
  maxWorkers: '100%',
};
