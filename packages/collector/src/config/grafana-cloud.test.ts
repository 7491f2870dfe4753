import { parse } from 'yaml';
import { lokiSinkConfig } from '../sinks/loki/config';
import { otlpSinkConfig } from '../sinks/otlp/config';
import { PrometheusRemoteWriteConfig } from '../sinks/prometheus-remote-write/config';
import { ConfigError } from '../errors';
import { expandGrafanaCloud } from './grafana-cloud';
import { parseConfig } from './load';

const expand = (yaml: string) => expandGrafanaCloud(parse(yaml));
const sinksOf = (value: unknown) => (value as { sinks: Record<string, Record<string, unknown>> }).sinks;
const basic = (user: string, token: string) => ({ username: user, password: token });

describe('expandGrafanaCloud', () => {
  test('expands logs, metrics and the OTLP gateway into three basic-auth sinks when all are given', () => {
    const { value, issues } = expand(`
grafana_cloud:
  token: glc_abc
  region: prod-eu-west-2
  stack_id: 111
  logs: { url: https://logs-prod-012.grafana.net, user: 222 }
  metrics: { url: "https://prometheus-prod-24-prod-eu-west-2.grafana.net/", user: "333" }
sinks:
  local: { type: file, path: ./out.ndjson }
`);
    expect(issues).toEqual([]);
    expect(value).not.toHaveProperty('grafana_cloud');
    expect(sinksOf(value)).toEqual({
      local: { type: 'file', path: './out.ndjson' },
      grafana_cloud_logs: {
        type: 'loki',
        url: 'https://logs-prod-012.grafana.net/loki/api/v1/push',
        basic_auth: basic('222', 'glc_abc'),
      },
      grafana_cloud_metrics: {
        type: 'prometheus_remote_write',
        url: 'https://prometheus-prod-24-prod-eu-west-2.grafana.net/api/prom/push',
        basic_auth: basic('333', 'glc_abc'),
      },
      grafana_cloud_otlp: {
        type: 'otlp',
        endpoint: 'https://otlp-gateway-prod-eu-west-2.grafana.net/otlp',
        basic_auth: basic('111', 'glc_abc'),
      },
    });
  });

  test('produces sink configs the loki, prometheus_remote_write and otlp schemas accept when expanded', () => {
    const { value } = expand(`
grafana_cloud:
  token: glc_abc
  sink_prefix: gc
  region: eu-west-2
  stack_id: 111
  logs: { url: https://logs-prod-012.grafana.net/loki/api/v1/push, user: 222 }
  metrics: { url: https://prometheus-prod-24-prod-eu-west-2.grafana.net, user: 333 }
`);
    const { type: lokiType, ...loki } = sinksOf(value).gc_logs;
    const { type: promType, ...prom } = sinksOf(value).gc_metrics;
    const { type: otlpType, ...otlp } = sinksOf(value).gc_otlp;
    expect([lokiType, promType, otlpType]).toEqual(['loki', 'prometheus_remote_write', 'otlp']);
    expect(lokiSinkConfig.safeParse(loki).success).toBe(true);
    expect(PrometheusRemoteWriteConfig.safeParse(prom).success).toBe(true);
    expect(otlpSinkConfig.safeParse(otlp).success).toBe(true);
    expect(loki.url).toBe('https://logs-prod-012.grafana.net/loki/api/v1/push');
  });

  test('adds prod- to a bare region when deriving the OTLP gateway', () => {
    const { value } = expand('grafana_cloud: { token: t, region: us-central-0, stack_id: "9" }');
    expect(sinksOf(value).grafana_cloud_otlp.endpoint).toBe('https://otlp-gateway-prod-us-central-0.grafana.net/otlp');
  });

  test('leaves a config without grafana_cloud untouched', () => {
    const raw = { sinks: { a: { type: 'stdout' } } };
    expect(expandGrafanaCloud(raw)).toEqual({ value: raw, issues: [], unbuiltSinks: [] });
  });

  test.each([
    ['needs a token', 'grafana_cloud: { logs: { url: "https://l.grafana.net", user: 1 } }', 'grafana_cloud.token'],
    ['needs something to set up', 'grafana_cloud: { token: t }', 'grafana_cloud'],
    [
      'needs a stack id for the OTLP gateway',
      'grafana_cloud: { token: t, region: prod-eu-west-2 }',
      'grafana_cloud.stack_id',
    ],
    [
      'rejects a region of the wrong shape',
      'grafana_cloud: { token: t, region: europe, stack_id: 1 }',
      'grafana_cloud.region',
    ],
    [
      'rejects unknown keys',
      'grafana_cloud: { token: t, region: prod-eu-west-2, stack_id: 1, tempo: {} }',
      'grafana_cloud.tempo',
    ],
    [
      'refuses to overwrite a sink of the same id',
      'grafana_cloud: { token: t, region: prod-eu-west-2, stack_id: 1 }\nsinks: { grafana_cloud_otlp: { type: stdout } }',
      'sinks.grafana_cloud_otlp',
    ],
  ])('%s when validating', (_name, yaml, path) => {
    const { issues } = expand(yaml);
    expect(issues.map((i) => i.path.join('.'))).toContain(path);
  });

  test('never puts the token in an issue message when the block is invalid', () => {
    const { issues } = expand('grafana_cloud: { token: glc_supersecret, region: nowhere }');
    expect(issues.length).toBeGreaterThan(0);
    expect(JSON.stringify(issues)).not.toContain('glc_supersecret');
  });

  test('gives the collector validated sinks with the token from the environment when loaded through parseConfig', () => {
    const text = [
      'grafana_cloud:',
      '  token: ${GRAFANA_CLOUD_TOKEN}',
      '  region: prod-eu-west-2',
      '  stack_id: 111',
      '  metrics: { url: https://prometheus-prod-24-prod-eu-west-2.grafana.net, user: 333 }',
      'sources:',
      '  push: { type: loki_push, listen_port: 0, forward_to: [sinks.grafana_cloud_otlp] }',
    ].join('\n');
    const config = parseConfig(text, '/etc/collector/collector.yaml', { GRAFANA_CLOUD_TOKEN: 'glc_from_env' });
    const sinks = Object.fromEntries(config.sinks.map((s) => [s.id, s]));
    expect(Object.keys(sinks).sort()).toEqual(['grafana_cloud_metrics', 'grafana_cloud_otlp']);
    expect(sinks.grafana_cloud_metrics.config).toMatchObject({
      url: 'https://prometheus-prod-24-prod-eu-west-2.grafana.net/api/prom/push',
      basic_auth: { username: '333', password: 'glc_from_env' },
    });
    expect(sinks.grafana_cloud_otlp.type).toBe('otlp');
  });

  test('reports a grafana_cloud issue at its file:line:col when loaded through parseConfig', () => {
    const text = 'grafana_cloud:\n  token: t\n  region: nowhere\n';
    let error: unknown;
    try {
      parseConfig(text, '/etc/collector/collector.yaml', {});
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/^\/etc\/collector\/collector\.yaml:3:\d+ grafana_cloud\.region: /m);
  });

  test('reports only the block when it is invalid, not also every target naming a sink it would have made', () => {
    const text = [
      'grafana_cloud:',
      '  token: ${GRAFANA_CLOUD_TOKEN}',
      '  region: prod-eu-west-2',
      '  stack_id: 111',
      '  logs: { url: "", user: 222 }',
      'sources:',
      '  push: { type: loki_push, listen_port: 0, forward_to: [sinks.grafana_cloud_logs, sinks.grafana_cloud_otlp] }',
    ].join('\n');
    let error: unknown;
    try {
      parseConfig(text, '/etc/collector/collector.yaml', { GRAFANA_CLOUD_TOKEN: 'glc_from_env' });
    } catch (err) {
      error = err;
    }
    expect((error as ConfigError).issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'grafana_cloud.logs.url: invalid URL, got ""',
    ]);
  });
});
