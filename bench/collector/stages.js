#!/usr/bin/env node
// Per-line cost of the collector's timestamp, template, replace, metrics, match and pattern stages, each next to a plain-JS
// reference doing the nearest equivalent work over the same inputs in this same run (ratio = stage / reference).
// Needs a build: `pnpm turbo run build --filter @obs/collector...`. Run: `node bench/collector/stages.js`.
// prom-client is the collector's dependency; resolve it from there.
const { Counter, Registry } = require(
  require.resolve('prom-client', { paths: [require('node:path').join(__dirname, '../../packages/collector')] }),
);
const { parseStages, buildStageChain, createTimestampParser, utcZone } = require('@obs/collector');

const LINES = Number(process.env.BENCH_LINES ?? 200_000);
const ROUNDS = 5;
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n, w = 2) => String(n).padStart(w, '0');

/** Distinct instants so no parser can profit from repeated input. */
const instants = Array.from({ length: LINES }, (_, i) => new Date(Date.UTC(2025, 0, 1) + i * 7_919_123));
const rfc3339 = instants.map((d) => d.toISOString().replace('Z', '+02:00'));
const apache = instants.map(
  (d) =>
    `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0200`,
);
const levels = ['info', 'warn', 'error', 'debug'];

const BATCH = 1000;

/** Median nanoseconds per line of `fn()`, which handles all LINES lines, after a warm-up round. */
function measure(fn) {
  const rounds = [];
  for (let r = 0; r <= ROUNDS; r++) {
    const start = process.hrtime.bigint();
    fn();
    const ns = Number(process.hrtime.bigint() - start) / LINES;
    if (r > 0) rounds.push(ns);
  }
  rounds.sort((a, b) => a - b);
  return rounds[Math.floor(rounds.length / 2)];
}

/** A one-stage chain compiled through the real loader, run over `items` in batches as a pipeline does. */
function stage(yaml, items, registry = new Registry()) {
  const chain = buildStageChain(parseStages(yaml, 'bench.yaml'), '', { pipeline: 'bench', registry, logger: silent });
  const out = [];
  const batches = [];
  for (let i = 0; i < items.length; i += BATCH) batches.push(items.slice(i, i + BATCH));
  return () => {
    for (const batch of batches) {
      out.length = 0;
      chain.run(batch, out);
    }
  };
}

/** Calls `fn(i)` for every line. */
const each = (fn) => () => {
  for (let i = 0; i < LINES; i++) fn(i);
};

function entries(make) {
  return Array.from({ length: LINES }, (_, i) => ({
    timestampNs: 0n,
    line: make(i).line,
    labels: { job: 'bench', level: levels[i % 4] },
    structuredMetadata: {},
    extracted: make(i).extracted,
  }));
}

let sink = 0;
const rows = [];
function compare(name, ours, reference, referenceName) {
  const a = measure(ours);
  const b = measure(reference);
  rows.push({ name, ours: a, reference: b, referenceName });
}

// timestamp: the compiled layout parser alone, then the whole stage (extract value, parse, fudge bookkeeping).
const rfcParser = createTimestampParser('RFC3339', utcZone);
const apacheParser = createTimestampParser('02/Jan/2006:15:04:05 -0700', utcZone);
compare(
  'timestamp parser, RFC3339',
  each((i) => {
    sink ^= Number(rfcParser.parse(rfc3339[i]) & 1n);
  }),
  each((i) => {
    sink ^= Date.parse(rfc3339[i]) & 1;
  }),
  'Date.parse (ms precision)',
);
compare(
  'timestamp parser, Go layout 02/Jan/2006:15:04:05 -0700',
  each((i) => {
    sink ^= Number(apacheParser.parse(apache[i]) & 1n);
  }),
  each((i) => {
    sink ^= Date.parse(rfc3339[i]) & 1;
  }),
  'Date.parse of the same instant in RFC3339',
);
const tsRfc = entries((i) => ({ line: 'x', extracted: { time: rfc3339[i] } }));
compare(
  'timestamp stage, RFC3339',
  stage('- timestamp: { source: time, format: RFC3339 }', tsRfc),
  each((i) => {
    tsRfc[i].timestampNs = BigInt(Date.parse(tsRfc[i].extracted.time)) * 1_000_000n;
  }),
  'Date.parse + BigInt into the entry',
);
const tsApache = entries((i) => ({ line: 'x', extracted: { time: apache[i] } }));
compare(
  'timestamp stage, Go layout',
  stage("- timestamp: { source: time, format: '02/Jan/2006:15:04:05 -0700' }", tsApache),
  each((i) => {
    tsApache[i].timestampNs = BigInt(Date.parse(rfc3339[i])) * 1_000_000n;
  }),
  'Date.parse + BigInt into the entry',
);

// template: `{{ .level | ToUpper }}-{{ .msg }}` against the string concatenation it stands for.
const tpl = entries((i) => ({ line: 'x', extracted: { level: levels[i % 4], msg: `request ${i} done` } }));
compare(
  'template stage',
  stage("- template: { source: out, template: '{{ .level | ToUpper }}-{{ .msg }}' }", tpl),
  each((i) => {
    const x = tpl[i].extracted;
    x.out = x.level.toUpperCase() + '-' + x.msg;
  }),
  'string concat into extracted',
);

// replace: mask the captured password against a bare String.replace with the same regex.
const pw = entries((i) => ({ line: `user=u${i} password=p${i}x secret`, extracted: {} }));
const bare = /password=(\S+)/g;
// The stage rewrites lines in place: both sides start every round from the original lines.
const pwLines = pw.map((e) => e.line);
const restore = () =>
  pw.forEach((e, i) => {
    e.line = pwLines[i];
  });
const runReplace = stage("- replace: { expression: 'password=(\\S+)', replace: '****' }", pw);
compare(
  'replace stage',
  () => {
    restore();
    runReplace();
  },
  () => {
    restore();
    for (let i = 0; i < LINES; i++) pw[i].line = pwLines[i].replace(bare, 'password=****');
  },
  'String.replace, same regex',
);

// metrics: a counter and a histogram over the entry's label set against prom-client children resolved per line.
const registry = new Registry();
const met = entries((i) => ({ line: 'x', extracted: { latency: String(i % 500) } }));
const runMetrics = stage(
  '- metrics: { counter: [{ name: lines_total, action: inc, match_all: true }], histogram: [{ name: latency_ms, source: latency, buckets: [5, 10, 50, 100, 500] }] }',
  met,
  registry,
);
const refCounter = new Counter({ name: 'ref_total', help: 'reference', labelNames: ['job', 'level'], registers: [] });
compare(
  'metrics stage (counter + histogram)',
  runMetrics,
  each((i) => {
    refCounter.labels(met[i].labels).inc();
  }),
  'prom-client counter.labels(labels).inc()',
);

// The transactions pipeline's match and metrics stages over entries shaped like its own (six labels,
// examples/transactions methods and statuses), against prom-client and a regex doing the same work.
const { Histogram } = require(
  require.resolve('prom-client', { paths: [require('node:path').join(__dirname, '../../packages/collector')] }),
);
const METHODS = ['CashIn', 'Transfer', 'CashOut', 'STP-OUT', 'STP-IN'];
const txLabels = (i) => ({
  filename: '/var/log/transactions.log',
  job: 'bench',
  service: 'payments',
  parse_status: 'success',
  method: METHODS[i % 5],
  status: i % 10 === 0 ? 'FAILED' : 'SUCCESS',
});
const tx = entries((i) => ({
  line: 'x',
  extracted: { latency: String((i * 7919) % 3000), status: i % 10 === 0 ? 'FAILED' : 'SUCCESS' },
}));
tx.forEach((e, i) => {
  e.labels = txLabels(i);
});
const txMetrics = stage(
  `- metrics:
    histogram: [{ name: latency_ms, source: latency, buckets: [10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000] }]
    counter:
      - { name: success_total, source: status, value: SUCCESS, action: inc }
      - { name: failed_total, source: status, value: FAILED, action: inc }`,
  tx,
  new Registry(),
);
const refHistogram = new Histogram({
  name: 'ref_latency_ms',
  help: 'reference',
  labelNames: Object.keys(txLabels(0)),
  buckets: [10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000],
  registers: [],
});
const refSuccess = new Counter({
  name: 'ref_success_total',
  help: 'reference',
  labelNames: Object.keys(txLabels(0)),
  registers: [],
});
const refFailed = new Counter({
  name: 'ref_failed_total',
  help: 'reference',
  labelNames: Object.keys(txLabels(0)),
  registers: [],
});
compare(
  'metrics stage, transactions config (histogram + 2 counters with value, 6 labels)',
  txMetrics,
  each((i) => {
    const { labels, extracted } = tx[i];
    refHistogram.labels(labels).observe(Number(extracted.latency));
    if (extracted.status === 'SUCCESS') refSuccess.labels(labels).inc();
    if (extracted.status === 'FAILED') refFailed.labels(labels).inc();
  }),
  'prom-client children resolved per line',
);
// match rewrites parse_status on the entries it selects: both sides write the same label.
const txMatch = stage(
  `- match:
    selector: '{method=~".+"}'
    stages: [ { static_labels: { values: { parse_status: success } } } ]`,
  tx,
);
const nonEmpty = /^(?:.+)$/s;
compare(
  'match stage, {method=~".+"} + nested static_labels',
  txMatch,
  each((i) => {
    const l = tx[i].labels;
    if (nonEmpty.test(l.method ?? '')) l.parse_status = 'success';
  }),
  'anchored regex test + label write',
);

// pattern: an access-log pattern against the regex stage with the equivalent expression, each over its own copy of the lines.
const access = (i) => ({
  line: `10.${i % 256}.${(i >> 8) % 256}.7 - - [26/Dec/2025:21:45:${pad(i % 60)} +0000] "${METHODS[i % 5]} /api/v1/items/${i} HTTP/1.1" ${200 + (i % 5)} ${i % 9000}`,
  extracted: {},
});
compare(
  'pattern stage, access log (6 captures, 2 skips)',
  stage(`- pattern: { pattern: '<ip> - - [<ts>] "<method> <path> <_>" <status> <size>' }`, entries(access)),
  stage(
    `- regex: { expression: '^(?P<ip>.*?) - - \\[(?P<ts>.*?)\\] "(?P<method>.*?) (?P<path>.*?) .*?" (?P<status>.*?) (?P<size>.*)$' }`,
    entries(access),
  ),
  'regex stage, equivalent expression',
);

console.log(`collector stages, ${LINES} lines per round, median of ${ROUNDS} rounds (node ${process.version})`);
console.log('| stage | ns/line | reference | ns/line | ratio (stage/reference) |');
console.log('|---|---:|---|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.name} | ${r.ours.toFixed(0)} | ${r.referenceName} | ${r.reference.toFixed(0)} | ${(r.ours / r.reference).toFixed(2)} |`,
  );
if (sink === 42) console.log('');
