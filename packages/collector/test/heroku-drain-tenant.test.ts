import * as http from 'node:http';
import { createMemoryConsumer } from '../src/testing/memory-consumer';
import { herokuDrainSourceConfig } from '../src/sources/heroku-drain/config';
import { HerokuDrainSource } from '../src/sources/heroku-drain/source';
import { createTestContext } from './support/sink-context';

// A drain whose X-Scope-OrgID Loki would refuse is answered before its body is read: the client below announces
// 10 MiB, sends one frame and waits; the 400 must come while the rest of the body is still unsent.
describe('heroku_drain source with tenant_from_push', () => {
  let source: HerokuDrainSource | undefined;
  afterEach(async () => {
    await source?.shutdown(AbortSignal.timeout(1000));
    source = undefined;
  });

  test('refuses a bad X-Scope-OrgID header with a 400 naming it, without reading the body', async () => {
    const sink = createMemoryConsumer();
    const ctx = { ...createTestContext('sources.drain'), next: sink };
    source = new HerokuDrainSource(herokuDrainSourceConfig.parse({ listen_port: 0, tenant_from_push: true }), ctx);
    await source.start();
    const msg = '<190>1 2026-12-06T10:00:01+00:00 host app web.1 - Started GET "/"';
    const firstFrame = `${Buffer.byteLength(msg)} ${msg}`;
    const announced = 10 * 1024 * 1024;
    let req: http.ClientRequest | undefined;
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      req = http.request(
        {
          host: '127.0.0.1',
          port: source?.port,
          path: '/heroku/api/v1/drain',
          method: 'POST',
          headers: {
            'Content-Type': 'application/logplex-1',
            'Content-Length': String(announced),
            'X-Scope-OrgID': 'team a',
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      // The rest of the announced body is never sent: a server waiting for it would never answer.
      req.write(firstFrame);
    });
    req?.destroy();
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('X-Scope-OrgID header: tenant id "team a" is not valid for Loki');
    expect(sink.entries).toHaveLength(0);
    // Bounded: a server that waited for the unsent body would time out here.
  }, 10_000);
});
