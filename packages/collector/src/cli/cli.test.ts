import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, type CliResult } from '../testing/run-cli';

const CONFIG = `pipelines:
  tx:
    stages:
      - static_labels: { values: { parse_status: failed } }
      - regex: { expression: '^(?P<method>\\w+)\\|(?P<status>[A-Z]+)$' }
      - labels: { values: { method: "", status: "" } }
      - drop: { source: method, value: Health, drop_counter_reason: healthcheck }
      - match:
          selector: '{method=~".+"}'
          stages:
            - static_labels: { values: { parse_status: success } }
    routes:
      - { selector: '{status="FAILED"}', forward_to: [sinks.alerts] }
    default_forward_to: [sinks.out]
  other:
    stages: []
    forward_to: [sinks.out]
sinks:
  out: { type: stdout }
  alerts: { type: stdout }
`;

function run(argv: string[], stdinText = ''): Promise<CliResult> {
  return runCli(argv, { stdin: stdinText });
}

describe('collector CLI', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collector-cli-'));
    file = path.join(dir, 'collector.yaml');
    fs.writeFileSync(file, CONFIG);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('validate prints OK and exits 0 when the config is valid', async () => {
    expect(await run(['validate', '-c', file])).toEqual({
      code: 0,
      stdout: `OK ${file}: 0 sources, 2 pipelines, 2 sinks\n`,
      stderr: '',
    });
  });

  test('validate prints every issue with file:line:col and exits 1 when the config is invalid', async () => {
    fs.writeFileSync(
      file,
      'pipelines:\n  p:\n    stages: [ { regex: { expresion: x } } ]\n    forward_to: [sinks.nope]\n',
    );
    const result = await run(['validate', '-c', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        `${file}:3:17 pipelines.p.stages[0].regex.expression: required key is missing (expected string)`,
        `${file}:3:26 pipelines.p.stages[0].regex.expresion: unknown key "expresion"`,
        `${file}:4:18 pipelines.p.forward_to[0]: target sinks.nope does not exist`,
        '3 issues in the config',
        '',
      ].join('\n'),
    );
  });

  test.each([
    ['no command', [], /^Usage:/],
    ['an unknown command', ['frobnicate', '-c', 'x'], /unknown command "frobnicate"/],
    ['a missing -c', ['validate'], /validate needs -c FILE/],
    ['an unknown flag', ['validate', '-c', 'x', '--nope'], /Unknown option '--nope'/],
    ['a flag of another command', ['validate', '-c', 'x', '--inspect'], /validate does not take --inspect/],
  ])('exits 2 with usage when given %s', async (_name, argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr + result.stdout).toMatch(message);
  });

  test('dry-run prints each entry leaving the first pipeline with where it goes', async () => {
    const result = await run(['dry-run', '-c', file], 'Pay|OK\nPay|FAILED\ngarbage\nHealth|OK\n');
    expect(result.code).toBe(0);
    const entries = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries).toEqual([
      {
        ts: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/),
        labels: { parse_status: 'success', method: 'Pay', status: 'OK' },
        structured_metadata: {},
        line: 'Pay|OK',
        forward_to: ['sinks.out'],
      },
      expect.objectContaining({
        labels: { parse_status: 'success', method: 'Pay', status: 'FAILED' },
        forward_to: ['sinks.alerts'],
      }),
      expect.objectContaining({ labels: { parse_status: 'failed' }, line: 'garbage', forward_to: ['sinks.out'] }),
    ]);
    expect(result.stderr).toBe('dry-run tx: 4 lines in, 3 entries out, 1 dropped or merged\n');
  });

  test('dry-run --inspect shows what every stage changed and why an entry was dropped', async () => {
    const input = path.join(dir, 'in.log');
    fs.writeFileSync(input, 'Pay|OK\nHealth|OK\n');
    const result = await run(['dry-run', '-c', file, '--input', input, '--inspect']);
    const [kept, dropped] = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(result.stderr).toBe('dry-run tx: 2 lines in, 1 entries out, 1 dropped or merged\n');
    expect(kept.stages).toEqual([
      { stage: '0/static_labels', labels: { parse_status: 'failed' } },
      { stage: '1/regex', extracted: { method: 'Pay', status: 'OK' } },
      { stage: '2/labels', labels: { method: 'Pay', status: 'OK' } },
      { stage: '3/drop' },
      { stage: '4/match', labels: { parse_status: 'success' } },
    ]);
    expect(dropped).toEqual({
      dropped: { stage: '3/drop', reason: 'healthcheck' },
      line: 'Health|OK',
      stages: [
        { stage: '0/static_labels', labels: { parse_status: 'failed' } },
        { stage: '1/regex', extracted: { method: 'Health', status: 'OK' } },
        { stage: '2/labels', labels: { method: 'Health', status: 'OK' } },
        { stage: '3/drop', dropped: 'healthcheck' },
      ],
    });
  });

  test('dry-run --inspect marks a parse failure', async () => {
    const result = await run(['dry-run', '-c', file, '--inspect'], 'nope\n');
    const [entry] = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { stages: unknown[] });
    expect(entry.stages[1]).toEqual({ stage: '1/regex', parse_failed: true });
  });

  test('dry-run runs the pipeline named by --pipeline and rejects an unknown one with exit 2', async () => {
    expect((await run(['dry-run', '-c', file, '--pipeline', 'other'], 'x\n')).stdout).toContain('"line":"x"');
    const bad = await run(['dry-run', '-c', file, '--pipeline', 'nope'], 'x\n');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no pipeline "nope" (pipelines: tx, other)');
  });

  test('convert exits 2 and says so when it is given a collector config rather than a Promtail one', async () => {
    expect(await run(['convert', file])).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(
        new RegExp(
          `^collector: ${file.replace(/[.]/g, '\\.')} is already a collector config \\(it has sources, pipelines or sinks\\): run it as it is\n`,
        ),
      ),
    });
  });

  test('dry-run exits 2 when the --input file cannot be read', async () => {
    const result = await run(['dry-run', '-c', file, '--input', path.join(dir, 'missing.log')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot read --input');
  });

  test.each([
    [
      'a loki_push source',
      'sources.push',
      (port: number) => `push: { type: loki_push, listen_port: ${port}, forward_to: [sinks.out] }`,
    ],
    [
      'an otlp_grpc source',
      'sources.grpc',
      (port: number) =>
        `grpc: { type: otlp_grpc, listen_address: 127.0.0.1, listen_port: ${port}, forward_to: [sinks.out] }`,
    ],
  ])('run names %s and its address, and exits 1, when another program holds its port', async (_name, id, source) => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as net.AddressInfo).port;
    try {
      fs.writeFileSync(
        file,
        `server: { http_listen_port: 0 }\nstorage_path: ${dir}/data\nsources:\n  ${source(port)}\nsinks:\n  out: { type: stdout }\n`,
      );
      const result = await run(['run', '-c', file, '--log-level', 'error']);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `collector: ${id}: cannot listen on 127.0.0.1:${port}: the port is already in use by another program (EADDRINUSE)\n`,
      );
    } finally {
      holder.close();
    }
  });
});
