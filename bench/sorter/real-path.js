#!/usr/bin/env node
// The sorter's decisions on the path a user takes: each loghub-2k system's RAW lines (timestamps, hosts, pids, levels
// and all) posted in batches of 100 to POST /classify of the BUILT service (dist/server.js, started as a user runs it;
// redaction is always on), whose LLM is an oracle: a fake OpenAI-compatible server that answers every prompted item
// with the answer of the item's TRUE template (found from the item id the service sends, through a table kept here).
// Prints per system and on average: grouping accuracy of the template ids as served and after a second pass (re-match),
// LLM calls, templates asked / true templates, fidelity (lines served the answer of their own true template), identity
// values that reached the LLM, lines/s; then severity of the rules (no LLM key) on raw lines and on Content only beside
// two baselines computed here; then the LLM calls and latency of up to 20 templates per call against one call per
// request; then the adversarial stream (bench/sorter/adversarial.js, 1,000,000 lines, in its own process).
// A shared machine makes lines/s move with its load: compare the ratios printed beside them.
//   --startup-ms N   how long each sorter may take to answer /healthz (default 180000: two cores shared by eight engineers)
//   --request-ms N   how long one POST /classify may take (default 300000)
//   --llm-timeout-ms N   the sorter's LLM_TIMEOUT_MS (default 300000: an LLM call that times out is answered by the rules,
//                    which would count against fidelity and calls for the machine's load, not the sorter's decisions)
//   --grouping-only  only the oracle path's table (grouping, calls, asked/true, fidelity, identities): no one-call
//                    comparison, no rules severity, no adversarial stream (a third of the time on a loaded machine)
// Progress (each system and phase, with its time) goes to stderr. Stopped by SIGINT or SIGTERM, it stops its sorters,
// prints the tables of the systems it finished, and exits 130 or 143 (128 + the signal's number).
'use strict';
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { spawnSorter, startOracleLlm, logLines, systems, defaultStartupMs, msFlag, onStop } = require('./support');
const { loadSystem, loadClassification } = require('../loghub/loghub');

const { groupingAccuracy, classificationScores, loghubLevelSeverity, keywordSeverity, mostFrequentLabel } =
  loadClassification();
const batch = 100;
const argv = process.argv.slice(2);
const startupMs = msFlag(argv, '--startup-ms', defaultStartupMs);
const requestMs = msFlag(argv, '--request-ms', 300_000);
const llmTimeoutMs = msFlag(argv, '--llm-timeout-ms', 300_000);
const groupingOnly = argv.includes('--grouping-only');
const progress = (text) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);
const severities = ['debug', 'info', 'warning', 'error', 'critical'];
const categories = ['security', 'availability', 'performance', 'error', 'configuration', 'audit', 'noise'];
const forwardTargets = ['alerting', 'storage', 'archive'];
// Answer time of the oracle: a model whose answer grows with the items it answers (output tokens dominate).
const oracleBaseMs = Number(process.env.BENCH_LLM_BASE_MS ?? 100);
const oraclePerItemMs = Number(process.env.BENCH_LLM_PER_ITEM_MS ?? 10);
const llmEnv = (baseUrl, perCall) => ({
  LLM_API_KEY: 'bench-oracle-key',
  LLM_BASE_URL: baseUrl,
  LLM_TIMEOUT_MS: String(llmTimeoutMs),
  // Budgets far above what 20 batches need, so only the cache decides how often the LLM is asked.
  LIMITER_REQUESTS_PER_MINUTE: '100000',
  LIMITER_TOKENS_PER_MINUTE: '1000000000',
  LIMITER_MAX_QUEUE: '1000',
  LLM_MAX_TEMPLATES_PER_CALL: String(perCall),
});

function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The oracle's answer for a true template: deterministic, different templates mostly differ, the reason names it. */
function oracleAnswer(system, eventId) {
  const h = hash(`${system}/${eventId}`);
  return {
    severity: severities[h % severities.length],
    category: categories[(h >>> 8) % categories.length],
    forward_to: forwardTargets[(h >>> 16) % forwardTargets.length],
    confidence: 0.9,
    reason: `oracle ${system}/${eventId}`,
  };
}

// Identity values of the kinds issue 9 names, as they would appear unredacted in what the LLM is sent. Root's uid 0
// is not one: it is the same on every system (packages/pii/README.md, label conventions).
const identityPatterns = {
  user: /(?:\bfor (?:invalid )?user |\b[Ii]nvalid user |\b(?:r?user|logname)=)(?!<)([A-Za-z_][\w.$-]*)/g,
  uid: /\buid=(?!<)(?!0\b)(\d+)/g,
  home: /(?:\/home\/|\/Users\/)(?!<)([^/\s<>"']+)/g,
  ipHost: /(?<![\w.-])(?=[\w.-]*[a-zA-Z])[\w-]*?\d{1,3}[-.]\d{1,3}[-.]\d{1,3}[-.]\d{1,3}[\w.-]*/g,
  urlEmail: /[\w.+-]+%40[\w.-]+/g,
};

function countIdentities(calls, counts) {
  for (const call of calls) {
    for (const item of call.items) {
      const text = `${item.id} ${item.text} ${item.attributes ?? ''}`;
      for (const [kind, pattern] of Object.entries(identityPatterns)) counts[kind] += text.match(pattern)?.length ?? 0;
    }
  }
}

async function post(url, items) {
  const started = performance.now();
  const res = await fetch(`${url}/classify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items }),
    signal: AbortSignal.timeout(requestMs),
  });
  if (res.status !== 200) throw new Error(`/classify answered ${res.status}: ${await res.text()}`);
  const body = await res.json();
  return { body, ms: performance.now() - started };
}

/** Posts every line once, in batches; returns each line's result and each request's latency. */
async function postAll(url, bodies) {
  const results = [];
  const latencies = [];
  for (let i = 0; i < bodies.length; i += batch) {
    const items = bodies.slice(i, i + batch).map((body, k) => ({ id: `L${i + k}`, type: 'log', body }));
    const { body, ms } = await post(url, items);
    results.push(...body.results);
    latencies.push(ms);
  }
  return { results, latencies };
}

/** Oracle path for one system: first pass (as served), second pass (re-match), calls, fidelity, identities. */
async function oraclePath(system, lines, truth, perCall, secondPass) {
  const byId = new Map(truth.map((eventId, i) => [`L${i}`, eventId]));
  let unmapped = 0;
  const oracle = await startOracleLlm({
    baseMs: oracleBaseMs,
    perItemMs: oraclePerItemMs,
    answerFor: (item) => {
      const eventId = byId.get(item.id);
      if (eventId === undefined) unmapped++;
      return oracleAnswer(system, eventId ?? 'unmapped');
    },
  });
  const sorter = await spawnSorter(llmEnv(oracle.baseUrl, perCall), undefined, undefined, { startupMs });
  try {
    const started = performance.now();
    const first = await postAll(sorter.url, lines);
    const seconds = (performance.now() - started) / 1000;
    const firstCalls = oracle.calls.length;
    const asked = oracle.calls.reduce((n, c) => n + c.items.length, 0);
    const second = secondPass ? await postAll(sorter.url, lines) : undefined;
    const identities = Object.fromEntries(Object.keys(identityPatterns).map((k) => [k, 0]));
    countIdentities(oracle.calls, identities);
    const served = first.results.map((r) => r.template.id);
    const fidelity =
      first.results.filter((r, i) => r.reason === oracleAnswer(system, truth[i]).reason).length / lines.length;
    const decided = { llm: 0, cache: 0, rules: 0 };
    for (const r of first.results) decided[r.decided_by]++;
    return {
      gaServed: groupingAccuracy(served, truth),
      gaRematched: second
        ? groupingAccuracy(
            second.results.map((r) => r.template.id),
            truth,
          )
        : undefined,
      calls: firstCalls,
      asked,
      fidelity,
      identities,
      unmapped,
      decided,
      linesPerSecond: lines.length / seconds,
      latencies: first.latencies,
    };
  } finally {
    await sorter.stop();
    await oracle.stop();
  }
}

/** Severity of the rules alone (no LLM key) for raw lines and for the Content column, each through its own service. */
async function rulesSeverity(lines) {
  const sorter = await spawnSorter({}, undefined, undefined, { startupMs });
  try {
    return (await postAll(sorter.url, lines)).results.map((r) => r.severity);
  } finally {
    await sorter.stop();
  }
}

/** The two trivial baselines of packages/classification/src/evaluation, on the same lines. */
function baselines(texts, truth) {
  const majority = mostFrequentLabel(truth);
  return {
    majority: classificationScores(
      truth.map(() => majority),
      truth,
    ),
    keyword: classificationScores(texts.map(keywordSeverity), truth),
  };
}

const f3 = (v) => (v === undefined ? '-' : v.toFixed(3));
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

// Each finished system's figures, kept here so that a stopped run still prints them. A system joins them only at the
// end of its loop (all its phases run): a stop during its one-call or rules phase leaves it out, not half counted.
const rows = [];
const severityRows = [];
const perCallRows = [];

async function main() {
  // BENCH_SYSTEMS=OpenSSH,Linux runs a subset.
  const only = process.env.BENCH_SYSTEMS?.split(',');
  const chosen = systems().filter((s) => only === undefined || only.includes(s));
  onStop((signal) => {
    console.log(
      `\nStopped by ${signal} after ${rows.length} of ${chosen.length} systems: the figures of those finished.`,
    );
    report(false);
  });
  for (const system of chosen) {
    const records = loadSystem(system);
    const lines = logLines(system);
    if (lines.length !== records.length)
      throw new Error(`${system}: ${lines.length} raw lines but ${records.length} structured records`);
    const truth = records.map((r) => r.EventId);
    const trueTemplates = new Set(truth).size;
    let started = Date.now();
    const twenty = await oraclePath(system, lines, truth, 20, true);
    progress(`${system}: up to 20 templates a call, two passes, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const row = { system, trueTemplates, ...twenty };
    if (groupingOnly) {
      rows.push(row);
      continue;
    }
    started = Date.now();
    const oneCall = await oraclePath(system, lines, truth, 100000, false);
    progress(`${system}: one call a request, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const perCall = { system, twenty, oneCall };

    let severity;
    const levels = records.map((r) => loghubLevelSeverity(system, r));
    if (levels[0] !== undefined) {
      // Each phase's own time: the rules' runs, not the one-call pass before them.
      started = Date.now();
      const contents = records.map((r) => r.Content);
      const raw = classificationScores(await rulesSeverity(lines), levels);
      const content = classificationScores(await rulesSeverity(contents), levels);
      progress(`${system}: rules severity, raw lines and Content, ${((Date.now() - started) / 1000).toFixed(1)} s`);
      severity = {
        system,
        classes: new Set(levels).size,
        raw,
        content,
        rawBase: baselines(lines, levels),
        contentBase: baselines(contents, levels),
      };
    }
    rows.push(row);
    perCallRows.push(perCall);
    if (severity !== undefined) severityRows.push(severity);
  }
  report(true);
}

/** Prints the tables of the systems finished; `whole`: the run ended, so the adversarial stream runs after them. */
function report(whole) {
  if (rows.length === 0) {
    console.log('No system finished.');
    return;
  }

  console.log(
    `\nReal path: loghub-2k raw lines -> POST /classify (built service, redaction on), batches of ${batch}, oracle LLM, up to 20 templates per call\n`,
  );
  console.log(
    '| system | GA served | GA re-matched | LLM calls | templates asked / true | fidelity | lines/s | decided llm/cache/rules | identities to LLM |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---|---:|');
  for (const r of rows) {
    const ids = Object.values(r.identities).reduce((a, b) => a + b, 0);
    console.log(
      `| ${r.system} | ${f3(r.gaServed)} | ${f3(r.gaRematched)} | ${r.calls} | ${r.asked}/${r.trueTemplates} = ${(r.asked / r.trueTemplates).toFixed(2)} | ${f3(r.fidelity)} | ${Math.round(r.linesPerSecond)} | ${r.decided.llm}/${r.decided.cache}/${r.decided.rules} | ${ids} |`,
    );
  }
  const asked = rows.reduce((n, r) => n + r.asked, 0);
  const trueTemplates = rows.reduce((n, r) => n + r.trueTemplates, 0);
  const identities = Object.fromEntries(
    Object.keys(identityPatterns).map((k) => [k, rows.reduce((n, r) => n + r.identities[k], 0)]),
  );
  const unmapped = rows.reduce((n, r) => n + r.unmapped, 0);
  console.log(
    `| **average** | **${f3(mean(rows.map((r) => r.gaServed)))}** | **${f3(mean(rows.map((r) => r.gaRematched)))}** | ${rows.reduce((n, r) => n + r.calls, 0)} | ${asked}/${trueTemplates} = **${(asked / trueTemplates).toFixed(2)}** | **${f3(mean(rows.map((r) => r.fidelity)))}** | ${Math.round(mean(rows.map((r) => r.linesPerSecond)))} | | ${Object.values(identities).reduce((a, b) => a + b, 0)} |`,
  );
  console.log(
    `\nlowest GA served: ${rows.reduce((a, r) => (r.gaServed < a.gaServed ? r : a)).system} ${f3(Math.min(...rows.map((r) => r.gaServed)))};` +
      ` largest served/re-matched gap ${f3(Math.max(...rows.map((r) => Math.abs(r.gaServed - r.gaRematched))))};` +
      ` highest asked/true ${Math.max(...rows.map((r) => r.asked / r.trueTemplates)).toFixed(2)};` +
      ` identity values in LLM prompts by kind ${JSON.stringify(identities)}; prompt items the oracle could not map to a line: ${unmapped}`,
  );

  if (groupingOnly) return;
  if (severityRows.length > 0) reportSeverity();
  if (perCallRows.length > 0) reportPerCall();
  if (whole) reportAdversarial();
}

function reportSeverity() {
  console.log(
    '\nSeverity of the rules (no LLM key) against the Level column: macro-F1 (accuracy), beside the baselines on the same lines\n',
  );
  console.log(
    '| system | classes | raw lines | raw: most frequent | raw: keyword | Content only | Content: most frequent | Content: keyword |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  const cell = (s) => `${f3(s.macroF1)} (${f3(s.accuracy)})`;
  for (const r of severityRows) {
    console.log(
      `| ${r.system} | ${r.classes} | ${cell(r.raw)} | ${cell(r.rawBase.majority)} | ${cell(r.rawBase.keyword)} | ${cell(r.content)} | ${cell(r.contentBase.majority)} | ${cell(r.contentBase.keyword)} |`,
    );
  }
  const avg = (f) => f3(mean(severityRows.map(f)));
  console.log(
    `| **average** | | **${avg((r) => r.raw.macroF1)}** | ${avg((r) => r.rawBase.majority.macroF1)} | ${avg((r) => r.rawBase.keyword.macroF1)} | **${avg((r) => r.content.macroF1)}** | ${avg((r) => r.contentBase.majority.macroF1)} | ${avg((r) => r.contentBase.keyword.macroF1)} |`,
  );
  const beaten = severityRows.filter(
    (r) => r.classes > 1 && r.content.macroF1 > Math.max(r.contentBase.majority.macroF1, r.contentBase.keyword.macroF1),
  );
  console.log(
    `Content only beats both baselines on ${beaten.length} of ${severityRows.filter((r) => r.classes > 1).length} systems with more than one class`,
  );
}

function reportPerCall() {
  console.log(
    `\nTemplates per LLM call (oracle answer time ${oracleBaseMs} ms + ${oraclePerItemMs} ms per item; first pass of every system)\n`,
  );
  console.log('| choice | LLM calls | templates asked | request latency p50 / p99 / max (ms) | lines/s |');
  console.log('|---|---:|---:|---|---:|');
  for (const [name, pick] of [
    ['up to 20 per call, concurrent (default)', (r) => r.twenty],
    ['all unseen of a request in one call', (r) => r.oneCall],
  ]) {
    const latencies = perCallRows.flatMap((r) => pick(r).latencies);
    console.log(
      `| ${name} | ${perCallRows.reduce((n, r) => n + pick(r).calls, 0)} | ${perCallRows.reduce((n, r) => n + pick(r).asked, 0)} |` +
        ` ${Math.round(percentile(latencies, 50))} / ${Math.round(percentile(latencies, 99))} / ${Math.round(Math.max(...latencies))} | ${Math.round(mean(perCallRows.map((r) => pick(r).linesPerSecond)))} |`,
    );
  }
}

function reportAdversarial() {
  progress('the adversarial stream');
  const adversarial = JSON.parse(
    execFileSync(process.execPath, [path.join(__dirname, 'adversarial.js')], { encoding: 'utf8', env: process.env }),
  );
  console.log(
    `\nAdversarial stream (${adversarial.lines.toLocaleString('en-US')} lines, header parser + miner, own process): ${adversarial.linesPerSecond.toLocaleString('en-US')} lines/s` +
      ` (per 100k lines: ${adversarial.per100k.map((n) => n.toLocaleString('en-US')).join(', ')}), peak RSS ${adversarial.peakRssMb} MB, ${adversarial.clusters} templates held;` +
      ` reference whitespace split ${adversarial.splitLinesPerSecond.toLocaleString('en-US')} lines/s, ratio ${adversarial.ratio.toFixed(1)} (path time / split time)`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
