#!/usr/bin/env node
// LLM economy on real logs: every line of each loghub-2k system goes through /classify (batches of 100) of a fresh
// ai-sorter whose LLM is a counting stub; prints LLM calls and items asked per system against the system's
// ground-truth template count (rows of <System>_2k.log_templates.csv). Reference: one call per batch without a cache.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSorter, startLlmStub, logLines, systems, dataDir } = require('./support');

const batch = 100;

async function post(url, items) {
  const res = await fetch(`${url}/classify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items }) });
  if (res.status !== 200) throw new Error(`/classify answered ${res.status}: ${await res.text()}`);
  return res.json();
}

function templateCount(system) {
  const csv = fs.readFileSync(path.join(dataDir, system, `${system}_2k.log_templates.csv`), 'utf8');
  return csv.split('\n').filter((l) => l.trim().length > 0).length - 1;
}

async function main() {
  const rows = [];
  for (const system of systems()) {
    const lines = logLines(system);
    const stub = await startLlmStub();
    // Budgets far above what 20 batches need, so only the cache decides how often the LLM is asked.
    const sorter = await spawnSorter({ LLM_API_KEY: 'bench-stub-key', LLM_BASE_URL: stub.baseUrl, LIMITER_REQUESTS_PER_MINUTE: '100000', LIMITER_TOKENS_PER_MINUTE: '100000000' });
    const decided = { llm: 0, cache: 0, rules: 0 };
    const templateIds = new Set();
    try {
      for (let i = 0; i < lines.length; i += batch) {
        const answer = await post(sorter.url, lines.slice(i, i + batch).map((line) => ({ type: 'log', body: line })));
        for (const k of Object.keys(decided)) decided[k] += answer.stats.decided_by[k];
        for (const r of answer.results) templateIds.add(r.template.id);
      }
    } finally {
      await sorter.stop();
      await stub.stop();
    }
    rows.push({ system, lines: lines.length, batches: Math.ceil(lines.length / batch), truth: templateCount(system), calls: stub.stats.calls, asked: stub.stats.items, mined: templateIds.size, ...decided });
  }

  console.log(`\nLLM economy, loghub-2k raw lines through /classify in batches of ${batch} (fresh sorter per system, LLM stub)\n`);
  console.log('| system | lines | truth templates | LLM calls | calls w/o cache | items asked | asked / truth | mined template ids | llm | cache | rules |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  let sum = { calls: 0, batches: 0, asked: 0, truth: 0, lines: 0 };
  for (const r of rows) {
    console.log(`| ${r.system} | ${r.lines} | ${r.truth} | ${r.calls} | ${r.batches} | ${r.asked} | ${(r.asked / r.truth).toFixed(2)} | ${r.mined} | ${r.llm} | ${r.cache} | ${r.rules} |`);
    for (const k of Object.keys(sum)) sum[k] += r[k];
  }
  console.log(`\nall: ${sum.calls} LLM calls for ${sum.lines} lines (${(sum.lines / sum.calls).toFixed(0)} lines per call; ratio to one call per batch ${(sum.calls / sum.batches).toFixed(3)}); ${sum.asked} items asked vs ${sum.truth} ground-truth templates (${(sum.asked / sum.truth).toFixed(2)}x) vs ${sum.lines} lines without templates (${(sum.asked / sum.lines).toFixed(3)}x)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
