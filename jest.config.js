/** Jest runs the TypeScript sources as ES modules through SWC (see ARCHITECTURE.md, known traps). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  maxWorkers: 1,
  // One worker process, replaced after a test file once it holds more than this: the run's module registries
  // (ESM through vm modules) grow with every file, and one process held them all until the heap ran out (4 GB).
  workerIdleMemoryLimit: '1.5GB',
  testTimeout: 60000,
};
