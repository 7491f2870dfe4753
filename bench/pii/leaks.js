#!/usr/bin/env node
// What of the labeled corpus leaks on the paths a user's data takes, beside what the scanner misses in process:
//   sorter: every line POSTed to /classify of the BUILT ai-sorter (dist/server.js, LOG_LEVEL=debug) in batches of 100,
//     JSON lines as structured bodies, with client ids and stream attributes; its LLM is a recording fake
//     OpenAI-compatible server on loopback (bench/sorter/support.js). Bytes searched: every LLM request body, every
//     /classify response (headers and body), the sorter's stdout and stderr, /metrics at the end.
//   sorter, /sort: the same lines POSTed to /sort, the seed contract whose answer echoes every item (a JSON line as an
//     object content, any other as a string content, each with a timestamp); the same bytes searched.
//   collector, Loki push / collector, OTLP/HTTP: the same lines pushed as Loki push JSON, or as OTLP/HTTP JSON log
//     records (a JSON line's message field the body, its other fields attributes), 100 lines a push, to the collector
//     binary running the quickstart config (examples/quickstart/collector.yaml: redact, then classify against its own
//     sorter and fake LLM, then NDJSON file sinks), --log-level debug. Bytes searched: every sink file, the collector's
//     stdout and stderr, its /metrics, and its sorter's LLM request bodies, logs and /metrics.
// Every labeled value is looked for verbatim and JSON-escaped. Per part it prints: labeled values, what the scanner
// misses in process (the corpus scorer's untyped leaks, and values still verbatim in their own redacted line), and per
// path the values found, split into scanner misses, values another line's redacted text also holds (no evidence either
// way), and the path's OWN leaks: values the scanner removes from their line that still got out (a bug on the path).
// Leaked examples are printed masked (type and length; a value of 12 characters or more also its first 3). Fresh processes per part and path.
//   node bench/pii/leaks.js [part.jsonl ...]      (default: every bench/pii/corpus*.jsonl)
//   --where   also print, for each own leak, which outputs hold it and the 60 characters around it, every labeled value masked
//   --startup-ms N   how long the sorter may take to answer /healthz and the collector /readyz (default 180000: a
//                    2-core machine shared by eight engineers); a start-up that fails says why, with the child's stderr
//   --request-ms N   how long one push or request, and the collector's sinks, may take (default 300000)
//   --classify-ms N  the collector paths run a copy of the quickstart config whose classify stage gives its sorter N ms a
//                    request (`timeout_ms`; the quickstart's 2000 falls back to rules on a loaded machine, so its
//                    sorter's LLM is hardly asked); the user's quickstart file is never changed
//   --serial         run a part's four paths one after another (default: at once, each with its own processes)
//   --results FILE   append each finished part's counts to FILE (one JSON line a part, own leaks masked, stamped with
//                    the build: HEAD's commit, `+changes` if packages/ or bench/ differ from it) as it goes, and skip the
//                    parts FILE already holds for this build, counting them (and printing their rows): a run stopped on
//                    a loaded machine resumes where it was, and parts run in groups add up. Lines of another build
//                    (or unstamped ones, written before stamps) are left out and named on stderr: never mixed.
//   --report         with --results: run nothing, print FILE's rows and totals (of one build: --build REF picks it if
//                    FILE holds several; `--build none` reads the unstamped lines of runs before stamps)
// Progress (each part and path, with its time) goes to stderr.
// Needs a build: pnpm build (or turbo --filter @obs/ai-sorter... --filter @obs/collector...).
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createRedactor, createPiiScanner } = require('@obs/pii');
const { parseCorpus, scoreCorpus } = require('@obs/pii/testing');
const { freePort, spawnSorter, startOracleLlm, defaultStartupMs, msFlag, ownChild } = require('../sorter/support');
const {
  corpusFiles,
  jsonObject,
  masked,
  judgeSpans,
  tallyPaths,
  searchForms,
  placesOf,
  besideIn,
  metricNamesAndLabels,
} = require('./support');

const root = path.join(__dirname, '..', '..');
const collectorBin = path.join(root, 'packages', 'collector', 'bin', 'collector.js');
const quickstartConfig = path.join(root, 'examples', 'quickstart', 'collector.yaml');
const batch = 100;
const argv = process.argv.slice(2);
const showWhere = argv.includes('--where');
const startupMs = msFlag(argv, '--startup-ms', defaultStartupMs);
const requestMs = msFlag(argv, '--request-ms', 300_000);
const serial = argv.includes('--serial');
const resultsFile = argv.includes('--results') ? argv[argv.indexOf('--results') + 1] : undefined;
const reportOnly = argv.includes('--report');
const wantedBuild = argv.includes('--build') ? argv[argv.indexOf('--build') + 1] : undefined;
const classifyMs = argv.includes('--classify-ms') ? msFlag(argv, '--classify-ms', 2000) : undefined;
const valued = new Set(['--startup-ms', '--request-ms', '--results', '--build', '--classify-ms']);
const partArgs = argv.filter((a, i) => !a.startsWith('--') && !valued.has(argv[i - 1]));
const parts =
  partArgs.length > 0 ? partArgs.map((p) => (fs.existsSync(p) ? p : path.join(__dirname, p))) : corpusFiles();

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
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(requestMs) });
  return { status: res.status, headers: JSON.stringify([...res.headers]), text: await res.text() };
}

/** A JSON object line goes as a structured body, as a client that parsed it sends it; anything else as a string. */
const bodyOf = (text) => jsonObject(text) ?? text;

/** The built sorter at debug level with its output kept, asking a recording fake LLM (budgets far above the bench's). */
async function recordedSorter() {
  const llm = await startOracleLlm({ answerFor });
  const logs = [];
  // A sorter that fails to start leaves no fake LLM listening: its server would keep the bench alive after the last part.
  const sorter = await spawnSorter(
    {
      LLM_API_KEY: 'bench-leaks-key',
      LLM_BASE_URL: llm.baseUrl,
      LOG_LEVEL: 'debug',
      LIMITER_REQUESTS_PER_MINUTE: '100000',
      LIMITER_TOKENS_PER_MINUTE: '1000000000',
    },
    logs,
    undefined,
    { startupMs },
  ).catch(async (err) => {
    await llm.stop();
    throw err;
  });
  return { llm, sorter, logs };
}

/** How a part's line `n` goes to each sorter route: /classify with a client id and stream attributes, /sort as the
 * seed contract's content (an object only when it has a field: the contract refuses an empty one). */
const sorterItems = {
  '/classify': (name, text, n) => ({
    id: `${name}-${n}`,
    type: 'log',
    body: bodyOf(text),
    attributes: { 'service.name': name, 'host.name': 'bench-host-1', 'log.file.path': `/var/log/${name}.log` },
  }),
  '/sort': (_name, text, n) => {
    const body = bodyOf(text);
    const content = typeof body === 'string' || Object.keys(body).length === 0 ? text : body;
    return { type: 'log', content, timestamp: new Date(Date.UTC(2026, 11, 7, 0, 0, n)).toISOString() };
  },
};

/** A sorter path: every line through POST `route`; returns the bytes each way out held. */
const sorterPath = (route) => async (name, lines) => {
  const { llm, sorter, logs } = await recordedSorter();
  const responses = [];
  try {
    for (let i = 0; i < lines.length; i += batch) {
      const items = lines.slice(i, i + batch).map((line, k) => sorterItems[route](name, line.text, i + k + 1));
      const batchId = `${name}-batch-${i / batch}`;
      const res = await fetchText(`${sorter.url}${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': batchId },
        body: JSON.stringify(route === '/sort' ? { items, request_id: batchId } : { items }),
      });
      if (res.status !== 200) throw new Error(`${name}: ${route} answered ${res.status}: ${res.text.slice(0, 300)}`);
      responses.push(res.headers, res.text);
    }
    const metrics = metricNamesAndLabels((await fetchText(`${sorter.url}/metrics`)).text);
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
};

async function waitFor(what, check, ms) {
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

/** Loki push JSON, one stream per part, as Promtail or Alloy would push a file's lines. */
const lokiPush = {
  name: 'Loki push',
  request: (ports, name, texts, startNs) => [
    `http://127.0.0.1:${ports.LOKI_PUSH_PORT}/loki/api/v1/push`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        streams: [
          {
            stream: { job: name, host: 'bench-host-1', filename: `/var/log/${name}.log` },
            values: texts.map((text, k) => [String(startNs + BigInt(k)), text]),
          },
        ],
      }),
    },
  ],
};

function anyValue(v) {
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (typeof v === 'number') return Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v };
  return { stringValue: JSON.stringify(v) };
}

/** A line as an OTel SDK logs it: a JSON record's message field is the body and its other fields are attributes. */
function otlpRecord(text, timeUnixNano) {
  const record = bodyOf(text);
  if (typeof record === 'string') return { timeUnixNano, body: { stringValue: text } };
  const messageKey = ['message', 'msg', 'body', 'log', 'text'].find(
    (k) => typeof record[k] === 'string' && record[k] !== '',
  );
  return {
    timeUnixNano,
    body: { stringValue: messageKey === undefined ? text : record[messageKey] },
    attributes: Object.entries(record)
      .filter(([key]) => key !== messageKey)
      .map(([key, value]) => ({ key, value: anyValue(value) })),
  };
}

/** OTLP/HTTP JSON logs, one resource per part, as an OTel SDK exports them. */
const otlpHttp = {
  name: 'OTLP/HTTP',
  request: (ports, name, texts, startNs) => [
    `http://127.0.0.1:${ports.OTLP_HTTP_PORT}/v1/logs`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        resourceLogs: [
          {
            resource: {
              attributes: [
                { key: 'service.name', value: { stringValue: name } },
                { key: 'host.name', value: { stringValue: 'bench-host-1' } },
              ],
            },
            scopeLogs: [
              {
                scope: { name: 'bench' },
                logRecords: texts.map((text, k) => otlpRecord(text, String(startNs + BigInt(k)))),
              },
            ],
          },
        ],
      }),
    },
  ],
};

/** A copy of the quickstart config in `dir` whose classify stage waits `--classify-ms` for its sorter. */
function longerClassify(dir) {
  const text = fs.readFileSync(quickstartConfig, 'utf8');
  const stage = /^(\s*)url: \$\{SORTER_URL[^\n]*\n/m;
  if (!stage.test(text)) throw new Error(`${quickstartConfig}: no classify url line to add timeout_ms beside`);
  const copy = path.join(dir, 'collector.yaml');
  // Relative paths (its imports) are read from the quickstart's folder, as in the original.
  const absolute = text.replace(
    /^(\s*[\w-]+: )(\.\.?\/\S+)$/gm,
    (_, key, rel) => `${key}${path.resolve(path.dirname(quickstartConfig), rel)}`,
  );
  fs.writeFileSync(
    copy,
    absolute.replace(stage, (line, indent) => `${line}${indent}timeout_ms: ${classifyMs}\n`),
  );
  return copy;
}

/** A collector path: every line through the quickstart config, in by `via`, NDJSON files out. */
async function collectorPath(name, lines, via) {
  const { llm, sorter, logs: sorterLogs } = await recordedSorter();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pii-leaks-'));
  const ports = {
    COLLECTOR_HTTP_PORT: await freePort(),
    LOKI_PUSH_PORT: await freePort(),
    OTLP_HTTP_PORT: await freePort(),
    OTLP_GRPC_PORT: await freePort(),
  };
  const logs = [];
  const config = classifyMs === undefined ? quickstartConfig : longerClassify(dataDir);
  const child = spawn(process.execPath, [collectorBin, 'run', '-c', config, '--log-level', 'debug'], {
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      SORTER_URL: sorter.url,
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  ownChild(child);
  for (const out of [child.stdout, child.stderr]) out.on('data', (chunk) => logs.push(String(chunk)));
  let exited = false;
  child.once('exit', () => (exited = true));
  const collectorUrl = `http://127.0.0.1:${ports.COLLECTOR_HTTP_PORT}`;
  const out = path.join(dataDir, 'out');
  try {
    await waitFor(
      'the collector to answer /readyz',
      async () => {
        if (exited) throw new Error('the collector exited before /readyz answered');
        return fetch(`${collectorUrl}/readyz`, { signal: AbortSignal.timeout(5000) }).then(
          (r) => r.ok,
          () => false,
        );
      },
      startupMs,
    ).catch((err) => {
      throw new Error(`${err.message}; its output: ${logs.join('').slice(-2000) || '(empty)'}`);
    });
    const start = BigInt(Date.now()) * 1_000_000n;
    for (let i = 0; i < lines.length; i += batch) {
      const texts = lines.slice(i, i + batch).map((l) => l.text);
      const res = await fetchText(...via.request(ports, name, texts, start + BigInt(i)));
      if (res.status !== 204 && res.status !== 200)
        throw new Error(`${name}: ${via.name} answered ${res.status}: ${res.text.slice(0, 300)}`);
    }
    // Storage and archive together take every line once (alerting lines go to storage as well).
    await waitFor(
      `${lines.length} lines in the sink files`,
      () => lineCount(path.join(out, 'storage.ndjson')) + lineCount(path.join(out, 'archive.ndjson')) >= lines.length,
      requestMs,
    );
    const metrics = metricNamesAndLabels((await fetchText(`${collectorUrl}/metrics`)).text);
    const sorterMetrics = metricNamesAndLabels((await fetchText(`${sorter.url}/metrics`)).text);
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

/** The 60 characters around the first places a value counts as found in an output, every labeled value masked. */
function contexts(output, value, beside, labeledValues) {
  const mask = (text) =>
    labeledValues.reduce(
      (t, v) => searchForms(v).reduce((u, form) => u.split(form).join('*'.repeat(form.length)), t),
      text,
    );
  return placesOf(output, value, beside)
    .slice(0, 3)
    .map(({ at, form }) =>
      mask(
        `${output.slice(Math.max(0, at - 60), at)}[${form}]${output.slice(at + form.length, at + form.length + 60)}`,
      ).replace(/\n/g, '\\n'),
    );
}

/** Own leaks as `type n: masked, ...` (each leak is `{ type, masked }`: no value is kept unmasked past its part). */
function examples(leaks) {
  const byType = new Map();
  for (const s of leaks) byType.set(s.type, [...(byType.get(s.type) ?? []), s]);
  return [...byType]
    .map(
      ([type, list]) =>
        `${type} ${list.length}: ${list
          .slice(0, 3)
          .map((s) => s.masked)
          .join(', ')}`,
    )
    .join('; ');
}

/** The build results are counted for: HEAD's short commit, `+changes` when packages/ or bench/ differ from it. */
function currentBuild() {
  const git = (...args) =>
    require('node:child_process').execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' });
  const head = git('rev-parse', '--short=7', 'HEAD').trim();
  return git('status', '--porcelain', '--', 'packages', 'bench').trim() === '' ? head : `${head}+changes`;
}

/**
 * The parts a results file already holds for `build` (name -> its counts); a torn last line (a run killed mid-write)
 * is dropped. A line of another build (or with no stamp: `none`) is left out and counted in `others` (build -> lines):
 * parts counted at two builds never add up to one total.
 */
function readResults(file, build) {
  const others = new Map();
  if (file === undefined || !fs.existsSync(file)) return { done: new Map(), others };
  const text = fs.readFileSync(file, 'utf8');
  // The next part's line starts on a line of its own, after a torn one.
  if (!reportOnly && text !== '' && !text.endsWith('\n')) fs.appendFileSync(file, '\n');
  const done = new Map();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let r;
    try {
      r = JSON.parse(line);
    } catch {
      continue; // the last line of a run stopped while writing it: that part runs again
    }
    const of = r.build ?? 'none';
    if (of === build) done.set(r.part, r);
    else others.set(of, (others.get(of) ?? 0) + 1);
  }
  return { done, others };
}

/** A part's table rows, one per path (the same for a part run now and one read back from a results file). */
function printRows(r) {
  for (const [pathName, t] of Object.entries(r.tally))
    console.log(
      `| ${r.part} | ${r.lines} | ${r.labeled} | ${r.misses} | ${r.verbatim} | ${pathName} | ${t.leaked} | ${t.missed} | ${t.background} | ${t.own.length} |`,
    );
}

// Each path: its name in the table and how a part's lines go through it (a fresh set of processes per part and path).
const paths = [
  ['sorter', sorterPath('/classify')],
  ['sorter, /sort', sorterPath('/sort')],
  ['collector, Loki push', (name, lines) => collectorPath(name, lines, lokiPush)],
  ['collector, OTLP/HTTP', (name, lines) => collectorPath(name, lines, otlpHttp)],
];

async function main() {
  const redactor = createRedactor();
  const scanner = createPiiScanner();
  if (reportOnly && resultsFile === undefined) throw new Error('--report reads a --results FILE');
  let build = wantedBuild ?? (reportOnly ? undefined : currentBuild());
  if (build === undefined) {
    // --report without --build: the file's one build (several must be told apart).
    const { others } = readResults(resultsFile, '');
    if (others.size > 1)
      throw new Error(`${resultsFile} holds several builds (${[...others.keys()].join(', ')}): pick one with --build`);
    build = [...others.keys()][0] ?? 'none';
  } else if (!reportOnly && build !== currentBuild())
    throw new Error(`--build ${build} is not this build (${currentBuild()}): parts run now would be counted for it`);
  const { done, others } = readResults(resultsFile, build);
  for (const [of, n] of others)
    process.stderr.write(`${resultsFile}: ${n} lines of build ${of} left out (this count is of build ${build})\n`);
  const totals = [];
  console.log(
    '| part | lines | labeled | scanner misses (scorer) | still verbatim in own line | path | leaked | of which scanner misses | other line holds it | OWN (path bug) |',
  );
  console.log('|---|---:|---:|---:|---:|---|---:|---:|---:|---:|');
  const failed = [];
  for (const file of parts) {
    const name = path.basename(file, '.jsonl');
    if (done.has(name)) {
      totals.push(done.get(name));
      printRows(done.get(name));
      process.stderr.write(`${name}: already in ${resultsFile} for build ${build}, not run again\n`);
      continue;
    }
    if (reportOnly) continue;
    const lines = parseCorpus(fs.readFileSync(file, 'utf8'), file);
    const score = scoreCorpus(lines, scanner).untyped;
    const redacted = lines.map((l) => redactor.redact(l.text).text);
    const outputs = {};
    const llmCalls = {};
    // A path that fails (a start-up or a request past its limit on a loaded machine) is run once more, afresh; a
    // second failure leaves the part out of the totals and is listed at the end, so one part does not stop the run.
    const runPath = async ([pathName, run]) => {
      for (let attempt = 1; ; attempt++) {
        const started = Date.now();
        try {
          const out = await run(name, lines);
          process.stderr.write(
            `${name} (${lines.length} lines): ${pathName} ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
          );
          return [pathName, out];
        } catch (err) {
          process.stderr.write(`${name}: ${pathName} failed (attempt ${attempt}): ${err.message}\n`);
          if (attempt === 2) return [pathName, undefined, `${pathName}: ${err.message.slice(0, 300)}`];
        }
      }
    };
    // The four paths of a part run at once by default (each its own processes and ports): a part's time is mostly
    // start-ups and waits, and one after another the 70 parts take over an hour on a loaded machine.
    const results = [];
    if (serial) for (const p of paths) results.push(await runPath(p));
    else results.push(...(await Promise.all(paths.map(runPath))));
    const failure = results.find(([, , why]) => why !== undefined)?.[2];
    for (const [pathName, out] of results) {
      if (out === undefined) continue;
      llmCalls[pathName] = out.llmCalls;
      for (const [k, v] of Object.entries(out)) if (typeof v === 'string') outputs[`${pathName}: ${k}`] = v;
    }
    if (failure !== undefined) {
      failed.push(`${name}: ${failure}`);
      continue;
    }
    // The ids this bench gives items and batches (`NAME-226`, `NAME-batch-2`) are its own, not a line's: a CVV `226` is no
    // leak because item 226's id came back.
    const ownIds = new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(?:batch-)?\\d+`, 'g');
    const byPath = Object.fromEntries(
      paths.map(([pathName]) => [
        pathName,
        Object.keys(outputs)
          .filter((k) => k.startsWith(`${pathName}: `))
          .map((k) => outputs[k].replace(ownIds, `${name}-#`))
          .join('\n\u0000\n'),
      ]),
    );
    const judged = judgeSpans(lines, redacted, byPath);
    const tally = tallyPaths(judged, Object.keys(byPath));
    const verbatim = judged.filter((s) => s.missed).length;
    // What a part adds to the totals, own leaks masked: the same record goes to the results file.
    const result = {
      part: name,
      build,
      lines: lines.length,
      labeled: judged.length,
      misses: score.labeled - score.covered,
      verbatim,
      tally: Object.fromEntries(
        Object.entries(tally).map(([pathName, t]) => [
          pathName,
          { ...t, own: t.own.map((s) => ({ line: s.line + 1, type: s.type, masked: masked(s) })) },
        ]),
      ),
      llmCalls,
    };
    printRows(result);
    totals.push(result);
    if (resultsFile !== undefined) fs.appendFileSync(resultsFile, `${JSON.stringify(result)}\n`);
    if (showWhere) {
      const labeledValues = [...new Set(judged.map((s) => s.value))].sort((a, b) => b.length - a.length);
      const own = Object.entries(tally).flatMap(([pathName, t]) => t.own.map((s) => ({ ...s, path: pathName })));
      for (const s of own) {
        console.log(`  own leak ${s.path} ${name}:${s.line + 1} ${masked(s)}`);
        for (const [k, v] of Object.entries(outputs))
          if (k.startsWith(`${s.path}: `))
            for (const c of contexts(v, s.value, besideIn(lines[s.line].text, s.value), labeledValues))
              console.log(`    ${k}: ${c}`);
      }
    }
  }
  const sum = (f) => totals.reduce((n, t) => n + f(t), 0);
  for (const [p] of paths)
    console.log(
      `| **all ${totals.length} parts** | ${sum((t) => t.lines)} | ${sum((t) => t.labeled)} | ${sum((t) => t.misses)} | ${sum((t) => t.verbatim)} | ${p} | ${sum((t) => t.tally[p].leaked)} | ${sum((t) => t.tally[p].missed)} | ${sum((t) => t.tally[p].background)} | **${sum((t) => t.tally[p].own.length)}** |`,
    );
  console.log(
    `\nLLM calls (fake LLM on loopback, every request body recorded): ${paths.map(([p]) => `${p} ${sum((t) => t.llmCalls[p])}`).join(', ')}`,
  );
  for (const [p] of paths) {
    const mine = totals.flatMap((t) =>
      t.tally[p].own.map((s) => ({ ...s, masked: `${t.part}:${s.line} ${s.masked}` })),
    );
    console.log(`own leaks on the ${p} path (masked): ${mine.length === 0 ? 'none' : examples(mine)}`);
  }
  console.log(
    `build ${build}; parts counted: ${totals.length} of ${parts.length}${done.size === 0 ? '' : ` (${totals.filter((t) => done.has(t.part)).length} read from ${resultsFile})`}${failed.length === 0 ? '' : `; failed twice, left out: ${failed.join('; ')}`}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
