/**
 * Three projects, one run: `npm test` runs them all, three test files at a time on the two cores of the machine CI
 * runs on (most of the slow files wait on a child process, the CLI, Chromium or LibreOffice: measured, three
 * finish sooner than two). Pick one while
 * working, e.g. `npx jest --selectProjects unit`.
 * - unit: the core, the pane, the hosts against their fakes, the command line on small files;
 * - programs: Chromium (the three hosts' panes, the summary page) and LibreOffice (our files opened, recalculated
 *   and printed by another spreadsheet);
 * - large: the files at the limits (200,000 and 1,048,576 rows, hostile packages), signals, the release.
 * The builds they share are made once per run by the global setup (.ci/test-bundles.js): the command line
 * before the first test, the hosts' bundles beside the first tests.
 */
const PROGRAMS = ['\\.e2e\\.test\\.ts$', '\\.libreoffice\\.test\\.ts$'];
const LARGE = [
  '/cli/test/fuzz/.*\\.test\\.ts$',
  '/cli/test/largeSheets\\.test\\.ts$',
  '/cli/test/signals\\.test\\.ts$',
  '/cli/test/release/.*\\.test\\.ts$',
];

const project = (displayName, select) => ({
  displayName,
  testEnvironment: 'node',
  roots: [
    '<rootDir>/shared',
    '<rootDir>/cli',
    '<rootDir>/addin-excel',
    '<rootDir>/apps-script',
    '<rootDir>/web',
  ],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  // The benchmark's own packages (tableschema-js, SheetJS) are never a test's business.
  modulePathIgnorePatterns: ['<rootDir>/cli/bench/references/'],
  ...select,
});

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    project('unit', {
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...PROGRAMS, ...LARGE],
    }),
    project('programs', { testRegex: PROGRAMS }),
    project('large', { testRegex: LARGE }),
  ],
  maxWorkers: 3,
  reporters: ['default', '<rootDir>/.ci/plain-summary-reporter.js'],
  // Temporary files of the tests (and of the programs they run) go under test-output/tmp, removed at the end;
  // the command line and the hosts' bundles are built once for the whole run.
  globalSetup: '<rootDir>/.ci/jest-setup.js',
  globalTeardown: '<rootDir>/.ci/jest-teardown.js',
};
