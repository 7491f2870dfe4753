import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '@obs/collector';
import { describeWithBinary, repoRoot } from '../support/repo';

const composeFile = path.join(repoRoot, 'docker-compose.yaml');

describeWithBinary('docker-compose', 'docker-compose.yaml', (bin) => {
  test('is valid for docker-compose with and without the ai profile', () => {
    fs.mkdirSync(path.join(repoRoot, 'data', 'logs'), { recursive: true });
    expect(() =>
      execFileSync(bin, ['-f', composeFile, 'config', '-q'], { cwd: repoRoot, stdio: 'pipe' }),
    ).not.toThrow();
    expect(() =>
      execFileSync(bin, ['-f', composeFile, '--profile', 'ai', 'config', '-q'], { cwd: repoRoot, stdio: 'pipe' }),
    ).not.toThrow();
  });
});

describe('docker-compose.yaml services', () => {
  const compose = parse(fs.readFileSync(composeFile, 'utf8'));

  // "${BIND_ADDRESS:-127.0.0.1}:${OTLP_GRPC_PORT:-4317}:4317" -> address, variable, default host port, container port
  const ports = Object.values(compose.services as Record<string, { ports?: string[] }>).flatMap((s) => s.ports ?? []);
  const published = ports
    .map((p) => /^\$\{BIND_ADDRESS:-([^}]+)\}:\$\{([A-Z_]+):-(\d+)\}:(\d+)$/.exec(String(p)))
    .filter((m) => m !== null);

  test('publishes the ports users of this stack expect, each movable by a variable, on 127.0.0.1 unless told', () => {
    expect(published).toHaveLength(ports.length);
    expect(new Set(published.map((m) => m[1]))).toEqual(new Set(['127.0.0.1']));
    for (const port of [4317, 4318, 3500, 12345, 3100, 9090, 3200, 3000, 8080])
      expect(published.map((m) => Number(m[3]))).toContain(port);
    expect(new Set(published.map((m) => m[2])).size).toBe(published.length);
  });

  test('documents every port variable in .env.example', () => {
    const example = fs.readFileSync(path.join(repoRoot, '.env.example'), 'utf8');
    for (const m of published) expect(example).toMatch(new RegExp(`^# ${m[2]}=${m[3]}$`, 'm'));
    expect(example).toMatch(/^# BIND_ADDRESS=127\.0\.0\.1$/m);
  });

  test('passes every GRAFANA_CLOUD_* variable of .env.example to the collector, and the grafana-cloud config uses each', () => {
    const example = fs.readFileSync(path.join(repoRoot, '.env.example'), 'utf8');
    const config = fs.readFileSync(
      path.join(repoRoot, 'deploy', 'local-stack', 'collector', 'grafana-cloud.yaml'),
      'utf8',
    );
    const names = [...example.matchAll(/^(GRAFANA_CLOUD_[A-Z_]+)=/gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      expect({ name, passed: compose.services.collector.environment[name] }).toEqual({ name, passed: `\${${name}:-}` });
      expect({ name, used: config.includes(`\${${name}}`) }).toEqual({ name, used: true });
    }
  });

  test('gives Grafana Cloud sinks with basic auth when the .env.example GRAFANA_CLOUD_* values are filled in', async () => {
    const env = {
      GRAFANA_CLOUD_TOKEN: 'glc_example',
      GRAFANA_CLOUD_REGION: 'prod-eu-west-2',
      GRAFANA_CLOUD_STACK_ID: '123456',
      GRAFANA_CLOUD_LOKI_URL: 'https://logs-prod-012.grafana.net',
      GRAFANA_CLOUD_LOKI_USER: '654321',
      GRAFANA_CLOUD_PROMETHEUS_URL: 'https://prometheus-prod-24-prod-eu-west-2.grafana.net',
      GRAFANA_CLOUD_PROMETHEUS_USER: '987654',
    };
    const config = await loadConfig(
      path.join(repoRoot, 'deploy', 'local-stack', 'collector', 'grafana-cloud.yaml'),
      env,
    );
    const sinks = Object.fromEntries(
      config.sinks.map((s) => [
        s.id,
        s.config as { url?: string; endpoint?: string; basic_auth?: { username: string } },
      ]),
    );
    expect(sinks.grafana_cloud_logs).toMatchObject({
      url: 'https://logs-prod-012.grafana.net/loki/api/v1/push',
      basic_auth: { username: '654321' },
    });
    expect(sinks.grafana_cloud_metrics).toMatchObject({
      url: 'https://prometheus-prod-24-prod-eu-west-2.grafana.net/api/prom/push',
      basic_auth: { username: '987654' },
    });
    expect(sinks.grafana_cloud_otlp).toMatchObject({
      endpoint: 'https://otlp-gateway-prod-eu-west-2.grafana.net/otlp',
      basic_auth: { username: '123456' },
    });
  });

  test('hands SORTER_API_KEY to the sorter as its required key and to the collector, whose config sends it', () => {
    expect(compose.services['ai-sorter'].environment.SORTER_API_KEYS).toBe('${SORTER_API_KEY:-}');
    expect(compose.services.collector.environment.SORTER_API_KEY).toBe('${SORTER_API_KEY:-}');
    for (const file of ['config.yaml', 'grafana-cloud.yaml']) {
      expect(fs.readFileSync(path.join(repoRoot, 'deploy', 'local-stack', 'collector', file), 'utf8')).toMatch(
        /api_key: \$\{SORTER_API_KEY:-\}/,
      );
    }
  });

  test('puts the ai-sorter behind the ai profile and points the collector at it', () => {
    expect(compose.services['ai-sorter'].profiles).toEqual(['ai']);
    expect(compose.services.collector.profiles).toBeUndefined();
    expect(compose.services.collector.environment.SORTER_URL).toBe('http://ai-sorter:8080');
  });

  test('mounts only config files that exist in the repository', () => {
    for (const [name, service] of Object.entries(compose.services as Record<string, { volumes?: string[] }>)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0];
        if (!source.startsWith('./') || source.startsWith('./data')) continue;
        expect({ service: name, source, exists: fs.existsSync(path.join(repoRoot, source)) }).toEqual({
          service: name,
          source,
          exists: true,
        });
      }
    }
  });
});
