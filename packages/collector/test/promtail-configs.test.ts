import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, type CliResult } from '../src/testing/run-cli';

// Each folder under test/promtail is a Promtail config with fixture lines and the entries Promtail's documented
// behaviour gives them; `@DIR@` stands for a fresh temporary folder.
const CASES_DIR = path.join(__dirname, 'promtail');
const CASES = fs
  .readdirSync(CASES_DIR)
  .filter((d) => fs.existsSync(path.join(CASES_DIR, d, 'expected.ndjson')))
  .sort();

interface Entry {
  ts: string;
  labels: Record<string, string>;
  structured_metadata: Record<string, string>;
  line: string;
}

function cli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return runCli(argv, { env });
}

/** Entries as dry-run prints them; a timestamp taken at read time (within the run) reads as "read". */
function entries(stdout: string, fromMs: number, toMs: number): Entry[] {
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((text) => {
      const { ts, labels, structured_metadata, line } = JSON.parse(text) as Entry;
      const ms = Date.parse(`${ts.slice(0, 23)}Z`);
      return { ts: ms >= fromMs && ms <= toMs ? 'read' : ts, labels, structured_metadata, line };
    });
}

describe('Promtail configs in test/promtail', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promtail-case-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function prepare(name: string): { config: string; input: string; expected: Entry[] } {
    const read = (file: string): string =>
      fs.readFileSync(path.join(CASES_DIR, name, file), 'utf8').replaceAll('@DIR@', dir);
    const config = path.join(dir, 'promtail.yaml');
    fs.writeFileSync(config, read('promtail.yaml'));
    const input = path.join(dir, 'logs', read('input-name').trim());
    fs.mkdirSync(path.dirname(input), { recursive: true });
    fs.copyFileSync(path.join(CASES_DIR, name, 'input.log'), input);
    const expected = read('expected.ndjson')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Entry);
    return { config, input, expected };
  }

  test.each(CASES)('%s: dry-run of the Promtail file gives the expected entries', async (name) => {
    const { config, input, expected } = prepare(name);
    const from = Date.now();
    const result = await cli(['dry-run', '-c', config, '--input', input]);
    expect(result.stderr).toMatch(/^dry-run /);
    expect(result.code).toBe(0);
    expect(entries(result.stdout, from, Date.now())).toEqual(expected);
  });

  test.each(CASES)('%s: the config `collector convert` prints gives the same entries', async (name) => {
    const { config, input, expected } = prepare(name);
    const converted = await cli(['convert', config]);
    expect(converted.code).toBe(0);
    const file = path.join(dir, 'collector.yaml');
    fs.writeFileSync(file, converted.stdout);
    const from = Date.now();
    const result = await cli(['dry-run', '-c', file, '--config.format=collector', '--input', input]);
    expect(result.code).toBe(0);
    expect(entries(result.stdout, from, Date.now())).toEqual(expected);
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
