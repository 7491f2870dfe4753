// Shared by the sorter benches: spawn the built server on loopback, and an LLM stub that counts what it is asked.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { createRequire } = require('node:module');

const repoRoot = path.join(__dirname, '..', '..');
// Throws "Cannot find module" until the package is built: pnpm turbo run build --filter @obs/ai-sorter.
const serverJs = require.resolve('@obs/ai-sorter/server');
// autocannon is a devDependency of the ai-sorter package; resolve it from there.
const sorterRequire = createRequire(require.resolve('@obs/ai-sorter/package.json'));
const { parseCorpus } = sorterRequire('@obs/pii/testing');
const dataDir = process.env.LOGHUB_DIR ?? path.join(repoRoot, '..', 'shared', 'data', 'loghub-2k');

function freePort() {
  const server = http.createServer();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    }),
  );
}

// How long a sorter may take to answer /healthz: a built server starts in well under a second on a quiet machine, and
// in tens of seconds on two cores shared by eight engineers (load average 27-43 in round 8, where 10 s failed runs).
const defaultStartupMs = 180_000;

/** Starts dist/server.js with env on a free loopback port (LOG_LEVEL=warn: no access log); resolves once /healthz answers.
 * With `logs` (an array), the server's stdout and stderr are appended to it instead of shown; `server` is another
 * checkout's built server.js (a reference measured in the same run). `startupMs` bounds the wait for /healthz; a start-up
 * that fails (the child exited, or the wait ran out) rejects with why and the end of the child's stderr, and the child
 * is stopped. On a shared machine another program may take the free port before the server binds it: then it tries a
 * new one. */
async function spawnSorter(env, logs, server = serverJs, { startupMs = defaultStartupMs } = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await spawnSorterOnce(env, logs, server, startupMs);
    } catch (err) {
      if (attempt >= 3 || !err.portTaken) throw err;
    }
  }
}

// Children still running when the bench is stopped (Ctrl-C, kill): stopped with it, not left to the machine.
const children = new Set();
// What a bench writes when it is stopped: the results it has so far.
const stopHooks = [];
let stopHandlersSet = false;
/** On SIGINT or SIGTERM: stops the children, runs the stop hooks, and exits as the signal would (128 + its number:
 * 130 for SIGINT, 143 for SIGTERM), so a caller sees which signal ended the bench. */
function setStopHandlers() {
  if (stopHandlersSet) return;
  stopHandlersSet = true;
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.once(signal, () => {
      for (const c of children) c.kill('SIGKILL');
      for (const hook of stopHooks) {
        try {
          hook(signal);
        } catch (err) {
          process.stderr.write(`writing partial results failed: ${err.message}\n`);
        }
      }
      process.exit(128 + os.constants.signals[signal]);
    });
}
/** Tracks a child process of a bench so that SIGINT or SIGTERM to the bench stops it too. */
function ownChild(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  setStopHandlers();
}
/** Runs `hook(signal)` (synchronous) when SIGINT or SIGTERM stops the bench, after its children are stopped and before
 * it exits: the bench writes the results it has so far. */
function onStop(hook) {
  stopHooks.push(hook);
  setStopHandlers();
}

async function spawnSorterOnce(env, logs, server, startupMs) {
  const port = await freePort();
  const child = spawn(process.execPath, [server], {
    env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  ownChild(child);
  // The end of stderr is kept for a failed start-up's message whether or not the caller keeps the output.
  let stderrTail = '';
  child.stderr.on('data', (chunk) => (stderrTail = (stderrTail + String(chunk)).slice(-4000)));
  for (const [out, shown] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ])
    out.on('data', (chunk) => (logs === undefined ? shown.write(chunk) : logs.push(String(chunk))));
  let exit;
  child.once('exit', (code, signal) => (exit = signal ?? `code ${code}`));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const fail = async (why) => {
    if (exit === undefined) {
      const gone = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      await gone;
    }
    const err = new Error(
      `ai-sorter (${server}, port ${port}) ${why} after ${Date.now() - started} ms; its stderr: ${stderrTail.trim() || '(empty)'}`,
    );
    err.portTaken = /EADDRINUSE|already in use/i.test(stderrTail);
    return err;
  };
  for (;;) {
    if (exit !== undefined) throw await fail(`exited (${exit}) before it answered /healthz`);
    if (Date.now() - started > startupMs) throw await fail(`did not answer /healthz within ${startupMs} ms`);
    const up = await new Promise((resolve) =>
      http
        .get(`${url}/healthz`, { timeout: 5000 }, (res) => {
          res.resume();
          resolve(res.statusCode === 200);
        })
        .on('timeout', function () {
          this.destroy();
        })
        .on('error', () => resolve(false)),
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid,
    startupMs: Date.now() - started,
    stop: () =>
      new Promise((done) => {
        if (exit !== undefined) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}

/** `--name N` from argv as a number of milliseconds, or `fallback`. */
function msFlag(argv, name, fallback) {
  const at = argv.indexOf(name);
  if (at === -1) return fallback;
  const value = Number(argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} takes a number of milliseconds`);
  return value;
}

/** OpenAI chat-completions stub (not an LLM): answers every prompted item as info/noise and counts calls and items;
 * with `retryAfterSeconds` it answers every call 429 with that Retry-After instead. */
function startLlmStub(options = {}) {
  const stats = { calls: 0, items: 0 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (options.retryAfterSeconds !== undefined) {
        stats.calls += 1;
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(options.retryAfterSeconds) });
        res.end(JSON.stringify({ error: { message: 'rate limited', type: 'rate_limit' } }));
        return;
      }
      const user = JSON.parse(body).messages.find((m) => m.role === 'user');
      const items = JSON.parse(user.content).items;
      stats.calls += 1;
      stats.items += items.length;
      const results = items.map((i) => ({
        id: i.id,
        severity: 'info',
        category: 'noise',
        forward_to: 'archive',
        confidence: 0.8,
        reason: 'stub',
      }));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'stub',
          object: 'chat.completion',
          created: 0,
          model: 'stub',
          choices: [
            { index: 0, finish_reason: 'stop', message: { role: 'assistant', content: JSON.stringify({ results }) } },
          ],
        }),
      );
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        baseUrl: `http://127.0.0.1:${server.address().port}/v1`,
        stats,
        stop: () => new Promise((done) => server.close(done)),
      }),
    ),
  );
}

/**
 * OpenAI chat-completions oracle (not an LLM): answers each prompted item with `answerFor(item)` (the bench maps the item
 * back to its true template), after `baseMs + perItemMs * items` to model a model's output time; records every call.
 */
function startOracleLlm({ answerFor, baseMs = 0, perItemMs = 0 }) {
  const calls = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const user = JSON.parse(body).messages.find((m) => m.role === 'user');
      const items = JSON.parse(user.content).items;
      calls.push({ items, rawBody: body });
      const results = items.map((item) => ({ id: item.id, ...answerFor(item) }));
      const content = JSON.stringify({ results });
      setTimeout(
        () => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              id: 'oracle',
              object: 'chat.completion',
              created: 0,
              model: 'oracle',
              choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
            }),
          );
        },
        baseMs + perItemMs * items.length,
      );
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        baseUrl: `http://127.0.0.1:${server.address().port}/v1`,
        calls,
        stop: () => new Promise((done) => server.close(done)),
      }),
    ),
  );
}

/** CPU time (µs) each thread of a process has used, from Linux's /proc; the main thread's id is the process id. */
function threadCpu(pid) {
  const tick = 1e6 / 100; // USER_HZ is 100 on Linux
  const out = new Map();
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * tick);
  }
  return out;
}

/** A system's raw log lines as a file tailer reads them (line breaks, CRLF included, removed). */
function logLines(system) {
  return fs
    .readFileSync(path.join(dataDir, system, `${system}_2k.log`), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
}

/** The texts of the PII corpus parts (bench/pii/*.jsonl) whose file names match `pattern`, in file name order. */
function corpusTexts(pattern) {
  const dir = path.join(repoRoot, 'bench', 'pii');
  return fs
    .readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort()
    .flatMap((f) => parseCorpus(fs.readFileSync(path.join(dir, f), 'utf8'), f).map((l) => l.text));
}

/** Raw lines by kind: every loghub-2k system's lines, the PII corpus texts (tuning and generated, x5: a short set made
 * long enough to time), and the blind parts' texts (formats the detectors were not written from). */
function lineSets() {
  const tuning = corpusTexts(/^corpus(-generated)?\.jsonl$/);
  return [
    ['loghub-2k raw lines', systems().flatMap((system) => logLines(system))],
    ['corpus texts x5', Array.from({ length: 5 }, () => tuning).flat()],
    ['blind texts', corpusTexts(/^corpus-blind\d*\.jsonl$/)],
  ];
}

function systems() {
  if (!fs.existsSync(dataDir)) throw new Error(`loghub-2k not found at ${dataDir} (set LOGHUB_DIR)`);
  return fs
    .readdirSync(dataDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

module.exports = {
  freePort,
  spawnSorter,
  defaultStartupMs,
  msFlag,
  ownChild,
  onStop,
  startLlmStub,
  startOracleLlm,
  logLines,
  systems,
  dataDir,
  sorterRequire,
  threadCpu,
  lineSets,
  corpusTexts,
};
