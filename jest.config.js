/**
 * The tests against a real OpenSearch (test/integration/opensearch/) run where the run has one: OPENSEARCH_URL
 * set, as `npm run test:stack` sets it. Elsewhere they are left out of the run, and the global setup says so
 * in the run's output, so a run without OpenSearch never looks as if it had compared anything with it.
 */
const withoutOpenSearch = process.env.OPENSEARCH_URL ? [] : ['<rootDir>/test/integration/opensearch/'];

/** Jest runs the TypeScript sources as ES modules through SWC (see ARCHITECTURE.md, known traps). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...withoutOpenSearch],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  maxWorkers: 1,
  // One worker process, replaced after a test file once it holds more than this: the run's module registries
  // (ESM through vm modules) grow with every file, and one process held them all until the heap ran out (4 GB).
  workerIdleMemoryLimit: '1.5GB',
  // A browser test walks several page states, each checked by axe: on a busy 2-core machine one such walk took
  // past 60 s. A test that hangs fails after two minutes instead of one.
  testTimeout: 120000,
};
