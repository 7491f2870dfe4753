#!/usr/bin/env node
// The main job on embedded defaults: ai-sorter (rules + cache without an API key), the collector with the
// transactions example and the OTLP and Loki push receivers, the transaction generator, and a live view.
// Ctrl-C stops everything cleanly. `--duration SECONDS` stops by itself (used by the end-to-end test).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { parseArgs } = require('node:util');

const root = path.join(__dirname, '..');
const usage = 'usage: pnpm start [-- --rate LINES_PER_SECOND] [--duration SECONDS] [--data-dir DIR]';
let args;
try {
  // `pnpm start -- --rate 10` hands the script a literal `--`.
  ({ values: args } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      duration: { type: 'string' },
      rate: { type: 'string', default: '200' },
      'data-dir': { type: 'string', default: path.join(root, 'data') },
    },
  }));
  for (const key of ['duration', 'rate']) {
    if (args[key] !== undefined && !(Number(args[key]) >= 0))
      throw new Error(`--${key} must be a number >= 0, got "${args[key]}"`);
  }
} catch (err) {
  process.stderr.write(`${err.message}\n${usage}\n`);
  process.exit(2);
}
const dataDir = path.resolve(args['data-dir']);
const sorterPort = Number(process.env.PORT ?? 8080);
const collectorPort = Number(process.env.COLLECTOR_HTTP_PORT ?? 12345);
const otlpGrpcPort = Number(process.env.OTLP_GRPC_PORT ?? 4317);
const otlpHttpPort = Number(process.env.OTLP_HTTP_PORT ?? 4318);
const lokiPushPort = Number(process.env.LOKI_PUSH_PORT ?? 3500);
const { startLiveView } = require('@obs/collector/top');

fs.mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
fs.mkdirSync(path.join(dataDir, 'out'), { recursive: true });

const env = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: String(sorterPort),
  // Like the collector's receivers in the quickstart config: loopback only, since nothing asks for an API key.
  HOST: process.env.HOST ?? '127.0.0.1',
  COLLECTOR_HTTP_PORT: String(collectorPort),
  SORTER_URL: `http://127.0.0.1:${sorterPort}`,
};
const nodeFlags = ['--enable-experimental-regexp-engine-on-excessive-backtracks'];
const children = [];

function start(name, script, scriptArgs, heapFlags = []) {
  const log = fs.openSync(path.join(dataDir, 'logs', `${name}.log`), 'a');
  const child = spawn(process.execPath, [...nodeFlags, ...heapFlags, script, ...scriptArgs], {
    env,
    stdio: ['ignore', log, log],
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    // Ctrl-C reaches every process of the group, and a child's exit can be seen before our own SIGINT: a clean exit
    // or one on a stop signal is a stop on request, not a failure.
    if (code === 0 || signal === 'SIGINT' || signal === 'SIGTERM') {
      process.stderr.write(`${name} was stopped (${signal ?? 'exit 0'}); stopping the rest\n`);
      stop(0);
      return;
    }
    process.stderr.write(
      `${name} exited (${signal ?? code}); its output is in ${path.join(dataDir, 'logs', name + '.log')}\n`,
    );
    stop(1);
  });
  children.push({ name, child });
  return child;
}

async function waitReady(url, name) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `${name} did not become ready at ${url} within 30 s; see ${path.join(dataDir, 'logs', name + '.log')}`,
  );
}

let stopping = false;
let view;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  view?.stop();
  // Producers first, so the collector drains what it was given before the sorter goes away.
  for (const { child } of [...children].reverse()) {
    if (child.exitCode !== null) continue;
    child.kill('SIGTERM');
    await new Promise((resolve) => {
      const t = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, 15_000);
      child.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
  }
  // Nothing was started when a port was taken: no output to point at.
  if (children.length > 0) process.stdout.write(`\nstopped; output files are under ${path.join(dataDir, 'out')}\n`);
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// Resolves true when another program holds the port (on any address), which would also put its numbers in the live view.
function portTaken(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (err) => resolve(err.code === 'EADDRINUSE'));
    probe.listen(port, () => probe.close(() => resolve(false)));
  });
}

async function main() {
  const ports = [
    ['ai-sorter', 'PORT', sorterPort],
    ['collector', 'COLLECTOR_HTTP_PORT', collectorPort],
    ['OTLP gRPC', 'OTLP_GRPC_PORT', otlpGrpcPort],
    ['OTLP HTTP', 'OTLP_HTTP_PORT', otlpHttpPort],
    ['Loki push', 'LOKI_PUSH_PORT', lokiPushPort],
  ];
  for (const [name, variable, port] of ports) {
    if (await portTaken(port))
      throw new Error(
        `port ${port} (${name}) is already in use by another program; stop it, or choose another port with ${variable}=...`,
      );
  }
  start('ai-sorter', require.resolve('@obs/ai-sorter/server'), []);
  await waitReady(`http://127.0.0.1:${sorterPort}/readyz`, 'ai-sorter');
  // The collector's #! line sets its young generation; a script started through node must say it again.
  start(
    'collector',
    path.join(root, 'packages/collector/bin/collector.js'),
    ['run', '-c', path.join(root, 'examples/quickstart/collector.yaml')],
    ['--max-semi-space-size=4'],
  );
  await waitReady(`http://127.0.0.1:${collectorPort}/readyz`, 'collector');
  start('generator', path.join(root, 'examples/transactions/bin/transactions-generator.js'), [
    '--rate',
    args.rate,
    '--output',
    path.join(dataDir, 'logs', 'transactions.log'),
  ]);
  view = startLiveView({
    collectorMetricsUrl: `http://127.0.0.1:${collectorPort}/metrics`,
    sorterMetricsUrl: `http://127.0.0.1:${sorterPort}/metrics`,
    header: [
      'telemetry-sorter: the main job on embedded defaults (Ctrl-C stops everything)',
      `  ai-sorter   http://127.0.0.1:${sorterPort}/docs   metrics http://127.0.0.1:${sorterPort}/metrics   (${process.env.XAI_API_KEY || process.env.LLM_API_KEY ? 'LLM with template cache' : 'no API key: rules classifier'})`,
      `  collector   metrics http://127.0.0.1:${collectorPort}/metrics   OTLP gRPC 127.0.0.1:${otlpGrpcPort}   OTLP HTTP http://127.0.0.1:${otlpHttpPort}   Loki push http://127.0.0.1:${lokiPushPort}/loki/api/v1/push`,
      `  output      ${path.join(dataDir, 'out')}   process logs ${path.join(dataDir, 'logs')}`,
    ],
  });
  if (args.duration) setTimeout(() => stop(0), Number(args.duration) * 1000);
}

main().catch((err) => {
  process.stderr.write(`${err.message}\n`);
  stop(1);
});
