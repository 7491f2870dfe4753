import request from 'supertest';
import { plantedSecrets } from '@obs/pii/testing';
import { useFakeLlmFixture } from './support/fake-llm-fixture';

// Issue 11's end-to-end check: one planted value of every kind, sent the ways a client sends them (line bodies,
// structured content, item ids, attribute keys and values, X-Request-Id), and none may come back out anywhere.
const planted = plantedSecrets();
const emailInId = 'zq.planted.id@example.org';
const ipAsKey = '198.51.100.23';
const requestIdToken = planted.find((p) => p.kind.startsWith('github token'))?.value ?? '';

describe('planted secrets through /classify', () => {
  const { fake, startSorter } = useFakeLlmFixture();

  test('When every kind of secret and identity is planted in a batch, then no LLM request, response, log line or metric carries one', async () => {
    const sorter = await startSorter({ LLM_API_KEY: 'test-llm-key', LLM_BASE_URL: fake.baseUrl, LOG_LEVEL: 'debug' });
    const items = [
      ...planted.map((p, i) => ({ id: `line-${i}`, type: 'log', body: p.line })),
      {
        id: `order/${emailInId}`,
        type: 'log',
        body: 'ERROR payment declined for order',
        attributes: { [ipAsKey]: 'edge', note: planted[0]?.line },
      },
      { type: 'event', content: { message: 'config dump', lines: planted.slice(0, 10).map((p) => p.line) } },
    ];
    const outputs: string[] = [];
    const send = async (path: string, body: object) => {
      const res = await request(sorter.url).post(path).set('X-Request-Id', requestIdToken).send(body);
      outputs.push(JSON.stringify(res.headers), res.text);
      return res;
    };

    fake.behave({ kind: 'answer' });
    const answered = await send('/classify', { items });
    expect(answered.status).toBe(200);
    expect(answered.body.results).toHaveLength(items.length);
    fake.behave({ kind: 'server_error' });
    expect(
      (await send('/classify', { items: items.slice(0, 5).map(({ id, ...item }) => ({ ...item, id: `again-${id}` })) }))
        .status,
    ).toBe(200);
    expect(
      (await send('/sort', { items: planted.slice(0, 5).map((p) => ({ type: 'log', content: { message: p.line } })) }))
        .status,
    ).toBe(200);
    const metrics = await request(sorter.url).get('/metrics');
    outputs.push(metrics.text);

    expect(fake.calls.length).toBeGreaterThan(0);
    const prompts = fake.calls.map((c) => c.rawBody).join('\n');
    const logs = sorter.logs.join('\n');
    const leaks = [
      ...planted.map((p) => [p.kind, p.value]),
      ['email in an id', emailInId],
      ['ip as an attribute key', ipAsKey],
      ['token as X-Request-Id', requestIdToken],
    ]
      .flatMap(([kind, value]) => [
        prompts.includes(value) ? `${kind} reached the LLM` : '',
        outputs.join('\n').includes(value) ? `${kind} is in a response or /metrics` : '',
        logs.includes(value) ? `${kind} is in a log line` : '',
      ])
      .filter((leak) => leak !== '');
    expect(leaks).toEqual([]);
    // The client still gets a usable id back: the redacted form, in order.
    expect(answered.body.results.map((r: { id: string }) => r.id).slice(-2, -1)).toEqual(['order/<EMAIL>']);
  });
});
