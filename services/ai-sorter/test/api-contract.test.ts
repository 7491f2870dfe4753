import request from 'supertest';
import { ClassifyResponse, ErrorBody, SortResponse } from '@obs/schema';
import { metricValue, startSorter, type RunningSorter } from './support/start-sorter';

describe('ai-sorter API without an LLM key (rules only, the embedded default)', () => {
  let sorter: RunningSorter;
  afterEach(async () => {
    await sorter?.close();
  });

  test('When a batch is posted, then every item gets a schema-valid result matched by id, decided by rules', async () => {
    sorter = await startSorter({});
    const res = await request(sorter.url)
      .post('/classify')
      .send({
        items: [
          { id: 'a', type: 'log', body: 'ERROR database connection refused to 10.0.0.7:5432' },
          { id: 'b', type: 'event', content: { message: 'user alice@example.com logged in' } },
          { id: 'c', type: 'span', body: 'GET /api/orders', attributes: { 'http.status_code': 503 } },
        ],
      })
      .expect(200);
    const body = ClassifyResponse.parse(res.body);
    expect(body.results.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(body.results.every((r) => r.decided_by === 'rules')).toBe(true);
    expect(body.stats).toMatchObject({ items: 3, decided_by: { llm: 0, cache: 0, rules: 3 }, llm_calls: 0 });
    expect(body.request_id).toBe(res.headers['x-request-id']);
    expect(JSON.stringify(body)).not.toContain('alice@example.com');
    expect(JSON.stringify(body)).not.toContain('10.0.0.7');
  });

  test('When items have no ids, then distinct ids are assigned and results keep request order', async () => {
    sorter = await startSorter({});
    const res = await request(sorter.url)
      .post('/classify')
      .send({
        items: [
          { type: 'log', body: 'one' },
          { type: 'log', body: 'two' },
          { id: 'given', type: 'log', body: 'three' },
        ],
      })
      .expect(200);
    const ids = (res.body as ClassifyResponse).results.map((r) => r.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids[2]).toBe('given');
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('When two items share an id, then 400 invalid_request names the duplicate path', async () => {
    sorter = await startSorter({});
    const res = await request(sorter.url)
      .post('/classify')
      .send({
        items: [
          { id: 'x', type: 'log', body: 'a' },
          { id: 'x', type: 'log', body: 'b' },
        ],
      })
      .expect(400);
    const body = ErrorBody.parse(res.body);
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.issues).toEqual([{ path: 'items.1.id', message: 'duplicate id, first used by items.0.id' }]);
    expect(body.error.request_id).toBe(res.headers['x-request-id']);
  });

  test('When a field is wrong, then 400 names the field path and no stack trace is sent', async () => {
    sorter = await startSorter({});
    const res = await request(sorter.url)
      .post('/classify')
      .send({
        items: [
          { type: 'log', body: 'ok' },
          { type: 'trace', body: 'x' },
        ],
      })
      .expect(400);
    const body = ErrorBody.parse(res.body);
    expect(body.error.issues?.[0]?.path).toBe('items.1.type');
    expect(res.text).not.toMatch(/at .+\.(ts|js):\d+/);
  });

  test('When the body is not JSON, then 400 invalid_request', async () => {
    sorter = await startSorter({});
    const res = await request(sorter.url)
      .post('/classify')
      .set('Content-Type', 'application/json')
      .send('{"items": [')
      .expect(400);
    expect(ErrorBody.parse(res.body).error).toMatchObject({
      code: 'invalid_request',
      message: 'the request body is not valid JSON',
    });
  });

  test.each(['null', '5', '"items"'])(
    'When the body is the JSON value %s rather than an object, then 400 says an object is expected',
    async (text) => {
      sorter = await startSorter({});
      const res = await request(sorter.url)
        .post('/classify')
        .set('Content-Type', 'application/json')
        .send(text)
        .expect(400);
      expect(ErrorBody.parse(res.body).error).toMatchObject({
        code: 'invalid_request',
        message: 'the request body must be a JSON object, {"items": [...]}',
      });
    },
  );

  test('When the batch exceeds MAX_BATCH_ITEMS, then 400 names items', async () => {
    sorter = await startSorter({ MAX_BATCH_ITEMS: '2' });
    const items = [1, 2, 3].map((n) => ({ type: 'log', body: `line ${n}` }));
    const res = await request(sorter.url).post('/classify').send({ items }).expect(400);
    expect(ErrorBody.parse(res.body).error.issues?.[0]?.path).toBe('items');
  });

  test('When the body exceeds BODY_LIMIT, then 413 body_too_large states the limit', async () => {
    sorter = await startSorter({ BODY_LIMIT: '1kb' });
    const res = await request(sorter.url)
      .post('/classify')
      .send({ items: [{ type: 'log', body: 'x'.repeat(2048) }] })
      .expect(413);
    expect(ErrorBody.parse(res.body).error).toMatchObject({
      code: 'body_too_large',
      message: 'the request body exceeds the body limit of 1024 bytes (BODY_LIMIT)',
    });
  });

  test('When the content type is not JSON, then 415 unsupported_media_type', async () => {
    sorter = await startSorter({});
    const res = await request(sorter.url).post('/classify').set('Content-Type', 'text/plain').send('hello').expect(415);
    expect(ErrorBody.parse(res.body).error.code).toBe('unsupported_media_type');
  });

  test('When API keys are set, then a missing or wrong key gets 401 and a right one (Bearer or X-API-Key) passes', async () => {
    sorter = await startSorter({ SORTER_API_KEYS: 'key-one-123456, key-two-654321' });
    const body = { items: [{ type: 'log', body: 'hello' }] };
    const missing = await request(sorter.url).post('/classify').send(body).expect(401);
    expect(ErrorBody.parse(missing.body).error.code).toBe('unauthorized');
    await request(sorter.url).post('/classify').set('Authorization', 'Bearer key-one-12345X').send(body).expect(401);
    await request(sorter.url).post('/classify').set('Authorization', 'Bearer key-two-654321').send(body).expect(200);
    await request(sorter.url).post('/classify').set('X-API-Key', 'key-one-123456').send(body).expect(200);
    await request(sorter.url).get('/healthz').expect(200);
  });

  test('When a route does not exist, then 404 not_found in the error body', async () => {
    sorter = await startSorter({});
    const res = await request(sorter.url).get('/nope').expect(404);
    expect(ErrorBody.parse(res.body).error.code).toBe('not_found');
  });

  test('When the caller sends X-Request-Id, then it is echoed in the header and the error body', async () => {
    sorter = await startSorter({});
    const res = await request(sorter.url).post('/classify').set('X-Request-Id', 'req-42').send({}).expect(400);
    expect(res.headers['x-request-id']).toBe('req-42');
    expect(ErrorBody.parse(res.body).error.request_id).toBe('req-42');
  });

  test('When /sort gets the seed contract, then it answers the seed shape with redacted items', async () => {
    sorter = await startSorter({});
    const res = await request(sorter.url)
      .post('/sort')
      .send({
        request_id: 'seed-1',
        items: [
          {
            type: 'log',
            content: { message: 'FATAL out of memory, card 4111 1111 1111 1111 declined', level: 'error' },
            timestamp: '2026-01-01T00:00:00Z',
          },
          { type: 'trace', content: 'GET /health 200 in 3ms' },
        ],
      })
      .expect(200);
    const body = SortResponse.parse(res.body);
    expect(body.request_id).toBe('seed-1');
    expect(body.success_count).toBe(2);
    expect(body.failure_count).toBe(0);
    expect(body.items[0]?.item.timestamp).toBe('2026-01-01T00:00:00Z');
    expect(body.items[1]?.item.type).toBe('trace');
    expect(['critical', 'warning', 'info']).toContain(body.items[0]?.classification.category);
    expect(res.text).not.toContain('4111 1111 1111 1111');
  });

  test('When /sort gets an empty content object, then 400 names items.0.content', async () => {
    sorter = await startSorter({});
    const res = await request(sorter.url)
      .post('/sort')
      .send({ items: [{ type: 'log', content: {} }] })
      .expect(400);
    expect(ErrorBody.parse(res.body).error.issues?.[0]?.path).toBe('items.0.content');
  });

  test('When health, readiness, docs and metrics are asked for, then each answers', async () => {
    sorter = await startSorter({});
    await request(sorter.url).get('/healthz').expect(200, { status: 'ok' });
    await request(sorter.url)
      .get('/readyz')
      .expect(200, { status: 'ready', llm: { configured: false, breaker: 'closed' } });
    const openapi = await request(sorter.url).get('/openapi.json').expect(200);
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/classify', '/sort']));
    const docs = await request(sorter.url).get('/docs').redirects(1).expect(200);
    expect(docs.text).toContain('swagger-ui');
    const init = await request(sorter.url).get('/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toContain('"/classify"');
    await request(sorter.url)
      .post('/classify')
      .send({ items: [{ type: 'log', body: 'password=hunter2 rejected' }] })
      .expect(200);
    const metrics = await request(sorter.url).get('/metrics').expect(200);
    expect(metricValue(metrics.text, 'sorter_http_requests_total', { route: '/classify', status: '200' })).toBe(1);
    expect(metricValue(metrics.text, 'sorter_items_total', { decided_by: 'rules' })).toBe(1);
    expect(metricValue(metrics.text, 'sorter_redactions_total', { type: 'secret_kv' })).toBe(1);
  });

  test("When a person presses /docs' Try it out, then the request example the OpenAPI document offers is answered 200", async () => {
    sorter = await startSorter({});
    const openapi = await request(sorter.url).get('/openapi.json').expect(200);
    const paths = openapi.body.paths as Record<string, { post: { requestBody: { content: Record<string, unknown> } } }>;
    for (const path of ['/classify', '/sort']) {
      const { example } = paths[path].post.requestBody.content['application/json'] as { example?: object };
      expect({ path, example: typeof example }).toEqual({ path, example: 'object' });
      await request(sorter.url).post(path).send(example).expect(200);
    }
  });
});
