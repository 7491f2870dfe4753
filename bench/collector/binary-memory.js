#!/usr/bin/env node
// Peak RSS of the `collector` binary itself on a Promtail config: N generated transaction lines in a file, the
// transactions pipeline in Promtail's spelling, a client pushing to LokiPushReceiver (decodes Loki's wire format; not
// Loki) in this process. Each round runs the binary twice: executed itself, as an installed `collector` is (its #! line
// gives node --max-semi-space-size=4), and as `node bin/collector.js` without that flag, the baseline. Peak RSS is the
// kernel's high-water mark (VmHWM in /proc/<pid>/status, so Linux only), read just before the process is stopped;
// CPU seconds (startup included) come from /proc/<pid>/stat.
// Needs a build: `pnpm turbo run build --filter @obs/collector... --filter @obs/example-transactions`.
// Run: `node bench/collector/binary-memory.js` (BENCH_LINES, BENCH_ROUNDS; default 1,000,000 lines, 2 rounds).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const bin = path.join(root, 'packages', 'collector', 'bin', 'collector.js');
const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

function promtailConfig(dir, log, url) {
  const { parse } = require(require.resolve('yaml', { paths: [path.join(root, 'packages', 'collector')] }));
  const module = parse(
    fs.readFileSync(path.join(root, 'examples', 'transactions', 'modules', 'transactions.yaml'), 'utf8'),
  );
  const expression = module.pipelines.pipeline.stages.find((s) => s.regex).regex.expression;
  return `server: { http_listen_address: 127.0.0.1, http_listen_port: 0, log_level: warn }
positions: { filename: ${JSON.stringify(path.join(dir, 'data', 'positions.yaml'))} }
clients: [{ url: ${JSON.stringify(url)}, batchwait: 200ms }]
scrape_configs:
  - job_name: transactions
    static_configs: [{ targets: [localhost], labels: { job: bench, __path__: ${JSON.stringify(log)} } }]
    pipeline_stages:
      - static_labels: { service: payments, parse_status: failed }
      - regex: { expression: ${JSON.stringify(expression)} }
      - labels: { method: "", status: "" }
      - match: { selector: '{method=~".+"}', stages: [ { static_labels: { parse_status: success } } ] }
`;
}

/** User + system CPU seconds of a process so far (clock ticks of /proc/<pid>/stat, 100 a second on Linux). */
function cpuSeconds(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function peakRssKiB(pid) {
  const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

async function runOnce(how, dir, config, receiver) {
  fs.rmSync(path.join(dir, 'data'), { recursive: true, force: true });
  const before = receiver.entryCount;
  const argv = how === 'installed' ? [bin] : [process.execPath, bin];
  const t0 = process.hrtime.bigint();
  const child = spawn(argv[0], [...argv.slice(1), 'run', '-c', config], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` },
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await receiver.waitForEntries(before + LINES, 600_000);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const peak = peakRssKiB(child.pid) / 1024;
  const cpu = cpuSeconds(child.pid);
  child.kill('SIGTERM');
  await exited;
  return { seconds, cpu, peak };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-binary-'));
  const { LokiPushReceiver } = require('@obs/collector/testing');
  const receiver = await LokiPushReceiver.start({ record: false });
  try {
    const log = path.join(dir, 'transactions.log');
    const { generate, DEFAULT_METHODS } = require('@obs/example-transactions');
    const out = fs.createWriteStream(log);
    await generate(
      {
        rate: 0,
        methods: DEFAULT_METHODS,
        failureShare: 0.1,
        malformedShare: 0.02,
        count: LINES,
        output: log,
        seed: 1,
        startMs: Date.UTC(2026, 0, 1),
      },
      out,
      new AbortController().signal,
    );
    await new Promise((resolve) => out.end(resolve));
    const config = path.join(dir, 'promtail.yaml');
    fs.writeFileSync(config, promtailConfig(dir, log, receiver.url));
    console.log(
      `collector binary on a Promtail config: ${LINES} lines file -> loki client -> receiver; node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`,
    );
    const results = { installed: [], 'node bin': [] };
    for (let i = 0; i < ROUNDS; i++) {
      for (const how of Object.keys(results)) {
        const r = await runOnce(how, dir, config, receiver);
        results[how].push(r);
        console.log(
          `  round ${i + 1} ${how.padEnd(9)} ${r.seconds.toFixed(1).padStart(6)} s ${(LINES / r.seconds / 1000).toFixed(0).padStart(5)}k lines/s ${r.cpu.toFixed(2).padStart(6)} CPU s  peak RSS ${r.peak.toFixed(1)} MiB`,
        );
      }
    }
    const worst = (how) => Math.max(...results[how].map((r) => r.peak));
    console.log(
      `  highest peak RSS: installed ${worst('installed').toFixed(1)} MiB, node bin/collector.js ${worst('node bin').toFixed(1)} MiB, ratio ${(worst('installed') / worst('node bin')).toFixed(2)}x`,
    );
  } finally {
    await receiver.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
