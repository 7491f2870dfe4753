import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { chartDir, renderChart } from '../support/chart';
import { builtEntry, repoRoot } from '../support/repo';

const collectorBin = path.join(repoRoot, 'packages', 'collector', 'bin', 'collector.js');
const localStackConfig = path.join(repoRoot, 'deploy', 'local-stack', 'collector', 'config.yaml');

/** `collector validate -c file` as "<exit code>\n<output>", so a failure shows the issues it reports. */
function validate(file: string, env: Record<string, string> = {}): string {
  const run = spawnSync(process.execPath, [collectorBin, 'validate', '-c', file], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 30_000,
  });
  return `${run.status}\n${run.stdout}${run.stderr}`;
}

/** The collector config.yaml of the rendered chart's collector ConfigMap, written to a temp file. */
function renderedCollectorConfig(args: string[]): string {
  const configMaps = renderChart(chartDir, args).filter(
    (o) => o.kind === 'ConfigMap' && o.data?.['config.yaml'] !== undefined,
  );
  expect(configMaps).toHaveLength(1);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chart-config-')), 'config.yaml');
  fs.writeFileSync(file, configMaps[0]?.data?.['config.yaml'] as string);
  return file;
}

describe('collector configs shipped in deploy/', () => {
  beforeAll(() => {
    builtEntry('@obs/collector/cli');
  });

  test('validates the local stack config when run with the environment docker-compose.yaml gives it', () => {
    expect(
      validate(localStackConfig, { SORTER_URL: 'http://ai-sorter:8080', SORTER_API_KEY: '', GRAFANA_CLOUD_TOKEN: '' }),
    ).toMatch(/^0\nOK /);
  });

  test('listens where docker-compose.yaml publishes and mounts when compared with the collector service', () => {
    const config = parse(fs.readFileSync(localStackConfig, 'utf8')) as {
      server: { http_listen_port: number };
      storage_path: string;
      sources: Record<string, { type: string; listen_port?: number; targets?: { __path__: string }[] }>;
    };
    const service = (
      parse(fs.readFileSync(path.join(repoRoot, 'docker-compose.yaml'), 'utf8')) as {
        services: { collector: { ports: string[]; volumes: string[] } };
      }
    ).services.collector;
    // Ports read "${BIND_ADDRESS:-127.0.0.1}:${NAME:-4317}:4317": the container port is the last field.
    const published = service.ports.map((p) => Number(p.split(':').at(-1)));
    const listening = [
      config.server.http_listen_port,
      ...Object.values(config.sources).flatMap((s) => (s.listen_port === undefined ? [] : [s.listen_port])),
    ];
    expect(listening.sort((a, b) => a - b)).toEqual([...published].sort((a, b) => a - b));
    const mountTargets = service.volumes.map((v) => v.split(':')[1]);
    expect(mountTargets).toContain(config.storage_path);
    const tailed = Object.values(config.sources).flatMap((s) =>
      (s.targets ?? []).map((t) => path.posix.dirname(t.__path__)),
    );
    expect(tailed.length).toBeGreaterThan(0);
    for (const dir of tailed) expect(mountTargets).toContain(dir);
  });

  test('validates the Helm chart ConfigMap config when rendered with the default values', () => {
    expect(validate(renderedCollectorConfig([]))).toMatch(/^0\nOK /);
  });
});
