/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/shared',
    '<rootDir>/cli',
    '<rootDir>/addin-excel',
    '<rootDir>/apps-script',
    '<rootDir>/web',
  ],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  reporters: ['default', '<rootDir>/.ci/plain-summary-reporter.js'],
  // Temporary files of the tests (and of the programs they run) go under test-output/tmp, removed at the end.
  globalSetup: '<rootDir>/.ci/jest-setup.js',
  globalTeardown: '<rootDir>/.ci/jest-teardown.js',
};
