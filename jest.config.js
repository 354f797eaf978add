// Tests run as native ESM (NODE_OPTIONS=--experimental-vm-modules), compiled by swc.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
];

const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/'],
  // Many tests load the shipped graph (or a generated one) in their first step: 1–2 s on a
  // quiet machine, past jest's default 5 s when both cores are busy (seen in full runs).
  // A test that hangs still fails, at this limit.
  testTimeout: 20_000,
};

/** @type {import('jest').Config} */
export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/{data,graph,api,client,curation}/**/*.test.ts'] },
    // Real-browser tests: slower, one at a time, each starts its own server on 127.0.0.1.
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.test.ts'] },
  ],
};
