// One Jest config for the whole monorepo: TypeScript through SWC, workspace packages mapped to their sources.
const path = require('node:path');

const root = __dirname;

/** @type {import('jest').Config} */
module.exports = {
  rootDir: root,
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  moduleNameMapper: {
    '^@obs/ai-sorter$': path.join(root, 'services/ai-sorter/src/index.ts'),
    '^@obs/([a-z-]+)$': path.join(root, 'packages/$1/src/index.ts'),
    '^@obs/([a-z-]+)/testing$': path.join(root, 'packages/$1/src/testing/index.ts'),
    '^@obs/schema/http$': path.join(root, 'packages/schema/src/http/index.ts'),
  },
  testTimeout: 60000,
  maxWorkers: 2,
};
