// Loads the loghub-2k sample by path (never copied into the repo): one record list per system from its structured CSV.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const repoRoot = path.join(__dirname, '..', '..');
const dataDir = process.env.LOGHUB_DIR ?? path.join(repoRoot, '..', 'shared', 'data', 'loghub-2k');

function loadClassification() {
  return require('@obs/classification');
}

function listSystems() {
  if (!fs.existsSync(dataDir)) throw new Error(`loghub-2k not found at ${dataDir} (set LOGHUB_DIR)`);
  return fs
    .readdirSync(dataDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

function loadSystem(system) {
  const { parseCsvRecords } = loadClassification();
  return parseCsvRecords(fs.readFileSync(path.join(dataDir, system, `${system}_2k.log_structured.csv`), 'utf8'));
}

module.exports = { dataDir, listSystems, loadSystem, loadClassification };
