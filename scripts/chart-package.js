#!/usr/bin/env node
// Packages deploy/helm/telemetry-sorter as `helm package` lays it out (a gzipped tar of telemetry-sorter/, without
// what .helmignore names) into dist/charts/telemetry-sorter-<version>.tgz, for a parent chart's charts/ folder.
// Usage: pnpm chart:package [-- OUT_DIR]
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const chart = path.join(root, 'deploy', 'helm', 'telemetry-sorter');
const version = /^version:\s*"?([^"\s]+)"?\s*$/m.exec(fs.readFileSync(path.join(chart, 'Chart.yaml'), 'utf8'))?.[1];
if (!version) throw new Error(`${chart}/Chart.yaml has no version`);
const outDir = path.resolve(process.argv[2] ?? path.join(root, 'dist', 'charts'));
fs.mkdirSync(outDir, { recursive: true });
const out = path.join(outDir, `telemetry-sorter-${version}.tgz`);
execFileSync('tar', [
  '-czf',
  out,
  '-C',
  path.dirname(chart),
  `--exclude-from=${path.join(chart, '.helmignore')}`,
  path.basename(chart),
]);
process.stdout.write(`${out}\n`);
