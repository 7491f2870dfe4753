#!/usr/bin/env node
// What of the labeled corpus leaks on the paths a user's data takes, beside what the scanner misses in process:
//   sorter: every line POSTed to /classify of the BUILT ai-sorter (dist/server.js, LOG_LEVEL=debug) in batches of 100,
//     JSON lines as structured bodies, with client ids and stream attributes; its LLM is a recording fake
//     OpenAI-compatible server on loopback (bench/sorter/support.js). Bytes searched: every LLM request body, every
//     /classify response (headers and body), the sorter's stdout and stderr, /metrics at the end.
//   collector: the same lines pushed as Loki push JSON (100 lines a push) to the collector binary running the quickstart
//     config (examples/quickstart/collector.yaml: redact, then classify against its own sorter and fake LLM, then
//     NDJSON file sinks), --log-level debug. Bytes searched: every sink file, the collector's stdout and stderr, its
//     /metrics, and its sorter's LLM request bodies, logs and /metrics.
// Every labeled value is looked for verbatim and JSON-escaped. Per part it prints: labeled values, what the scanner
// misses in process (the corpus scorer's untyped leaks, and values still verbatim in their own redacted line), and per
// path the values found, split into scanner misses, values another line's redacted text also holds (no evidence either
// way), and the path's OWN leaks: values the scanner removes from their line that still got out (a bug on the path).
// Leaked examples are printed masked (type, first 3 characters, length). A fresh sorter/collector pair per part.
//   node bench/pii/leaks.js [part.jsonl ...]      (default: every bench/pii/corpus*.jsonl)
//   --where   also print, for each own leak, which outputs hold it and the 60 characters around it with the value masked
// Needs a build: pnpm build (or turbo --filter @obs/ai-sorter... --filter @obs/collector...).
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createRedactor, createPiiScanner } = require('@obs/pii');
const { parseCorpus, scoreCorpus } = require('@obs/pii/testing');
const { freePort, spawnSorter, startOracleLlm } = require('../sorter/support');
const { masked, judgeSpans, tallyPaths, searchForms } = require('./support');

const root = path.join(__dirname, '..', '..');
const collectorBin = path.join(root, 'packages', 'collector', 'bin', 'collector.js');
const quickstartConfig = path.join(root, 'examples', 'quickstart', 'collector.yaml');
const batch = 100;
const showWhere = process.argv.includes('--where');
const partArgs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const parts =
  partArgs.length > 0
    ? partArgs.map((p) => (fs.existsSync(p) ? p : path.join(__dirname, p)))
    : fs
        .readdirSync(__dirname)
        .filter((f) => /^corpus.*\.jsonl$/.test(f))
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
        .map((f) => path.join(__dirname, f));

// The fake LLM's answer: a keyword verdict, so the collector's routes send lines to every sink.
function answerFor(item) {
  const t = item.text.toLowerCase();
  const severity = /fatal|panic|critical/.test(t)
    ? 'critical'
    : /error|fail|denied/.test(t)
      ? 'error'
      : /warn/.test(t)
        ? 'warning'
        : 'info';
  const forward_to =
    severity === 'critical' || severity === 'error' ? 'alerting' : severity === 'warning' ? 'storage' : 'archive';
  return { severity, category: 'noise', forward_to, confidence: 0.9, reason: 'recorded fake' };
}

async function fetchText(url, init) {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
  return { status: res.status, headers: JSON.stringify([...res.headers]), text: await res.text() };
}

/** A JSON object line goes as a structured body, as a client that parsed it sends it; anything else as a string. */
function bodyOf(text) {
  if (!text.startsWith('{')) return text;
  try {
    const value = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : text;
  } catch {
    return text;
  }
}

/** The sorter path: every line through POST /classify; returns the bytes each way out held. */
async function sorterPath(name, lines) {
  const llm = await startOracleLlm({ answerFor });
  const logs = [];
  const sorter = await spawnSorter(
    {
      LLM_API_KEY: 'bench-leaks-key',
      LLM_BASE_URL: llm.baseUrl,
      LOG_LEVEL: 'debug',
      LIMITER_REQUESTS_PER_MINUTE: '100000',
      LIMITER_TOKENS_PER_MINUTE: '1000000000',
    },
    logs,
  );
  const responses = [];
  try {
    for (let i = 0; i < lines.length; i += batch) {
      const items = lines.slice(i, i + batch).map((line, k) => ({
        id: `${name}-${i + k + 1}`,
        type: 'log',
        body: bodyOf(line.text),
        attributes: { 'service.name': name, 'host.name': 'bench-host-1', 'log.file.path': `/var/log/${name}.log` },
      }));
      const res = await fetchText(`${sorter.url}/classify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': `${name}-batch-${i / batch}` },
        body: JSON.stringify({ items }),
      });
      if (res.status !== 200) throw new Error(`${name}: /classify answered ${res.status}: ${res.text.slice(0, 300)}`);
      responses.push(res.headers, res.text);
    }
    const metrics = (await fetchText(`${sorter.url}/metrics`)).text;
    return {
      'LLM requests': llm.calls.map((c) => c.rawBody).join('\n'),
      responses: responses.join('\n'),
      'sorter logs': logs.join(''),
      'sorter metrics': metrics,
      llmCalls: llm.calls.length,
    };
  } finally {
    await sorter.stop();
    await llm.stop();
  }
}

async function waitFor(what, check, ms = 120_000) {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function lineCount(file) {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0;
}

/** The collector path: every line through the quickstart config, Loki push in, NDJSON files out. */
async function collectorPath(name, lines) {
  const llm = await startOracleLlm({ answerFor });
  const sorterLogs = [];
  const sorter = await spawnSorter(
    {
      LLM_API_KEY: 'bench-leaks-key',
      LLM_BASE_URL: llm.baseUrl,
      LOG_LEVEL: 'debug',
      LIMITER_REQUESTS_PER_MINUTE: '100000',
      LIMITER_TOKENS_PER_MINUTE: '1000000000',
    },
    sorterLogs,
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pii-leaks-'));
  const ports = {
    COLLECTOR_HTTP_PORT: await freePort(),
    LOKI_PUSH_PORT: await freePort(),
    OTLP_HTTP_PORT: await freePort(),
    OTLP_GRPC_PORT: await freePort(),
  };
  const logs = [];
  const child = spawn(process.execPath, [collectorBin, 'run', '-c', quickstartConfig, '--log-level', 'debug'], {
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      SORTER_URL: sorter.url,
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const out of [child.stdout, child.stderr]) out.on('data', (chunk) => logs.push(String(chunk)));
  let exited = false;
  child.once('exit', () => (exited = true));
  const collectorUrl = `http://127.0.0.1:${ports.COLLECTOR_HTTP_PORT}`;
  const out = path.join(dataDir, 'out');
  try {
    await waitFor('the collector to answer /readyz', async () => {
      if (exited) throw new Error(`the collector exited: ${logs.join('').slice(-2000)}`);
      return fetch(`${collectorUrl}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
    });
    const start = BigInt(Date.now()) * 1_000_000n;
    for (let i = 0; i < lines.length; i += batch) {
      const values = lines.slice(i, i + batch).map((line, k) => [String(start + BigInt(i + k)), line.text]);
      const res = await fetchText(`http://127.0.0.1:${ports.LOKI_PUSH_PORT}/loki/api/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          streams: [{ stream: { job: name, host: 'bench-host-1', filename: `/var/log/${name}.log` }, values }],
        }),
      });
      if (res.status !== 204 && res.status !== 200)
        throw new Error(`${name}: Loki push answered ${res.status}: ${res.text.slice(0, 300)}`);
    }
    // Storage and archive together take every line once (alerting lines go to storage as well).
    await waitFor(
      `${lines.length} lines in the sink files`,
      () => lineCount(path.join(out, 'storage.ndjson')) + lineCount(path.join(out, 'archive.ndjson')) >= lines.length,
    );
    const metrics = (await fetchText(`${collectorUrl}/metrics`)).text;
    const sorterMetrics = (await fetchText(`${sorter.url}/metrics`)).text;
    const stopped = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await stopped;
    const sinks = fs
      .readdirSync(out)
      .map((f) => fs.readFileSync(path.join(out, f), 'utf8'))
      .join('\n');
    return {
      sinks,
      'collector logs': logs.join(''),
      'collector metrics': metrics,
      "its sorter's LLM requests": llm.calls.map((c) => c.rawBody).join('\n'),
      "its sorter's logs and metrics": sorterLogs.join('') + sorterMetrics,
      llmCalls: llm.calls.length,
    };
  } finally {
    if (!exited) child.kill('SIGTERM');
    await sorter.stop();
    await llm.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The 60 characters around the first places a value stands in an output, with every labeled value of the part masked. */
function contexts(output, value, labeledValues) {
  const found = [];
  const mask = (text) => labeledValues.reduce((t, v) => t.split(v).join('*'.repeat(v.length)), text);
  for (const form of searchForms(value)) {
    for (let at = output.indexOf(form); at >= 0 && found.length < 3; at = output.indexOf(form, at + 1))
      found.push(
        mask(
          `${output.slice(Math.max(0, at - 60), at)}[${form}]${output.slice(at + form.length, at + form.length + 60)}`,
        ).replace(/\n/g, '\\n'),
      );
  }
  return found;
}

function examples(spans) {
  const byType = new Map();
  for (const s of spans) byType.set(s.type, [...(byType.get(s.type) ?? []), s]);
  return [...byType]
    .map(([type, list]) => `${type} ${list.length}: ${list.slice(0, 3).map(masked).join(', ')}`)
    .join('; ');
}

async function main() {
  const redactor = createRedactor();
  const scanner = createPiiScanner();
  const totals = [];
  console.log(
    '| part | lines | labeled | scanner misses (scorer) | still verbatim in own line | path | leaked | of which scanner misses | other line holds it | OWN (path bug) |',
  );
  console.log('|---|---:|---:|---:|---:|---|---:|---:|---:|---:|');
  const own = [];
  for (const file of parts) {
    const name = path.basename(file, '.jsonl');
    const lines = parseCorpus(fs.readFileSync(file, 'utf8'), file);
    const score = scoreCorpus(lines, scanner).untyped;
    const redacted = lines.map((l) => redactor.redact(l.text).text);
    const sorterOut = await sorterPath(name, lines);
    const collectorOut = await collectorPath(name, lines);
    const outputs = {};
    for (const [pathName, out] of [
      ['sorter', sorterOut],
      ['collector', collectorOut],
    ])
      for (const [k, v] of Object.entries(out)) if (typeof v === 'string') outputs[`${pathName}: ${k}`] = v;
    const judged = judgeSpans(lines, redacted, {
      sorter: Object.keys(outputs)
        .filter((k) => k.startsWith('sorter: '))
        .map((k) => outputs[k])
        .join('\n\u0000\n'),
      collector: Object.keys(outputs)
        .filter((k) => k.startsWith('collector: '))
        .map((k) => outputs[k])
        .join('\n\u0000\n'),
    });
    const tally = tallyPaths(judged, ['sorter', 'collector']);
    const verbatim = judged.filter((s) => s.missed).length;
    for (const [pathName, t] of Object.entries(tally)) {
      console.log(
        `| ${name} | ${lines.length} | ${judged.length} | ${score.labeled - score.covered} | ${verbatim} | ${pathName} | ${t.leaked} | ${t.missed} | ${t.background} | ${t.own.length} |`,
      );
      own.push(...t.own.map((s) => ({ ...s, part: name, path: pathName })));
    }
    totals.push({
      lines: lines.length,
      labeled: judged.length,
      misses: score.labeled - score.covered,
      verbatim,
      tally,
      llm: [sorterOut.llmCalls, collectorOut.llmCalls],
    });
    if (showWhere) {
      const labeledValues = [...new Set(judged.map((s) => s.value))].sort((a, b) => b.length - a.length);
      for (const s of own.filter((o) => o.part === name)) {
        console.log(`  own leak ${s.path} ${name}:${s.line + 1} ${masked(s)}`);
        for (const [k, v] of Object.entries(outputs))
          if (k.startsWith(`${s.path}: `))
            for (const c of contexts(v, s.value, labeledValues)) console.log(`    ${k}: ${c}`);
      }
    }
  }
  const sum = (f) => totals.reduce((n, t) => n + f(t), 0);
  for (const p of ['sorter', 'collector'])
    console.log(
      `| **all ${totals.length} parts** | ${sum((t) => t.lines)} | ${sum((t) => t.labeled)} | ${sum((t) => t.misses)} | ${sum((t) => t.verbatim)} | ${p} | ${sum((t) => t.tally[p].leaked)} | ${sum((t) => t.tally[p].missed)} | ${sum((t) => t.tally[p].background)} | **${sum((t) => t.tally[p].own.length)}** |`,
    );
  console.log(
    `\nLLM calls: sorter path ${sum((t) => t.llm[0])}, collector path ${sum((t) => t.llm[1])} (fake LLM on loopback, every request body recorded)`,
  );
  for (const p of ['sorter', 'collector']) {
    const mine = own.filter((s) => s.path === p);
    console.log(`own leaks on the ${p} path (masked): ${mine.length === 0 ? 'none' : examples(mine)}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
