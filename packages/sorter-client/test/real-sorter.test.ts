import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createApp, createDeps, loadConfig, type SorterDeps } from '@obs/ai-sorter';
import { createSorterClient, type SorterClient } from '../src';

// The real ai-sorter app (no LLM key: rules + cache, its embedded default) on a loopback port.
async function startRealSorter(env: Record<string, string>): Promise<{ url: string; close(): Promise<void> }> {
  const logStream = new Writable({ write: (_chunk, _enc, done) => done() });
  const deps: SorterDeps = createDeps(loadConfig({ LOG_LEVEL: 'error', ...env }), { logStream, defaultMetrics: false });
  const server: Server = createApp(deps.app).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await deps.close();
    },
  };
}

describe('createSorterClient against the real ai-sorter app', () => {
  let sorter: { url: string; close(): Promise<void> } | undefined;
  let client: SorterClient | undefined;

  afterEach(async () => {
    await client?.close(AbortSignal.timeout(1000));
    await sorter?.close();
    client = undefined;
    sorter = undefined;
  });

  test('gets a schema-valid result per item, matched by id, when the api key is right', async () => {
    sorter = await startRealSorter({ SORTER_API_KEYS: 'right-key' });
    client = createSorterClient({ url: sorter.url, apiKey: 'right-key' });
    const outcomes = await client.classifyMany([
      { id: 'a', type: 'log', body: 'ERROR database connection refused to 10.0.0.7:5432' },
      { id: 'b', type: 'span', body: 'GET /api/orders', attributes: { 'http.status_code': 503 } },
      { type: 'log', body: 'user 42 viewed /home' },
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['answered', 'answered', 'answered']);
    const [a, b] = outcomes.map((o) => (o.status === 'answered' ? o.result : undefined));
    expect(a).toMatchObject({ id: 'a', severity: 'error', decided_by: 'rules' });
    expect(b).toMatchObject({ id: 'b', decided_by: 'rules' });
    expect(JSON.stringify(a)).not.toContain('10.0.0.7');
  });

  test('falls back with http_error and keeps the breaker closed when the api key is wrong', async () => {
    sorter = await startRealSorter({ SORTER_API_KEYS: 'right-key' });
    client = createSorterClient({
      url: sorter.url,
      apiKey: 'wrong-key',
      breaker: { volumeThreshold: 1, errorThresholdPercentage: 1 },
    });
    for (let i = 0; i < 3; i++)
      expect(await client.classify({ type: 'log', body: `x ${i}` })).toEqual({
        status: 'unanswered',
        reason: 'http_error',
      });
    expect(client.breakerState).toBe('closed');
  });
});
