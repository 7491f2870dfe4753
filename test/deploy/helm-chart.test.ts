import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import { parse } from 'yaml';
import { createPipelineConsumer, parseConfig, type LogBatch, type LogEntry } from '@obs/collector';
import { chartDir, createParentChart, lintChart, renderChart, type K8sObject } from '../support/chart';
import { findProblems } from '../support/k8s-checks';
import { repoRoot } from '../support/repo';
import { required } from '@obs/schema/testing';

// chart-render is an approximation of `helm template` for machines without Helm; it is not Helm.
const everythingOn = [
  '--set',
  'aiSorter.enabled=true,autoscaling.enabled=true,networkPolicy.enabled=true,aiSorter.redisUrl=redis://redis:6379',
  '--api-versions',
  'monitoring.coreos.com/v1',
];

/** The collector's config file as the chart renders it into its ConfigMap. */
function collectorConfigText(objects: K8sObject[]): string {
  const text = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.endsWith('-collector'))?.data?.[
    'config.yaml'
  ];
  if (text === undefined) throw new Error('no collector ConfigMap with config.yaml');
  return text;
}

function kinds(objects: K8sObject[]): string[] {
  return objects.map((o) => `${o.kind}/${o.metadata.name}`).sort();
}

describe('helm chart', () => {
  test('renders with the default values into consistent objects', () => {
    const objects = renderChart(chartDir);
    expect(findProblems(objects)).toEqual([]);
    expect(kinds(objects)).toEqual(
      [
        'ConfigMap/release-name-telemetry-sorter-collector',
        'Deployment/release-name-telemetry-sorter-collector',
        'Pod/release-name-telemetry-sorter-test-readyz',
        'PodDisruptionBudget/release-name-telemetry-sorter-collector',
        'Role/release-name-telemetry-sorter',
        'RoleBinding/release-name-telemetry-sorter',
        'Secret/release-name-telemetry-sorter',
        'Service/release-name-telemetry-sorter-collector',
        'ServiceAccount/release-name-telemetry-sorter',
      ].sort(),
    );
  });

  test('leaves out ServiceMonitor and PrometheusRule when their API is absent', () => {
    const objects = renderChart(chartDir, ['--set', 'aiSorter.enabled=true']);
    expect(objects.filter((o) => o.kind === 'ServiceMonitor' || o.kind === 'PrometheusRule')).toEqual([]);
  });

  test('renders every optional part consistently when all are enabled', () => {
    const objects = renderChart(chartDir, everythingOn);
    expect(findProblems(objects)).toEqual([]);
    const present = new Set(objects.map((o) => o.kind));
    for (const kind of [
      'HorizontalPodAutoscaler',
      'NetworkPolicy',
      'ServiceMonitor',
      'PrometheusRule',
      'PodDisruptionBudget',
    ]) {
      expect(present).toContain(kind);
    }
    expect(
      objects
        .filter((o) => o.kind === 'Deployment')
        .map((o) => o.metadata.name)
        .sort(),
    ).toEqual(['release-name-telemetry-sorter-ai-sorter', 'release-name-telemetry-sorter-collector']);
    // With an HPA the Deployment must not pin replicas, or every sync would fight the autoscaler.
    for (const d of objects.filter((o) => o.kind === 'Deployment')) expect(d.spec.replicas).toBeUndefined();
  });

  test('runs the collector as a DaemonSet reading node logs when mode is daemonset', () => {
    const objects = renderChart(chartDir, ['--set', 'collector.mode=daemonset,aiSorter.enabled=true']);
    expect(findProblems(objects)).toEqual([]);
    const ds = objects.find((o) => o.kind === 'DaemonSet');
    expect(
      ds?.spec.template.spec.volumes.some((v: { hostPath?: { path: string } }) => v.hostPath?.path === '/var/log/pods'),
    ).toBe(true);
    // A DaemonSet is not autoscaled or disrupted by count: no PDB or HPA may point at the collector.
    expect(objects.filter((o) => o.kind === 'PodDisruptionBudget').map((o) => o.metadata.name)).toEqual([
      'release-name-telemetry-sorter-ai-sorter',
    ]);
  });

  test.each(['deployment', 'daemonset'])('renders a collector config the collector accepts in %s mode', (mode) => {
    const objects = renderChart(chartDir, ['--set', `collector.mode=${mode}`]);
    const text = collectorConfigText(objects);
    const config = parseConfig(text, 'config.yaml', {});
    expect(config.sources.map((s) => s.id).includes('kubernetes_pods')).toBe(mode === 'daemonset');
  });

  test('labels a pod log line by namespace, pod and container and unwraps CRI in daemonset mode', async () => {
    const objects = renderChart(chartDir, ['--set', 'collector.mode=daemonset']);
    const text = collectorConfigText(objects);
    const pods = required(
      parseConfig(text, 'config.yaml', {}).pipelines.find((p) => p.id === 'kubernetes_pods'),
      'a kubernetes_pods pipeline',
    );
    const received: LogEntry[] = [];
    const next = { consume: async (batch: LogBatch) => void received.push(...batch.entries) };
    const pipeline = createPipelineConsumer(pods, {
      registry: new Registry(),
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      resolve: () => next,
    });
    const filename = '/var/log/pods/shop_web-7d9f_0c1d2e3f-aaaa-bbbb-cccc-1234567890ab/app/0.log';
    const entry: LogEntry = {
      timestampNs: 1n,
      line: '2026-11-22T08:00:00.123456789Z stdout F GET /cart 200',
      labels: { filename },
      structuredMetadata: {},
      extracted: {},
    };
    await pipeline.consume({ entries: [entry] }, new AbortController().signal);
    expect(received.map((e) => ({ line: e.line, labels: e.labels, ts: e.timestampNs }))).toEqual([
      {
        line: 'GET /cart 200',
        labels: { namespace: 'shop', pod: 'web-7d9f', container: 'app', stream: 'stdout' },
        ts: BigInt(Date.parse('2026-11-22T08:00:00Z')) * 1_000_000n + 123_456_789n,
      },
    ]);
  });

  test('runs every container non-root with a read-only root filesystem and probes on /healthz and /readyz', () => {
    const objects = renderChart(chartDir, everythingOn);
    for (const w of objects.filter((o) => o.kind === 'Deployment')) {
      expect(w.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      for (const c of w.spec.template.spec.containers) {
        expect(c.securityContext.readOnlyRootFilesystem).toBe(true);
        expect(c.securityContext.allowPrivilegeEscalation).toBe(false);
        expect(c.livenessProbe.httpGet.path).toBe('/healthz');
        expect(c.readinessProbe.httpGet.path).toBe('/readyz');
      }
    }
  });

  test('rolls the collector pods when its config changes', () => {
    const checksum = (objects: K8sObject[]) =>
      objects.find((o) => o.kind === 'Deployment' && o.metadata.name.endsWith('-collector'))?.spec.template.metadata
        .annotations['checksum/config'];
    const before = checksum(renderChart(chartDir));
    const after = checksum(renderChart(chartDir, ['--set', 'collector.config.server.http_listen_port=12346']));
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    expect(after).not.toBe(before);
  });

  test('uses an existing Secret instead of creating one when existingSecret is set', () => {
    const objects = renderChart(chartDir, ['--set', 'secrets.existingSecret=team-telemetry,aiSorter.enabled=true']);
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    expect(findProblems(objects, { secrets: ['team-telemetry'] })).toEqual([]);
    const sorter = objects.find((o) => o.metadata.name.endsWith('-ai-sorter') && o.kind === 'Deployment');
    const key = sorter?.spec.template.spec.containers[0].env.find((e: { name: string }) => e.name === 'XAI_API_KEY');
    expect(key.valueFrom.secretKeyRef.name).toBe('team-telemetry');
  });

  test('rejects values that break the schema with the key named', () => {
    expect(() => renderChart(chartDir, ['--set', 'collector.mode=sidecar'])).toThrow(/collector\.mode/);
  });

  test('lints clean with defaults and with everything enabled', () => {
    expect(lintChart(chartDir)).toMatch(/0 chart\(s\) failed/);
    expect(lintChart(chartDir, everythingOn)).toMatch(/0 chart\(s\) failed/);
  });

  test('sends pipelines.default to the Loki and OTLP endpoints of collector.output, and OTLP traces and metrics to OTLP', () => {
    const text = collectorConfigText(
      renderChart(chartDir, [
        '--set',
        'collector.output.lokiUrl=http://loki-gateway.monitoring.svc/loki/api/v1/push,collector.output.lokiTenantId=team-a,collector.output.otlpEndpoint=http://otel.monitoring.svc:4318,collector.output.stdout=false',
      ]),
    );
    const config = parseConfig(text, 'config.yaml', {});
    expect(config.sinks.map((s) => s.id).sort()).toEqual(['loki', 'otlp']);
    const raw = parse(text) as {
      pipelines: { default: { forward_to: string[] } };
      sinks: Record<string, Record<string, unknown>>;
      sources: Record<string, Record<string, unknown>>;
    };
    expect(raw.pipelines.default.forward_to).toEqual(['sinks.loki', 'sinks.otlp']);
    expect(raw.sinks.loki).toEqual({
      type: 'loki',
      url: 'http://loki-gateway.monitoring.svc/loki/api/v1/push',
      tenant_id: 'team-a',
    });
    for (const id of ['otlp_http', 'otlp_grpc'])
      expect(raw.sources[id]).toMatchObject({ traces_forward_to: ['sinks.otlp'], metrics_forward_to: ['sinks.otlp'] });
  });

  test('writes entries to stdout by default, so a fresh install shows them in kubectl logs', () => {
    const raw = parse(collectorConfigText(renderChart(chartDir))) as {
      pipelines: { default: { forward_to: string[] } };
      sinks: Record<string, unknown>;
    };
    expect(raw.pipelines.default.forward_to).toEqual(['sinks.stdout']);
    expect(Object.keys(raw.sinks)).toEqual(['stdout']);
  });

  test('refuses to render a default config that sends pipelines.default nowhere, naming collector.output', () => {
    expect(() => renderChart(chartDir, ['--set', 'collector.output.stdout=false'])).toThrow(/collector\.output/);
  });

  test('uses collector.configOverride exactly as given, without the defaults Helm would merge into collector.config', () => {
    const override = {
      server: { http_listen_address: '0.0.0.0', http_listen_port: 12345 },
      storage_path: '/var/lib/collector',
      sources: {
        otlp: { type: 'otlp_http', listen_address: '0.0.0.0', listen_port: 4318, forward_to: ['pipelines.app'] },
      },
      pipelines: { app: { stages: [{ classify: { url: '${SORTER_URL:-}' } }], forward_to: ['sinks.loki'] } },
      sinks: { loki: { type: 'loki', url: 'http://loki:3100/loki/api/v1/push' } },
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-values-'));
    try {
      fs.writeFileSync(path.join(dir, 'values.yaml'), JSON.stringify({ collector: { configOverride: override } }));
      const text = collectorConfigText(renderChart(chartDir, ['-f', path.join(dir, 'values.yaml')]));
      expect(parse(text)).toEqual(override);
      expect(parseConfig(text, 'config.yaml', {}).pipelines.map((p) => p.id)).toEqual(['app']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("keeps the README's values table in step with values.schema.json and values.yaml", () => {
    expect(() =>
      execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'chart-readme.js'), '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });

  test('gives NOTES.txt commands that run as written: a port-forward is never chained to the command that needs it', () => {
    const notes = fs.readFileSync(path.join(chartDir, 'templates', 'NOTES.txt'), 'utf8');
    for (const line of notes.split('\n').filter((l) => l.includes('port-forward'))) expect(line).not.toMatch(/&&|;/);
  });

  describe('as a sub-chart', () => {
    let parent: string;
    afterEach(() => fs.rmSync(parent, { recursive: true, force: true }));

    test('takes names from the parent release and honours global registry and pull secrets', () => {
      parent = createParentChart(
        [
          'global:',
          '  imageRegistry: registry.example.com',
          '  imagePullSecrets: [regcred]',
          'telemetry-sorter:',
          '  enabled: true',
          '  aiSorter:',
          '    enabled: true',
          '',
        ].join('\n'),
      );
      const objects = renderChart(parent, ['--release-name', 'obs', '--namespace', 'platform']);
      expect(findProblems(objects)).toEqual([]);
      const ours = objects.filter((o) => o.metadata.labels?.['app.kubernetes.io/name'] === 'telemetry-sorter');
      expect(ours.length).toBeGreaterThan(5);
      for (const o of ours) {
        expect(o.metadata.name.startsWith('obs-telemetry-sorter')).toBe(true);
        expect(o.metadata.namespace).toBe('platform');
      }
      for (const w of ours.filter((o) => o.kind === 'Deployment')) {
        const pod = w.spec.template.spec;
        expect(pod.imagePullSecrets).toEqual([{ name: 'regcred' }]);
        for (const c of pod.containers) expect(c.image.startsWith('registry.example.com/telemetry-sorter/')).toBe(true);
      }
      expect(objects.some((o) => o.kind === 'ConfigMap' && o.metadata.name === 'obs-platform')).toBe(true);
    });

    test("renders from the packaged .tgz with the README's dependencies snippet and parent values", () => {
      const readme = fs.readFileSync(path.join(chartDir, 'README.md'), 'utf8');
      const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
      const dependencies = required(
        blocks.find((b) => b.startsWith('dependencies:')),
        "the README's dependencies snippet",
      );
      const values = required(
        blocks.find((b) => b.includes('telemetry-sorter:\n  enabled: true')),
        "the README's parent values snippet",
      );
      parent = fs.mkdtempSync(path.join(os.tmpdir(), 'parent-chart-'));
      fs.writeFileSync(
        path.join(parent, 'Chart.yaml'),
        `apiVersion: v2\nname: platform\nversion: 1.0.0\n${dependencies}`,
      );
      fs.writeFileSync(path.join(parent, 'values.yaml'), values);
      // What `helm dependency update` leaves in charts/ for a file:// repository: the packaged chart.
      execFileSync(
        process.execPath,
        [path.join(repoRoot, 'scripts', 'chart-package.js'), path.join(parent, 'charts')],
        { stdio: 'pipe' },
      );
      expect(fs.readdirSync(path.join(parent, 'charts'))).toEqual(['telemetry-sorter-0.1.0.tgz']);
      const objects = renderChart(parent, ['--release-name', 'obs']);
      expect(findProblems(objects)).toEqual([]);
      const workloads = objects
        .filter((o) => o.kind === 'Deployment')
        .map((o) => o.metadata.name)
        .sort();
      expect(workloads).toEqual(['obs-telemetry-sorter-ai-sorter', 'obs-telemetry-sorter-collector']);
      for (const o of objects.filter((x) => x.kind === 'Deployment')) {
        for (const c of o.spec.template.spec.containers)
          expect(c.image.startsWith('registry.example.com/telemetry-sorter/')).toBe(true);
      }
      expect(parse(collectorConfigText(objects)).sinks.loki.url).toBe(
        'http://loki-gateway.monitoring.svc/loki/api/v1/push',
      );
    });

    test('renders nothing of ours when the parent disables it', () => {
      parent = createParentChart('telemetry-sorter:\n  enabled: false\n');
      const objects = renderChart(parent, ['--release-name', 'obs']);
      expect(objects.map((o) => o.metadata.name)).toEqual(['obs-platform']);
    });
  });
});
