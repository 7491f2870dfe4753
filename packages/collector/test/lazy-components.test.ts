import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const dist = path.join(__dirname, '..', 'dist');

// In a fresh process that loads what the `collector` binary loads: which packages a running config has required
// (@obs/schema's http/ entry, the Retry-After parser every sink uses, is not the API schemas and does not count).
const script = `
const path = require('path');
const dist = ${JSON.stringify(dist)};
require(path.join(dist, 'cli.js'));
const { parseConfig } = require(path.join(dist, 'config', 'load.js'));
const { runCollector } = require(path.join(dist, 'runtime', 'run-collector.js'));
const [dir, stage] = process.argv.slice(1);
const yaml = \`
server: { http_listen_address: 127.0.0.1, http_listen_port: 0 }
storage_path: \${dir}/storage
sources:
  app: { type: file, targets: [{ __path__: \${dir}/app.log }], forward_to: [pipelines.p] }
pipelines:
  p: { stages: [ \${stage} ], forward_to: [sinks.loki] }
sinks:
  loki: { type: loki, url: http://127.0.0.1:9/loki/api/v1/push }
\`;
runCollector(parseConfig(yaml, dir + '/c.yaml', {}), { logger: { debug() {}, info() {}, warn() {}, error() {} } }).then(async (running) => {
  const names = Object.keys(require.cache).map((f) => /[\\\\/]packages[\\\\/](classification|pii|sorter-client|schema(?![\\\\/]dist[\\\\/]http[\\\\/]))[\\\\/]/.exec(f)?.[1]
    ?? /node_modules[\\\\/](opossum|@jmespath-community|@grpc)[\\\\/]/.exec(f)?.[1] ?? /dist[\\\\/](sinks[\\\\/](?:otlp|prometheus-remote-write)|sources[\\\\/]otlp|processors)/.exec(f)?.[1]);
  await running.shutdown(AbortSignal.timeout(2000));
  console.log(JSON.stringify([...new Set(names.filter(Boolean).map((n) => n.replace(/\\\\/g, '/')))].sort()));
  process.exit(0);
});
`;

describe('component modules', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lazy-components-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const loadedWith = (stage: string): string[] =>
    JSON.parse(execFileSync(process.execPath, ['-e', script, dir, stage], { encoding: 'utf8' })) as string[];

  test('a file -> loki config loads no sorter client, PII, JSON, OTLP or remote write module', () => {
    expect(loadedWith('{ regex: { expression: "(?P<a>.)" } }')).toEqual([]);
  });

  test('the classify stage loads the sorter client and what it needs once a config names it', () => {
    expect(loadedWith('{ classify: {} }')).toEqual(expect.arrayContaining(['classification', 'pii', 'sorter-client']));
  });
});
