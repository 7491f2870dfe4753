import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  buildImages,
  checkTag,
  describeWithDocker,
  docker,
  health,
  hostPort,
  images,
  stopContainer,
} from '../support/docker';
import { waitFor } from '@obs/schema/testing';
import { freePort } from '../support/ports';
import { findOnPath, repoRoot } from '../support/repo';

// Builds both images from the working tree and runs them on a real Docker engine (.ci/run starts one; base images are
// the stand-ins of ../shared/tools/offline-images), then brings up the compose stack with the project's test doubles
// where this machine has no image (Loki, Tempo, an LLM). One file, so the images are built once per run.
const graceSeconds = 10;
// Read-only root filesystem, every capability dropped, no privilege escalation; the image's own USER (node).
const hardened = ['--read-only', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges'];
const runId = randomBytes(4).toString('hex');

interface ReceivedEntry {
  labels: Record<string, string>;
  line: string;
  structuredMetadata: Record<string, string>;
}

describeWithDocker('the images and the compose stack on a real Docker engine', (bin) => {
  const containers: string[] = [];

  beforeAll(async () => {
    await buildImages();
  }, 1_200_000);

  afterAll(async () => {
    for (const c of containers) await docker(bin, ['rm', '-f', '-v', c]).catch(() => undefined);
  });

  async function start(image: string, name: string, args: string[]): Promise<string> {
    const container = `tsort-${name}-${runId}`;
    containers.push(container);
    await docker(bin, ['run', '-d', '--name', container, ...hardened, ...args, image]);
    expect((await docker(bin, ['exec', container, 'id', '-u'])).trim()).not.toBe('0');
    await waitFor(
      async () => (await health(bin, container)) === 'healthy',
      `${name} healthy by its HEALTHCHECK`,
      90_000,
      100,
    );
    return container;
  }

  test('the ai-sorter image answers /classify read-only and non-root, and stops with exit 0 within its grace period', async () => {
    const c = await start(images.aiSorter, 'ai-sorter', ['-p', '127.0.0.1::8080']);
    const port = await hostPort(bin, c, 8080);
    const res = await fetch(`http://127.0.0.1:${port}/classify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ type: 'log', body: 'ERROR db-1: connection refused to 10.0.0.7:5432' }] }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: { severity: string; decided_by: string }[] };
    expect(body.results).toEqual([expect.objectContaining({ severity: 'error', decided_by: 'rules' })]);
    expect(await stopContainer(bin, c, graceSeconds)).toEqual({ exitCode: 0, seconds: expect.any(Number) });
  }, 180_000);

  test('the collector image runs its default config: a Loki push and an OTLP log come out on stdout, classified', async () => {
    const c = await start(images.collector, 'collector', ['-p', '127.0.0.1::3500', '-p', '127.0.0.1::4318']);
    const now = `${Date.now()}000000`;
    const push = await fetch(`http://127.0.0.1:${await hostPort(bin, c, 3500)}/loki/api/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        streams: [{ stream: { job: `push-${runId}` }, values: [[now, 'ERROR payment gateway timeout after 30s']] }],
      }),
    });
    expect(push.status).toBe(204);
    const otlp = await fetch(`http://127.0.0.1:${await hostPort(bin, c, 4318)}/v1/logs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        resourceLogs: [
          {
            resource: { attributes: [{ key: 'service.name', value: { stringValue: `otlp-${runId}` } }] },
            scopeLogs: [
              {
                logRecords: [
                  { timeUnixNano: now, body: { stringValue: 'java.lang.OutOfMemoryError: Java heap space' } },
                ],
              },
            ],
          },
        ],
      }),
    });
    expect(otlp.status).toBe(200);
    const entries = async () =>
      (await docker(bin, ['logs', c]))
        .split('\n')
        .filter((l) => l.startsWith('{"ts"') && l.includes('"line"'))
        .map((l) => JSON.parse(l) as { labels: Record<string, string> });
    await waitFor(async () => (await entries()).length >= 2, "both lines on the collector's stdout", 30_000, 100);
    const byJob = (await entries()).find((e) => e.labels.job === `push-${runId}`);
    const byService = (await entries()).find((e) => e.labels.service_name === `otlp-${runId}`);
    expect(byJob?.labels).toMatchObject({ detected_level: 'error' });
    expect(byService?.labels).toMatchObject({ detected_level: 'critical', forward_to: 'alerting' });
    expect(await stopContainer(bin, c, graceSeconds)).toEqual({ exitCode: 0, seconds: expect.any(Number) });
  }, 180_000);

  const composeBin = findOnPath('docker-compose');
  (composeBin ? describe : describe.skip)(
    `docker-compose --profile ai up${composeBin ? '' : ' (skipped: docker-compose not installed; .ci/run installs it)'}`,
    () => {
      const project = `tsort-check-${runId}`;
      const env: NodeJS.ProcessEnv = { ...process.env, VERSION: checkTag, BIND_ADDRESS: '127.0.0.1' };
      const compose = (args: string[], timeoutMs?: number) => {
        if (!composeBin) throw new Error('docker-compose is not installed');
        return docker(
          composeBin,
          [
            '-p',
            project,
            '-f',
            'docker-compose.yaml',
            '-f',
            'test/deploy/compose.stand-ins.yaml',
            '--profile',
            'ai',
            ...args,
          ],
          env,
          timeoutMs,
        );
      };
      const containerOf = async (service: string) => (await compose(['ps', '-q', service])).trim();
      const inspectUrl = async (service: string, port: number) =>
        `http://127.0.0.1:${await hostPort(bin, await containerOf(service), port)}/received`;

      beforeAll(async () => {
        for (const name of [
          'OTLP_GRPC_PORT',
          'OTLP_HTTP_PORT',
          'LOKI_PUSH_PORT',
          'COLLECTOR_HTTP_PORT',
          'AI_SORTER_PORT',
          'LOKI_PORT',
          'PROMETHEUS_PORT',
          'TEMPO_PORT',
          'GRAFANA_PORT',
        ]) {
          env[name] = String(await freePort());
        }
        Object.assign(env, {
          SORTER_API_KEY: randomBytes(16).toString('hex'),
          XAI_API_KEY: 'llm-stub-key',
          LLM_BASE_URL: 'http://llm-stub:8081/v1',
          COLLECTOR_CONFIG: 'config.yaml',
        });
        fs.mkdirSync(path.join(repoRoot, 'data', 'logs'), { recursive: true });
        await compose(['up', '-d', 'collector', 'ai-sorter', 'llm-stub'], 300_000);
        for (const service of ['collector', 'ai-sorter']) {
          await waitFor(
            async () => (await health(bin, await containerOf(service))) === 'healthy',
            `${service} healthy`,
            120_000,
            100,
          );
        }
      }, 420_000);

      afterAll(async () => {
        await compose(['down', '-v', '--remove-orphans'], 120_000).catch(() => undefined);
      }, 150_000);

      test("the sorter refuses a /classify without SORTER_API_KEY, so the collector's answers below prove it sends the key", async () => {
        const res = await fetch(`http://127.0.0.1:${env.AI_SORTER_PORT}/classify`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ items: [{ type: 'log', body: 'hello' }] }),
        });
        expect(res.status).toBe(401);
      });

      test("a line pushed into the collector reaches the Loki destination classified by the sorter's LLM answer", async () => {
        const received = await inspectUrl('loki', 3101);
        const marker = `checkout-${runId}`;
        const fromSorter = async () =>
          ((await (await fetch(received)).json()) as ReceivedEntry[]).find(
            (e) => e.line.includes(marker) && e.structuredMetadata.decided_by === 'cache',
          );
        let n = 0;
        // The first line of a new template is decided by the collector's rules while the sorter is asked; later lines
        // of the template carry the sorter's (LLM) answer from the collector's cache.
        await waitFor(
          async () => {
            const push = await fetch(`http://127.0.0.1:${env.LOKI_PUSH_PORT}/loki/api/v1/push`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                streams: [
                  {
                    stream: { job: 'compose-check' },
                    values: [
                      [
                        `${Date.now()}000000`,
                        `ERROR ${marker}: payment provider unreachable, order ${++n} not charged`,
                      ],
                    ],
                  },
                ],
              }),
            });
            expect(push.status).toBe(204);
            return (await fromSorter()) !== undefined;
          },
          'a line decided by the sorter at the Loki receiver',
          90_000,
          100,
        );
        const entry = await fromSorter();
        // The fake LLM's answer (services/ai-sorter/test/fake-llm-server.ts): error about something unreachable.
        expect(entry?.labels).toMatchObject({
          job: 'compose-check',
          detected_level: 'error',
          collector: 'local-stack',
        });
        expect(entry?.structuredMetadata).toMatchObject({
          category: 'availability',
          forward_to: 'alerting',
          decided_by: 'cache',
        });
        const calls = (await (await fetch(await inspectUrl('llm-stub', 8082))).json()) as {
          items: { text: string }[];
        }[];
        expect(calls.some((c) => c.items.some((i) => i.text.includes(marker)))).toBe(true);
      }, 120_000);

      test('Prometheus scrapes the collector and the ai-sorter and loads the alert rules', async () => {
        const prometheus = `http://127.0.0.1:${env.PROMETHEUS_PORT}`;
        type Series = { metric: { job: string }; value: [number, string] };
        const up = async () =>
          ((await (await fetch(`${prometheus}/api/v1/query?query=up`)).json()) as { data: { result: Series[] } }).data
            .result;
        await waitFor(
          async () => (await up()).filter((s) => s.value[1] === '1').length === 2,
          'both targets up',
          60_000,
          100,
        );
        expect((await up()).map((s) => [s.metric.job, s.value[1]]).sort()).toEqual([
          ['ai-sorter', '1'],
          ['collector', '1'],
        ]);
        const rules = (await (await fetch(`${prometheus}/api/v1/rules`)).json()) as {
          data: { groups: { name: string; rules: unknown[] }[] };
        };
        const expected = fs
          .readdirSync(path.join(repoRoot, 'monitoring', 'alerts'))
          .filter((f) => f.endsWith('.yaml'))
          .flatMap((f) =>
            (
              parse(fs.readFileSync(path.join(repoRoot, 'monitoring', 'alerts', f), 'utf8')) as {
                groups: { name: string }[];
              }
            ).groups.map((g) => g.name),
          );
        expect(rules.data.groups.map((g) => g.name).sort()).toEqual(expected.sort());
        expect(rules.data.groups.every((g) => g.rules.length > 0)).toBe(true);
      }, 90_000);

      test('docker-compose stop ends the collector and the ai-sorter with exit 0 within their grace period', async () => {
        for (const service of ['collector', 'ai-sorter']) {
          expect({ service, ...(await stopContainer(bin, await containerOf(service), graceSeconds)) }).toEqual({
            service,
            exitCode: 0,
            seconds: expect.any(Number),
          });
        }
      }, 90_000);
    },
  );
});
