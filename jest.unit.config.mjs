/** `npm run test:unit`: the pure modules (no Payload boot, no database), in seconds. Run first in .ci/run. */
export default {
  displayName: 'unit',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
  testTimeout: 20_000,
}
