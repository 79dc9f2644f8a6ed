// Jest runs native ESM (NestJS 12 packages are ESM-only), so start it with
// `node --experimental-vm-modules node_modules/jest/bin/jest.js` (what `npm test` does, after
// `npm run build`: the e2e global setup migrates its template database with the built CLI).

/**
 * ESM-only packages that CommonJS dependencies `require()` (e.g. @fastify/static requires
 * content-disposition 3). Node 20.19+ loads those natively, but Jest's own CommonJS loader cannot
 * before Node 24.9, so Jest compiles them to CommonJS instead (tsconfig.jest.json has `allowJs`).
 */
const ESM_REQUIRED_FROM_CJS = ['content-disposition'];

const tsJest = ['ts-jest', { useESM: true, tsconfig: 'tsconfig.jest.json' }];

/** What both projects share: TypeScript through ts-jest in ESM mode, `.js` import suffixes mapped away. */
const typescript = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  transform: {
    '^.+\\.ts$': tsJest,
    [`/node_modules/(?:${ESM_REQUIRED_FROM_CJS.join('|')})/.+\\.js$`]: tsJest,
  },
  transformIgnorePatterns: [`/node_modules/(?!(?:${ESM_REQUIRED_FROM_CJS.join('|')})/)`],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
};


/** @type {import('jest').Config} */
export default {
  rootDir: '.',
  // 2-core machines: one worker per core; the e2e files each start an app and a database.
  maxWorkers: 2,
  projects: [
    {
      ...typescript,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/setup/loaded-machine-timeout.ts'],
    },
    {
      ...typescript,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      // Migrates a template database once per run; every test file clones its own copy.
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      // `toHaveStatus`, and a 30 s timeout (Jest reads `testTimeout` only at the top level).
      setupFilesAfterEnv: ['<rootDir>/test/setup/matchers.ts', '<rootDir>/test/setup/loaded-machine-timeout.ts'],
      slowTestThreshold: 10,
    },
    {
      ...typescript,
      displayName: 'web',
      // The web console's pure logic (report form mapping, diffs, periods, API errors), checked
      // against the console's own compiler options.
      testMatch: ['<rootDir>/web/src/**/*.spec.ts'],
      transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'web/tsconfig.spec.json' }] },
    },
    {
      ...typescript,
      displayName: 'browser',
      // The web console in Debian's Chromium against the built app (`dist/`, `web/dist`), its
      // workers, PostgreSQL and Redis; the journey of issue 6, in Chinese and English. Writes the
      // screenshots in docs/screenshots.
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/browser/setup-timeout.ts'],
      slowTestThreshold: 60,
    },
    {
      ...typescript,
      displayName: 'faults',
      // Fault drills: each starts the built API and worker processes (`dist/`), breaks something
      // (SIGKILL, Redis, PostgreSQL, SIGTERM, a racing start) and checks that nothing is lost.
      // Same template database and setup as the e2e tests; each drill sets its own timeout.
      testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/setup/matchers.ts', '<rootDir>/test/setup/loaded-machine-timeout.ts'],
      slowTestThreshold: 90,
    },
  ],
};
