/** Payload is ESM-only: tests run as ES modules (NODE_OPTIONS=--experimental-vm-modules, set by `npm test`). */
const lane = process.env.TEST_DB === 'mongo' ? 'mongo' : 'sqlite'

export default {
  displayName: lane,
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } },
        module: { type: 'es6' },
      },
    ],
  },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  // The pure-module tests run on their own (npm run test:unit, jest.unit.config.mjs): no database lane.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/unit/'],
  setupFiles: ['<rootDir>/tests/setup/env.ts'],
  globalSetup: '<rootDir>/tests/setup/global-setup.ts',
  globalTeardown: '<rootDir>/tests/setup/global-teardown.ts',
  moduleNameMapper: { '^@payload-config$': '<rootDir>/payload.config.ts' },
  testTimeout: 90_000,
  maxWorkers: 2,
}
