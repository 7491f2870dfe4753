#!/usr/bin/env node
// Throughput of the transactions pipeline (examples/transactions) over generated lines (2% malformed):
//   (a) pipeline only: the file streamed through the compiled stages, as dry-run does;
//   (b) file source -> pipeline -> loki sink -> LokiPushReceiver (decodes Loki's wire format; not Loki);
//   (c) `promtail`: the same pipeline written as a Promtail config (pipeline_stages) run as in (a), against (a)'s
//       own-format pipeline as the reference instead of the bare loop; `promtail-to-loki`: (b) from that Promtail file.
// Each mode runs in its own child process, next to a reference measured in that same process: a bare
// loop streaming the same file and running the same regex over every line. Ratio = mode lines/s / bare lines/s.
// Loading the collector, parsing the config and a warm-up (the stages and the bare loop once over a small
// file of other generated lines, so neither side is timed while the JIT compiles) happen before the timed
// run and are printed as `startup`; peak RSS covers the whole child, startup included.
// The receiver runs in this parent process so the child's CPU and RSS are the collector's alone. Children load what
// the `collector` binary loads (@obs/collector/cli, not the package index) and run with the node flags of its #! line.
// Needs a build: `pnpm turbo run build --filter @obs/collector... --filter @obs/example-transactions`.
// Run: `node bench/collector/pipeline.js` (BENCH_LINES=200000 for a quicker run).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const moduleFile = path.join(root, 'examples', 'transactions', 'modules', 'transactions.yaml');
const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const WARM_LINES = Math.min(50_000, Math.ceil(LINES / 20));
const MiB = 1024 * 1024;

const silent = { debug() {}, info() {}, warn() {}, error() {} };

// 64 KiB (~800 lines) per batch, close to dry-run's 1000-line batches; the bare loop reads the same way.
const CHUNK_BYTES = Number(process.env.BENCH_CHUNK ?? 64 * 1024);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** Streams `file` line by line in CHUNK_BYTES chunks; calls onLines(lines) per chunk and awaits it. */
async function streamLines(file, onLines) {
  let carry = '';
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK_BYTES, encoding: 'utf8' })) {
    const parts = (carry + chunk).split('\n');
    carry = parts.pop();
    await onLines(parts);
  }
  if (carry) await onLines([carry]);
}

/** The regex the module's regex stage uses, in JS syntax. */
function moduleRegex() {
  const { parse } = require(require.resolve('yaml', { paths: [path.join(root, 'packages', 'collector')] }));
  const doc = parse(fs.readFileSync(moduleFile, 'utf8'));
  const stage = doc.pipelines.pipeline.stages.find((s) => s.regex);
  return new RegExp(stage.regex.expression.replace(/\(\?P</g, '(?<'));
}

/** Runs fn, returning wall seconds, CPU seconds and peak RSS (sampled) from the start of the process to its end. */
async function measured(fn) {
  let peak = Math.max(process.memoryUsage().rss, startupPeakRss);
  // What made up RSS at its sampled peak: V8 heap (committed), and buffers outside it.
  let atPeak = process.memoryUsage();
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peak) [peak, atPeak] = [m.rss, m];
  };
  const timer = setInterval(sample, 50);
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const result = await fn();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  sample();
  const peakParts = { heapTotalMiB: atPeak.heapTotal / MiB, externalMiB: atPeak.external / MiB };
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMiB: peak / MiB, peakParts, result };
}

async function bareLoop(file) {
  const re = moduleRegex();
  let matched = 0;
  let lines = 0;
  await streamLines(file, (chunk) => {
    for (const line of chunk) {
      lines++;
      if (re.exec(line) !== null) matched++;
    }
  });
  return { lines, matched };
}

function configText(file, extra) {
  return `
server: { http_listen_address: 127.0.0.1, http_listen_port: 0 }
storage_path: ${JSON.stringify(path.join(path.dirname(file), 'storage'))}
imports:
  transactions: ${JSON.stringify(moduleFile)}
${extra}`;
}

/** The module's pipeline in Promtail's spelling, as a Promtail user would have written it. */
function promtailText(file, url) {
  const { parse } = require(require.resolve('yaml', { paths: [path.join(root, 'packages', 'collector')] }));
  const expression = parse(fs.readFileSync(moduleFile, 'utf8')).pipelines.pipeline.stages.find((s) => s.regex).regex
    .expression;
  const buckets = '[10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000]';
  return `
server: { http_listen_address: 127.0.0.1, http_listen_port: 0 }
positions: { filename: ${JSON.stringify(path.join(path.dirname(file), 'promtail', 'positions.yaml'))} }
clients:
  - url: ${JSON.stringify(url ?? 'http://127.0.0.1:1/loki/api/v1/push')}
    batchwait: 200ms
scrape_configs:
  - job_name: transactions
    static_configs:
      - targets: [localhost]
        labels: { job: bench, __path__: ${JSON.stringify(file)} }
    pipeline_stages:
      - static_labels: { job: bench, service: payments, parse_status: failed }
      - regex: { expression: ${JSON.stringify(expression)} }
      - labels: { method: "", status: "" }
      - match:
          selector: '{method=~".+"}'
          stages:
            - static_labels: { parse_status: success }
      - metrics:
          transaction_latency_ms: { type: Histogram, prefix: payment_, description: latency, source: latency, config: { buckets: ${buckets} } }
          success_transactions_total: { type: Counter, prefix: payment_, description: successes, source: status, config: { value: SUCCESS, action: inc } }
          failed_transactions_total: { type: Counter, prefix: payment_, description: failures, source: status, config: { value: FAILED, action: inc } }
global: { file_watch_config: { min_poll_frequency: 50ms } }
`;
}

function setupPromtailPipeline(file) {
  const c = binaryModules();
  const { Registry } = require(require.resolve('prom-client', { paths: [path.join(root, 'packages', 'collector')] }));
  const config = c.parseConfig(
    promtailText(file),
    path.join(path.dirname(file), 'promtail.yaml'),
    {},
    { format: 'promtail' },
  );
  return () => pipelineOnly(c, Registry, config, file);
}

function setupPromtailToLoki(file, url) {
  const c = binaryModules();
  const config = c.parseConfig(
    promtailText(file, url),
    path.join(path.dirname(file), 'promtail.yaml'),
    {},
    { format: 'promtail' },
  );
  return () => fileToLoki(c, config);
}

/**
 * What the `collector` binary loads: @obs/collector/cli and its imports. Not the package index, which re-exports every
 * component (and so loads modules a config does not use).
 */
function binaryModules() {
  require('@obs/collector/cli');
  return {
    parseConfig: require('@obs/collector/config').parseConfig,
    runCollector: require('@obs/collector/runtime').runCollector,
    createPipelineConsumer: require('@obs/collector/pipelines').createPipelineConsumer,
  };
}

let startupPeakRss = 0;

/** Loads the collector and parses the config; returns the timed part as a function. */
function setupPipelineOnly(file) {
  const c = binaryModules();
  const { Registry } = require(require.resolve('prom-client', { paths: [path.join(root, 'packages', 'collector')] }));
  const config = c.parseConfig(
    configText(
      file,
      `
pipelines:
  transactions: { module: transactions.pipeline, arguments: { job: bench }, forward_to: [sinks.out] }
sinks:
  out: { type: stdout }
`,
    ),
    path.join(path.dirname(file), 'bench.yaml'),
    {},
  );
  return () => pipelineOnly(c, Registry, config, file);
}

async function pipelineOnly(c, Registry, config, file) {
  let out = 0;
  let failed = 0;
  const counting = {
    async consume(batch) {
      out += batch.entries.length;
      for (const e of batch.entries) if (e.labels.parse_status === 'failed') failed++;
    },
  };
  const pipeline = c.createPipelineConsumer(config.pipelines[0], {
    registry: new Registry(),
    logger: silent,
    resolve: () => counting,
  });
  await pipeline.start();
  const signal = new AbortController().signal;
  let ts = 1_700_000_000_000_000_000n;
  await streamLines(file, async (lines) => {
    const entries = new Array(lines.length);
    for (let i = 0; i < lines.length; i++)
      entries[i] = {
        timestampNs: ts++,
        line: lines[i],
        labels: { filename: file },
        structuredMetadata: {},
        extracted: {},
      };
    await pipeline.consume({ entries }, signal);
  });
  await pipeline.shutdown(AbortSignal.timeout(5000));
  return { lines: out, parseFailed: failed };
}

function setupFileToLoki(file, url) {
  const c = binaryModules();
  const config = c.parseConfig(
    configText(
      file,
      `
sources:
  app:
    type: file
    targets: [{ __path__: ${JSON.stringify(file)}, job: bench }]
    poll_interval_ms: 50
${process.env.BENCH_READ_CHUNK ? `    read_chunk_bytes: ${process.env.BENCH_READ_CHUNK}\n` : ''}    forward_to: [pipelines.transactions]
pipelines:
  transactions: { module: transactions.pipeline, arguments: { job: bench }, forward_to: [sinks.loki] }
sinks:
  loki: { type: loki, url: ${JSON.stringify(url)}, batch_wait_ms: 200${process.env.BENCH_QUEUE_BYTES ? `, queue: { capacity_bytes: ${process.env.BENCH_QUEUE_BYTES} }` : ''}${process.env.BENCH_PARALLEL ? `, parallel_requests: ${process.env.BENCH_PARALLEL}` : ''} }
`,
    ),
    path.join(path.dirname(file), 'bench.yaml'),
    {},
  );
  return () => fileToLoki(c, config);
}

async function fileToLoki(c, config) {
  const running = await c.runCollector(config, { logger: silent });
  const sent = () =>
    running.registry
      .getSingleMetric('collector_sink_sent_entries_total')
      .get()
      .then((m) => m.values.reduce((n, v) => n + v.value, 0));
  for (;;) {
    if ((await sent()) >= LINES) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const lines = await sent();
  const refused = await running.registry
    .getSingleMetric('collector_source_backpressure_retries_total')
    .get()
    .then((m) => m.values.reduce((n, v) => n + v.value, 0));
  await running.shutdown(AbortSignal.timeout(10_000));
  return { lines, refused };
}

async function child(mode, file, url, warmFile) {
  const bytes = fs.statSync(file).size;
  // The mode runs first so its peak RSS is not lifted by the reference's garbage.
  const t0 = process.hrtime.bigint();
  const setups = {
    pipeline: setupPipelineOnly,
    'file-to-loki': setupFileToLoki,
    promtail: setupPromtailPipeline,
    'promtail-to-loki': setupPromtailToLoki,
  };
  const timed = setups[mode](file, url);
  // (c) is measured against the same pipeline in the collector's own format, everything else against the bare loop.
  const reference = mode === 'promtail' ? setupPipelineOnly(file) : () => bareLoop(file);
  await setupPipelineOnly(warmFile)();
  if (mode === 'promtail') await setupPromtailPipeline(warmFile)();
  await bareLoop(warmFile);
  const startup = { seconds: Number(process.hrtime.bigint() - t0) / 1e9, rssMiB: process.memoryUsage().rss / MiB };
  startupPeakRss = process.memoryUsage().rss;
  // (a) runs in alternating rounds with the reference, so a burst of load from other jobs moves one round, not the
  // result: the medians are printed. (b) runs once: its positions file would make a second round read nothing.
  const rounds = [];
  for (let i = 0; i < (mode === 'pipeline' || mode === 'promtail' ? ROUNDS : 1); i++) {
    const run = await measured(timed);
    startupPeakRss = 0;
    const bare = await measured(reference);
    rounds.push({ run, bare });
  }
  process.stdout.write(JSON.stringify({ mode, bytes, startup, rounds }) + '\n');
}

function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The round whose mode took the median time, and the median per-round ratios by lines/s and by CPU seconds. */
function summarize(rounds) {
  const middle = rounds.find((r) => r.run.seconds === median(rounds.map((x) => x.run.seconds)));
  const bare = rounds.find((r) => r.bare.seconds === median(rounds.map((x) => x.bare.seconds))).bare;
  const wallRatios = rounds.map((r) => r.bare.seconds / r.run.seconds);
  const cpuRatios = rounds.map((r) => r.bare.cpuSeconds / r.run.cpuSeconds);
  const peakRssMiB = Math.max(...rounds.map((r) => r.run.peakRssMiB));
  return {
    run: { ...middle.run, peakRssMiB },
    bare,
    wallRatio: median(wallRatios),
    cpuRatio: median(cpuRatios),
    wallRatios,
  };
}

async function generateFile(file, count, seed) {
  const { generate, DEFAULT_METHODS } = require('@obs/example-transactions');
  const out = fs.createWriteStream(file);
  await generate(
    {
      rate: 0,
      methods: DEFAULT_METHODS,
      failureShare: 0.1,
      malformedShare: 0.02,
      count,
      output: file,
      seed,
      startMs: Date.UTC(2026, 0, 1),
    },
    out,
    new AbortController().signal,
  );
  await new Promise((resolve) => out.end(resolve));
}

/** The node flags the `collector` binary runs with: those on its `#!/usr/bin/env -S node ...` line. */
function binaryFlags() {
  const first = fs.readFileSync(path.join(root, 'packages', 'collector', 'bin', 'collector.js'), 'utf8').split('\n')[0];
  return first
    .replace(/^#!\s*\/usr\/bin\/env\s+(-S\s+)?node\s*/, '')
    .split(/\s+/)
    .filter(Boolean);
}

function runChild(mode, file, url, warmFile) {
  return new Promise((resolve, reject) => {
    const flags = (process.env.BENCH_CHILD_FLAGS ?? '').split(' ').filter(Boolean);
    const proc = spawn(
      process.execPath,
      [
        '--enable-experimental-regexp-engine-on-excessive-backtracks',
        ...binaryFlags(),
        ...flags,
        __filename,
        '--child',
        mode,
        file,
        url ?? '',
        warmFile,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let text = '';
    proc.stdout.on('data', (d) => (text += d));
    proc.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${mode} child exited ${code}`));
      // Anything before the result line comes from BENCH_CHILD_FLAGS (e.g. --trace-gc): pass it on.
      const lines = text.trim().split('\n');
      const result = lines.pop();
      if (lines.length > 0) process.stderr.write(lines.join('\n') + '\n');
      resolve(JSON.parse(result));
    });
  });
}

function row(label, m, bytes, lines) {
  const lps = lines / m.seconds;
  return {
    label,
    lps,
    line: `${label.padEnd(26)} ${m.seconds.toFixed(2).padStart(7)} s ${(lps / 1000).toFixed(0).padStart(7)}k lines/s ${(bytes / MiB / m.seconds).toFixed(1).padStart(7)} MiB/s ${m.cpuSeconds.toFixed(2).padStart(7)} CPU s ${m.peakRssMiB.toFixed(0).padStart(5)} MiB peak RSS`,
  };
}

async function parent() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pipeline-'));
  const file = path.join(dir, 'transactions.log');
  const warmFile = path.join(dir, 'warm-up.log');
  try {
    await generateFile(file, LINES, 1);
    await generateFile(warmFile, WARM_LINES, 2);
    const bytes = fs.statSync(file).size;
    console.log(
      `transactions pipeline bench: ${LINES} lines, ${(bytes / MiB).toFixed(1)} MiB, 2% malformed; node ${process.version}, ${os.cpus().length} cores`,
    );
    const { LokiPushReceiver } = require('@obs/collector/testing');
    const receiver = await LokiPushReceiver.start({
      record: false,
      answerDelayMs: Number(process.env.BENCH_RECEIVER_DELAY_MS ?? 0),
    });
    try {
      for (const mode of (process.env.BENCH_MODES ?? 'pipeline,file-to-loki').split(',')) {
        const child = await runChild(mode, file, receiver.url, warmFile);
        const r = { ...child, ...summarize(child.rounds) };
        const labels = {
          pipeline: '(a) pipeline only',
          'file-to-loki': '(b) file -> loki sink',
          promtail: '(c) Promtail config',
          'promtail-to-loki': '(b) from a Promtail file',
        };
        const refLabel = mode === 'promtail' ? '  own-format pipeline (a)' : `  bare regex loop (${mode})`;
        const bare = row(refLabel, r.bare, r.bytes, r.bare.result.lines);
        const run = row(`  ${labels[mode]}`, r.run, r.bytes, r.run.result.lines);
        console.log(
          `  startup (load collector, parse config, warm-up over ${WARM_LINES} lines) ${r.startup.seconds.toFixed(2)} s, ${r.startup.rssMiB.toFixed(0)} MiB RSS after`,
        );
        console.log(bare.line);
        console.log(run.line);
        console.log(
          `  at the sampled RSS peak of ${mode}: V8 heap ${r.run.peakParts.heapTotalMiB.toFixed(0)} MiB committed, external ${r.run.peakParts.externalMiB.toFixed(0)} MiB`,
        );
        const each =
          r.wallRatios.length > 1
            ? ` (medians of ${r.wallRatios.length} alternating rounds: ${r.wallRatios.map((x) => x.toFixed(2)).join(', ')})`
            : '';
        console.log(
          `  ratio ${r.wallRatio.toFixed(2)}x of the ${mode === 'promtail' ? 'own-format pipeline' : 'bare loop'} by lines/s, ${r.cpuRatio.toFixed(2)}x by CPU seconds${each}`,
        );
        console.log(
          '  ' +
            (r.run.result.parseFailed !== undefined
              ? `parse_status=failed on ${r.run.result.parseFailed} lines`
              : `receiver decoded ${receiver.entryCount} entries; batches refused by a full queue and re-read: ${r.run.result.refused}`),
        );
      }
    } finally {
      await receiver.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child')
  child(process.argv[3], process.argv[4], process.argv[5], process.argv[6]).then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
else
  parent().catch((err) => {
    console.error(err);
    process.exit(1);
  });
