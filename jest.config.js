/** Jest runs in native ESM mode (NestJS 12 is ESM-only); @swc/jest compiles TypeScript. */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
    target: 'es2022',
  },
  module: { type: 'es6' },
};

export default {
  testEnvironment: '<rootDir>/test/support/environment.mjs',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  testMatch: [
    '<rootDir>/src/**/*.spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
    '<rootDir>/test/db/*.db-spec.ts',
    '<rootDir>/scripts/**/*.spec.mjs',
    '<rootDir>/eval/**/*.spec.ts',
  ],
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  maxWorkers: 2,
  // In native ESM mode Jest keeps each test file's module registry alive in its worker (jestjs/jest#14605).
  // Measured with a probe in every worker of a full run: when Jest asks a worker to end, its event loop is
  // empty within 1 ms (no handle, timer or socket is left open by any test file), and the process is gone
  // 50-180 ms later, the time the system takes to release its memory. A worker that had run many files held
  // over 1 GB, took longer than Jest's 500 ms and was reported as "failed to exit gracefully". Workers above
  // this size after a file are replaced, so none grows that large.
  workerIdleMemoryLimit: '512MB',
  testTimeout: 30000,
};
