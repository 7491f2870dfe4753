import { ConfigError, type ConfigIssue } from '../errors';
import { parseConfig } from './load';

const FILE = '/cfg/collector.yaml';

function issuesOf(text: string): string[] {
  try {
    parseConfig(text, FILE, {});
  } catch (err) {
    if (err instanceof ConfigError)
      return err.issues.map((i: ConfigIssue) => `${i.file}:${i.line}:${i.col} ${i.path}: ${i.message}`);
    throw err;
  }
  return [];
}

// Real sink types: the check reads each registered definition's `takes`.
const SINKS = `
sinks:
  metrics: { type: prometheus_remote_write, url: "http://127.0.0.1:9090/api/v1/write" }
  loki: { type: loki, url: "http://127.0.0.1:3100/loki/api/v1/push" }
  tempo: { type: otlp, endpoint: "http://127.0.0.1:4318" }
`;

describe('checkSignals (through the loader)', () => {
  test('reports a pipeline forwarding log entries to a prometheus_remote_write sink with file:line:col and key path', () => {
    expect(
      issuesOf(`
pipelines:
  app:
    stages: [{ static_labels: { values: { a: b } } }]
    forward_to: [sinks.loki, sinks.metrics]
${SINKS}`),
    ).toEqual([
      `${FILE}:5:30 pipelines.app.forward_to[1]: sinks.metrics is a prometheus_remote_write sink: it takes metrics, not log entries`,
    ]);
  });

  test('reports route and default targets and a source forward_to when they name a metrics-only sink', () => {
    expect(
      issuesOf(`
sources:
  push: { type: loki_push, listen_port: 0, forward_to: [sinks.metrics] }
pipelines:
  app:
    stages: [{ static_labels: { values: { a: b } } }]
    routes:
      - { selector: '{a="b"}', forward_to: [sinks.metrics] }
    default_forward_to: [sinks.metrics]
${SINKS}`),
    ).toEqual([
      `${FILE}:3:57 sources.push.forward_to[0]: sinks.metrics is a prometheus_remote_write sink: it takes metrics, not log entries`,
      `${FILE}:8:45 pipelines.app.routes[0].forward_to[0]: sinks.metrics is a prometheus_remote_write sink: it takes metrics, not log entries`,
      `${FILE}:9:26 pipelines.app.default_forward_to[0]: sinks.metrics is a prometheus_remote_write sink: it takes metrics, not log entries`,
    ]);
  });

  test('reports OTLP traces and metrics sent to sinks that do not take them, and accepts the sinks that do', () => {
    expect(
      issuesOf(`
sources:
  otlp:
    type: otlp_http
    listen_port: 0
    forward_to: [sinks.loki]
    traces_forward_to: [sinks.tempo, sinks.metrics]
    metrics_forward_to: [sinks.metrics, sinks.tempo, sinks.loki]
${SINKS}`),
    ).toEqual([
      `${FILE}:7:38 sources.otlp.traces_forward_to[1]: sinks.metrics is a prometheus_remote_write sink: it takes metrics, not traces`,
      `${FILE}:8:54 sources.otlp.metrics_forward_to[2]: sinks.loki is a loki sink: it takes log entries, not metrics`,
    ]);
  });

  test('accepts log entries into log sinks when pipelines chain into them', () => {
    expect(
      issuesOf(`
pipelines:
  first:
    stages: [{ static_labels: { values: { a: b } } }]
    forward_to: [pipelines.second]
  second:
    stages: [{ static_labels: { values: { c: d } } }]
    forward_to: [sinks.loki, sinks.tempo]
${SINKS}`),
    ).toEqual([]);
  });
});
