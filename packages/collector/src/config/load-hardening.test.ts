import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, formatIssue, type ConfigIssue } from '../errors';
import { parseConfig } from './load';

function issuesOf(text: string, file = '/cfg/collector.yaml'): string[] {
  try {
    parseConfig(text, file, {});
  } catch (err) {
    if (err instanceof ConfigError) return err.issues.map((i: ConfigIssue) => formatIssue(i));
    throw err;
  }
  throw new Error('expected a ConfigError');
}

const PUSH = 'sources:\n  push: { type: loki_push, listen_port: 0, forward_to: [sinks.out] }\n';

describe('parseConfig on files a user should be told about', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collector-config-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each([
    ['an empty file', ''],
    ['a file of comments only', '# nothing yet\n'],
    ['an empty mapping', '{}\n'],
  ])('refuses %s with the file and line', (_what, text) => {
    expect(issuesOf(text)).toEqual([
      '/cfg/collector.yaml:1:1 the config is empty: it needs at least one source, e.g. `sources: { push: { type: loki_push, forward_to: [sinks.out] } }`',
    ]);
  });

  test('refuses a YAML alias bomb with the file and line of its first alias', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 8; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const issues = issuesOf(`${levels.join('\n')}\n`);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^\/cfg\/collector\.yaml:2:8 YAML: aliases expand past 1000 nodes/);
  });

  test('reports an error under server: together with the errors in sources and sinks', () => {
    const issues = issuesOf(`server:\n  http_listen_port: nope\n${PUSH}sinks:\n  out: { type: stdout, colour: red }\n`);
    expect(issues).toEqual([
      '/cfg/collector.yaml:2:3 server.http_listen_port: expected number, got string',
      '/cfg/collector.yaml:6:24 sinks.out.colour: unknown key "colour"',
    ]);
  });

  test('reports an unknown top-level key together with the other errors', () => {
    const issues = issuesOf(`sink:\n  out: { type: stdout }\n${PUSH}`);
    expect(issues).toEqual([
      expect.stringMatching(/^\/cfg\/collector\.yaml:1:1 sink: unknown key "sink"/),
      expect.stringMatching(/^\/cfg\/collector\.yaml:4:\d+ sources\.push\.forward_to\[0\]: .*sinks\.out/),
    ]);
  });

  test.each(['/proc/collector', '/sys/fs/collector'])('refuses storage_path %s with a clear message', (storage) => {
    expect(issuesOf(`storage_path: ${storage}\n${PUSH}sinks:\n  out: { type: stdout }\n`)).toEqual([
      `/cfg/collector.yaml:1:1 storage_path: ${storage} is under /${storage.split('/')[1]}, a kernel filesystem where nothing can be stored; choose a folder on disk`,
    ]);
  });

  test.each(['path', 'traces_path'])(
    'refuses a file sink %s under /proc, where creating its folder would spin forever',
    (key) => {
      const extra = key === 'path' ? '' : `, ${key}: /proc/nope/t.ndjson`;
      const file = key === 'path' ? '/proc/nope/out.ndjson' : `${dir}/out.ndjson`;
      expect(issuesOf(`${PUSH}sinks:\n  out: { type: file, path: ${file}${extra} }\n`)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^/cfg/collector\\.yaml:4:\\d+ sinks\\.out\\.${key}: /proc/nope/\\w+\\.ndjson is under /proc, a kernel filesystem`,
          ),
        ),
      ]);
    },
  );

  test('refuses a file sink whose path is a folder', () => {
    const issues = issuesOf(`${PUSH}sinks:\n  out: { type: file, path: ${dir} }\n`, path.join(dir, 'collector.yaml'));
    expect(issues).toEqual([
      `${path.join(dir, 'collector.yaml')}:4:22 sinks.out.path: ${dir} is a folder; give a file in it, e.g. ${path.join(dir, 'out.ndjson')}`,
    ]);
  });

  test("resolves relative paths from the config file's folder, not the working directory", () => {
    const config = parseConfig(
      `storage_path: ./state\nsources:\n  app: { type: file, targets: [{ __path__: ./logs/*.log }], forward_to: [sinks.out] }\nsinks:\n  out: { type: file, path: ../out/app.ndjson }\n`,
      path.join(dir, 'conf', 'collector.yaml'),
      {},
    );
    expect(config.storage_path).toBe(path.join(dir, 'conf', 'state'));
    expect(config.sources[0].config).toMatchObject({
      targets: [{ __path__: path.join(dir, 'conf', 'logs', '*.log') }],
    });
    expect(config.sinks[0].config).toMatchObject({ path: path.join(dir, 'out', 'app.ndjson') });
  });

  test('leaves labels and headers alone, even when their names look like paths', () => {
    const config = parseConfig(
      `sources:
  app: { type: file, targets: [{ __path__: /var/log/*.log, log_path: ./relative, path: x }], forward_to: [sinks.out] }
  push: { type: loki_push, listen_port: 0, labels: { path: ./a, source_dir: b }, forward_to: [sinks.out] }
sinks:
  out: { type: loki, url: "http://127.0.0.1:3100/loki/api/v1/push", external_labels: { cluster_path: ./c }, headers: { x_path: ./d } }
`,
      path.join(dir, 'collector.yaml'),
      {},
    );
    expect(config.sources[0].config).toMatchObject({
      targets: [{ __path__: '/var/log/*.log', log_path: './relative', path: 'x' }],
    });
    expect(config.sources[1].config).toMatchObject({ labels: { path: './a', source_dir: 'b' } });
    expect(config.sinks[0].config).toMatchObject({
      external_labels: { cluster_path: './c' },
      headers: { x_path: './d' },
    });
  });
});
