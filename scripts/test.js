#!/usr/bin/env node
// Runs every Jest suite of the monorepo, then prints "N passed, N failed" as the last line.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { skippedLines, summaryLine } = require('./test-summary');

const root = path.join(__dirname, '..');
const jestBin = require.resolve('jest/bin/jest', { paths: [root] });
const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jest-')), 'results.json');
const args = [
  // Untrusted regexes (pipeline configs) fall back to a linear engine instead of backtracking forever.
  '--enable-experimental-regexp-engine-on-excessive-backtracks',
  jestBin,
  '--config',
  path.join(root, 'jest.config.js'),
  '--json',
  '--outputFile',
  resultsFile,
  ...process.argv.slice(2),
];
const run = spawnSync(process.execPath, args, { stdio: 'inherit' });
let line;
let skipped = [];
try {
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  line = summaryLine(results);
  skipped = skippedLines(results, root);
} catch (err) {
  line = `0 passed, 1 failed (jest produced no results: ${err.message})`;
}
process.stdout.write(`\n${skipped.map((s) => `${s}\n`).join('')}${line}\n`);
process.exit(run.status ?? 1);
