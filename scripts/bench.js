#!/usr/bin/env node
// Runs the benchmarks under bench/ one after another (they share two cores, so never in parallel).
// `pnpm bench` runs all; `pnpm bench -- loghub sorter` runs those whose path contains a given word.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const benchDir = path.join(__dirname, '..', 'bench');
const filters = process.argv.slice(2);
const scripts = fs
  .readdirSync(benchDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    fs
      .readdirSync(path.join(benchDir, d.name))
      .filter((f) => f.endsWith('.js') && f !== 'support.js' && f !== 'loghub.js')
      .map((f) => path.join(d.name, f)),
  )
  .filter((p) => filters.length === 0 || filters.some((f) => p.includes(f)));

let failed = 0;
for (const script of scripts) {
  process.stdout.write(`\n=== bench/${script}\n`);
  const run = spawnSync(
    process.execPath,
    ['--enable-experimental-regexp-engine-on-excessive-backtracks', path.join(benchDir, script)],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
