import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const dist = path.join(__dirname, '..', 'dist', 'index.js');

// In a fresh process from the built dist: which of the OTLP modules a running collector has loaded.
const script = `
const c = require(${JSON.stringify(dist)});
const [dir, withOtlp] = process.argv.slice(1);
const otlp = withOtlp === 'yes' ? 'otlp: { type: otlp_grpc, listen_address: 127.0.0.1, listen_port: 0, forward_to: [sinks.loki] }' : '';
const yaml = \`
server: { http_listen_address: 127.0.0.1, http_listen_port: 0 }
storage_path: \${dir}/storage
sources:
  app: { type: file, targets: [{ __path__: \${dir}/app.log }], forward_to: [sinks.loki] }
  \${otlp}
sinks:
  loki: { type: loki, url: http://127.0.0.1:9/loki/api/v1/push }
\`;
c.runCollector(c.parseConfig(yaml, dir + '/c.yaml', {}), { logger: { debug() {}, info() {}, warn() {}, error() {} } }).then(async (running) => {
  const loaded = Object.keys(require.cache).filter((f) => /@grpc[\\\\/]grpc-js|generated[\\\\/]root/.test(f)).map((f) => (f.includes('grpc-js') ? 'grpc' : 'otlp-proto'));
  await running.shutdown(AbortSignal.timeout(2000));
  console.log(JSON.stringify([...new Set(loaded)].sort()));
  process.exit(0);
});
`;

describe('module loading', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lazy-modules-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const loadedWith = (withOtlp: 'yes' | 'no'): string[] =>
    JSON.parse(execFileSync(process.execPath, ['-e', script, dir, withOtlp], { encoding: 'utf8' })) as string[];

  test('leaves gRPC and the OTLP protobuf modules unloaded when no component moves OTLP', () => {
    expect(loadedWith('no')).toEqual([]);
  });

  test('loads gRPC when an otlp_grpc source starts, and the protobuf types only with its first request', () => {
    expect(loadedWith('yes')).toEqual(['grpc']);
  });
});
