import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import { formatRfc3339Nano } from '../src/entry';
import { runCli, type CliResult } from '../src/testing/run-cli';
import { waitFor } from '@obs/schema/testing';
import { useCollectorRun } from './support/collector-run';

// Each folder under test/promtail is a Promtail config with fixture lines and the entries Promtail's documented
// behaviour gives them (README.md lists them); `@DIR@` stands for a fresh temporary folder. A case may also list, in
// expected-metrics.txt, lines the collector's /metrics must show once the file is read (`!` before a line: a series
// it must no longer show). A config the collector refuses has expected-errors.txt instead: what validate, convert and run print.
const CASES_DIR = path.join(__dirname, 'promtail');
const casesWith = (file: string): string[] =>
  fs
    .readdirSync(CASES_DIR)
    .filter((d) => fs.existsSync(path.join(CASES_DIR, d, file)))
    .sort();
const CASES = casesWith('expected.ndjson');
const REFUSED = casesWith('expected-errors.txt');

interface Entry {
  ts: string;
  labels: Record<string, string>;
  structured_metadata: Record<string, string>;
  line: string;
}

function cli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return runCli(argv, { env });
}

/** A case's `env` file (NAME=value lines): it is run with those variables and -config.expand-env, as Promtail would be. */
function caseEnv(name: string, dir: string): NodeJS.ProcessEnv | undefined {
  if (!fs.existsSync(path.join(CASES_DIR, name, 'env'))) return undefined;
  const lines = readCase(name, 'env', dir).split('\n').filter(Boolean);
  return Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

/** A timestamp as dry-run prints it; one taken at read time (within the run) reads as "read". */
function timestamp(ts: string, fromMs: number, toMs: number): string {
  const ms = Date.parse(`${ts.slice(0, 23)}Z`);
  return ms >= fromMs && ms <= toMs ? 'read' : ts;
}

/** Entries as dry-run prints them. */
function entries(stdout: string, fromMs: number, toMs: number): Entry[] {
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((text) => {
      const { ts, labels, structured_metadata, line } = JSON.parse(text) as Entry;
      return { ts: timestamp(ts, fromMs, toMs), labels, structured_metadata, line };
    });
}

const expandFlag = (env: NodeJS.ProcessEnv | undefined): string[] => (env ? ['-config.expand-env=true'] : []);

function readCase(name: string, file: string, dir: string): string {
  return fs.readFileSync(path.join(CASES_DIR, name, file), 'utf8').replaceAll('@DIR@', dir);
}

// The files every case has; any other file of a case (file_sd targets) is copied beside its promtail.yaml.
const CASE_FILES = new Set([
  'promtail.yaml',
  'input.log',
  'input-name',
  'expected.ndjson',
  'expected-metrics.txt',
  'expected-errors.txt',
  'env',
]);

/**
 * Copies the case's input.log to where its promtail.yaml tails it (gzip-compressed when that name ends in .gz), and its
 * other files beside it (a `~` in their name is a `/`: `logs~a~b.log` goes to logs/a/b.log); returns the input's path.
 */
function placeInput(name: string, dir: string): string {
  for (const file of fs.readdirSync(path.join(CASES_DIR, name)).filter((f) => !CASE_FILES.has(f))) {
    const to = path.join(dir, ...file.split('~'));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.writeFileSync(to, readCase(name, file, dir));
  }
  const input = path.join(dir, 'logs', readCase(name, 'input-name', dir).trim());
  fs.mkdirSync(path.dirname(input), { recursive: true });
  const bytes = fs.readFileSync(path.join(CASES_DIR, name, 'input.log'));
  fs.writeFileSync(input, input.endsWith('.gz') ? zlib.gzipSync(bytes) : bytes);
  return input;
}

function expectedEntries(name: string, dir: string): Entry[] {
  return readCase(name, 'expected.ndjson', dir)
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Entry);
}

/** A Prometheus text sample with its labels in name order, so that samples compare whatever order they were written in. */
function sample(text: string): string {
  const m = /^([a-zA-Z_:][\w:]*)\{(.*)\} (.*)$/.exec(text);
  if (!m) return text;
  const labels = [...m[2].matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => `${l[1]}="${l[2]}"`).sort();
  return `${m[1]}{${labels.join(',')}} ${m[3]}`;
}

/** A stable order for comparing entries that arrive grouped by stream, whatever the order of their label keys. */
const sortKey = (e: Entry): string =>
  JSON.stringify([e.line, e.ts, Object.entries(e.labels).sort(), Object.entries(e.structured_metadata).sort()]);
const byText = (a: Entry, b: Entry): number => (sortKey(a) < sortKey(b) ? -1 : 1);

describe('Promtail configs in test/promtail', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promtail-case-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function prepare(name: string): { config: string; input: string; expected: Entry[] } {
    const config = path.join(dir, 'promtail.yaml');
    fs.writeFileSync(config, readCase(name, 'promtail.yaml', dir));
    return { config, input: placeInput(name, dir), expected: expectedEntries(name, dir) };
  }

  test.each(CASES)('%s: dry-run of the Promtail file gives the expected entries', async (name) => {
    const { config, input, expected } = prepare(name);
    const env = caseEnv(name, dir);
    const from = Date.now();
    const result = await cli(['dry-run', '-c', config, '--input', input, ...expandFlag(env)], env);
    expect(result.stderr).toMatch(/^dry-run /);
    expect(result.code).toBe(0);
    expect(entries(result.stdout, from, Date.now())).toEqual(expected);
  });

  test.each(CASES)('%s: the config `collector convert` prints gives the same entries', async (name) => {
    const { config, input, expected } = prepare(name);
    const env = caseEnv(name, dir);
    const converted = await cli(['convert', config, ...expandFlag(env)], env);
    expect(converted.code).toBe(0);
    const file = path.join(dir, 'collector.yaml');
    fs.writeFileSync(file, converted.stdout);
    const from = Date.now();
    const result = await cli(['dry-run', '-c', file, '--config.format=collector', '--input', input], env);
    expect(result.code).toBe(0);
    expect(entries(result.stdout, from, Date.now())).toEqual(expected);
  });
});

// The address every case's client sends to and its server's port, swapped for a receiver and a free port here.
const CASE_CLIENT_URL = 'url: http://127.0.0.1:3100/loki/api/v1/push';
const CASE_SERVER = /^server:\n {2}http_listen_port: 9080\n/m;

describe('Promtail configs in test/promtail, run as `collector run -c` runs them', () => {
  const run = useCollectorRun('promtail-run-case-');

  test.each(CASES)(
    '%s: the file tailed, Loki receives the expected entries (and /metrics the expected lines)',
    async (name) => {
      const text = readCase(name, 'promtail.yaml', run.dir);
      expect(text).toContain(CASE_CLIENT_URL);
      expect(text).toMatch(CASE_SERVER);
      const config = text
        .replace(CASE_CLIENT_URL, `url: ${run.receiver.url}`)
        .replace(CASE_SERVER, 'server:\n  http_listen_address: 127.0.0.1\n  http_listen_port: 0\n');
      const input = placeInput(name, run.dir);
      const lineCount = fs.readFileSync(input, 'utf8').split('\n').length - 1;
      const from = Date.now();
      const env = caseEnv(name, run.dir);
      const collector = await run.start(config, 'promtail.yaml', {
        env: env ?? {},
        options: { expandEnv: env !== undefined },
      });
      const linesRead = async (): Promise<number> => {
        const metric = await collector.registry.getSingleMetric('collector_source_read_lines_total')?.get();
        return metric?.values.reduce((sum, v) => sum + v.value, 0) ?? 0;
      };
      await waitFor(async () => (await linesRead()) >= lineCount, `the ${lineCount} lines of ${input} read`);
      if (fs.existsSync(path.join(CASES_DIR, name, 'expected-metrics.txt'))) {
        const lines = readCase(name, 'expected-metrics.txt', run.dir)
          .split('\n')
          .filter((l) => l !== '' && !l.startsWith('#'));
        const want = lines.filter((l) => !l.startsWith('!')).map(sample);
        // A series that must be gone, whatever its value.
        const series = (l: string): string => l.slice(0, l.lastIndexOf(' '));
        const gone = lines.filter((l) => l.startsWith('!')).map((l) => series(sample(l.slice(1))));
        const url = `http://127.0.0.1:${collector.httpPort}/metrics`;
        let got: string[] = [];
        const wrong = (): string[] => [
          ...want.filter((l) => !got.includes(l)),
          ...gone.filter((l) => got.some((g) => series(g) === l)).map((l) => `!${l}`),
        ];
        await waitFor(
          async () => {
            got = (await (await fetch(url)).text()).split('\n').map(sample);
            return wrong().length === 0;
          },
          `${url} to show ${want.join(', ')} and not ${gone.join(', ')}`,
        ).catch(() => undefined);
        expect(wrong()).toEqual([]);
      }
      // Every entry reaches Loki while the collector runs (multiline blocks after max_wait_time), not only when it stops.
      const expected = expectedEntries(name, run.dir);
      await waitFor(() => run.receiver.entries.length >= expected.length, `${expected.length} entries at the receiver`);
      await run.stop();
      const to = Date.now();
      const clientTenant = (parseYaml(text) as { clients: { tenant_id?: string }[] }).clients[0].tenant_id;
      const received = run.receiver.entries.map((e) => {
        const labels = { ...e.labels };
        if (e.tenant !== undefined && e.tenant !== clientTenant) labels.__tenant_id__ = e.tenant;
        return {
          ts: timestamp(formatRfc3339Nano(e.timestampNs), from, to),
          labels,
          structured_metadata: e.structuredMetadata,
          line: e.line,
        };
      });
      expect(received.sort(byText)).toEqual(expected.sort(byText));
    },
  );
});

describe('Promtail configs in test/promtail that the collector refuses', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promtail-refused-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(REFUSED)('%s: validate, convert and run stop with every error at its file, line and key', async (name) => {
    const config = path.join(dir, 'promtail.yaml');
    fs.writeFileSync(config, readCase(name, 'promtail.yaml', dir));
    const want = readCase(name, 'expected-errors.txt', dir);
    for (const command of [
      ['validate', '-c', config],
      ['convert', config],
      ['run', '-c', config],
    ]) {
      const result = await cli(command);
      expect({ command: command[0], code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual({
        command: command[0],
        code: 1,
        stdout: '',
        stderr: want,
      });
    }
  });
});

describe('collector convert and the Promtail flags', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promtail-cli-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const promtail = (text: string): string => {
    const file = path.join(dir, 'config.yml');
    fs.writeFileSync(file, text);
    return file;
  };
  const CONFIG = `server:
  http_listen_port: 9080
  grpc_listen_port: 0
positions:
  filename: /var/lib/promtail/positions.yaml
clients:
  - url: https://logs.example.com/loki/api/v1/push
    basic_auth:
      username: "1234"
      password: \${LOKI_PASSWORD}
scrape_configs:
  - job_name: app
    static_configs:
      - targets: [localhost]
        labels: { job: app, __path__: /var/log/app/*.log }
    pipeline_stages:
      - labeldrop: [filename]
`;

  test('convert comments what it changed and prints a secret as the variable the file had, never its value', async () => {
    const out = await cli(['convert', promtail(CONFIG), '-config.expand-env=true'], { LOKI_PASSWORD: 's3cret' });
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(
      '# left out, no counterpart in the collector (it serves no gRPC and logs JSON): grpc_listen_port',
    );
    expect(out.stdout).toContain('# Promtail stage "labeldrop"');
    expect(out.stdout).toContain('password: ${LOKI_PASSWORD:-}');
    expect(out.stdout).not.toContain('s3cret');
  });

  test('notes encoding and decompression on a job without files as left out, as Promtail applies them to files only', async () => {
    const out = await cli([
      'convert',
      promtail(`${CONFIG.slice(0, CONFIG.indexOf('scrape_configs:'))}scrape_configs:
  - job_name: syslog
    encoding: UTF-16
    decompression: { enabled: true, format: gz }
    syslog: { listen_address: 127.0.0.1:1514 }
`),
    ]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('# encoding and decompression left out: they apply to files only, as in Promtail');
  });

  test('takes -client.external-labels as Promtail does: on every client, under the labels a client sets', async () => {
    const file = promtail(
      CONFIG.replace('      password: ${LOKI_PASSWORD}\n', '      password: x\n    external_labels: { env: prod }\n'),
    );
    const out = await cli(['convert', file, '-client.external-labels=host=box1,env=from-flag']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('    external_labels:\n      host: box1\n      env: prod\n');
    const bad = await cli(['validate', '-c', file, '-client.external-labels=host']);
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.stderr).toContain('-client.external-labels takes name=value pairs joined by commas, got "host"');
  });

  test.each([
    ['-client.url=http://loki:3100/loki/api/v1/push', 'set it in the config file'],
    ['-server.http-listen-port=9080', 'set it in the config file'],
    ['-dry-run', 'use `collector dry-run -c FILE --input FILE`'],
    ['-check-syntax', 'use `collector validate -c FILE`'],
    ['-inspect', 'use `collector dry-run -c FILE --inspect`'],
  ])('names Promtail flag %s as not taken, with where to go instead (it was read as -c ...)', async (flag, hint) => {
    const out = await cli(['validate', `-config.file=${promtail(CONFIG)}`, flag]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(`Promtail's ${flag.split('=')[0]} is not taken here: ${hint}`);
  });

  test('takes -config.file and --config.format=promtail as Promtail is started', async () => {
    const file = promtail(CONFIG);
    const ok = await cli(['validate', `-config.file=${file}`, '--config.format=promtail', '-config.expand-env=true']);
    expect(ok).toMatchObject({ code: 0, stdout: `OK ${file}: 1 source, 1 pipeline, 1 sink\n` });
    // Read as the collector's own format, the same file is full of unknown keys.
    const asCollector = await cli(['validate', '-c', file, '--config.format=collector']);
    expect(asCollector.code).toBe(1);
    expect(asCollector.stderr).toContain('unknown key "scrape_configs"');
  });
});
