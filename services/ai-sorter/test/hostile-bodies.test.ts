import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { ErrorBody, maxNestingDepth } from '@obs/schema';
import { metricValue, startSorter, type RunningSorter } from './support/start-sorter';

/** JSON text of an object nested `depth` deep, built as text: JSON.stringify itself overflows at this depth. */
function deepJson(depth: number, kind: 'object' | 'array'): string {
  const [open, close] = kind === 'object' ? ['{"a":', '}'] : ['[', ']'];
  return `{"top":${open.repeat(depth - 1)}"leaf"${close.repeat(depth - 1)}}`;
}

describe('hostile request bodies are 400s naming what was wrong, never 500', () => {
  let sorter: RunningSorter;
  afterEach(async () => {
    await sorter?.close();
  });

  const post = (path: string, body: string) =>
    request(sorter.url).post(path).set('content-type', 'application/json').send(body);
  // fetch, not supertest: superagent re-encodes a Buffer sent as JSON, and these bodies must arrive byte for byte.
  const postGzip = async (body: Buffer) => {
    const res = await fetch(`${sorter.url}/classify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body,
    });
    return { status: res.status, body: await res.json() };
  };

  test.each([
    [
      '/classify',
      'attributes',
      'object',
      (deep: string) => `{"items":[{"type":"log","body":"x","attributes":${deep}}]}`,
    ],
    [
      '/classify',
      'attributes',
      'array',
      (deep: string) => `{"items":[{"type":"log","body":"x","attributes":${deep}}]}`,
    ],
    ['/classify', 'body', 'object', (deep: string) => `{"items":[{"type":"log","body":${deep}}]}`],
    ['/sort', 'content', 'object', (deep: string) => `{"items":[{"type":"log","content":${deep}}]}`],
  ] as const)(
    'When %s gets %s nested 100,000 deep in %ss (up to 500 KB, under the 1 MB body limit), then 400 names the field and the limit',
    async (path, field, kind, wrap) => {
      sorter = await startSorter({});
      const body = wrap(deepJson(100_000, kind));
      expect(body.length).toBeLessThan(1024 * 1024);
      const res = await post(path, body).expect(400);
      expect(ErrorBody.parse(res.body).error.issues).toEqual([
        { path: `items.0.${field}`, message: `objects and arrays nested more than ${maxNestingDepth} deep` },
      ]);
      const metrics = (await request(sorter.url).get('/metrics')).text;
      expect(metricValue(metrics, 'sorter_http_requests_total', { status: '500' })).toBe(0);
    },
  );

  test('When attributes nest exactly as deep as the limit, then the item is classified', async () => {
    sorter = await startSorter({});
    await post(
      '/classify',
      `{"items":[{"type":"log","body":"x","attributes":${deepJson(maxNestingDepth, 'object')}}]}`,
    ).expect(200);
  });

  test('When body is a number, then 400 says a string or an object is expected and what was sent', async () => {
    sorter = await startSorter({});
    const res = await post('/classify', '{"items":[{"type":"log","body":42}]}').expect(400);
    expect(ErrorBody.parse(res.body).error.issues).toEqual([
      { path: 'items.0.body', message: 'expected a non-empty string or an object, got number' },
    ]);
  });

  test.each([
    ['not gzip at all', Buffer.from('{"items":[{"type":"log","body":"plain"}]}')],
    ['truncated gzip', gzipSync('{"items":[{"type":"log","body":"cut short"}]}').subarray(0, 20)],
  ])(
    'When Content-Encoding is gzip and the body is %s, then 400 says the body is not valid gzip',
    async (_what, body) => {
      sorter = await startSorter({});
      const res = await postGzip(body);
      expect(res.status).toBe(400);
      expect(ErrorBody.parse(res.body).error).toMatchObject({
        code: 'invalid_request',
        message: 'the request body is not valid gzip data (Content-Encoding: gzip): it could not be decompressed',
      });
    },
  );

  test('When Content-Encoding is gzip and the body is valid gzip, then it is classified', async () => {
    sorter = await startSorter({});
    expect((await postGzip(gzipSync('{"items":[{"type":"log","body":"ERROR zipped line"}]}'))).status).toBe(200);
  });

  test('When rejected bodies come one after another with one preparing slot, then each frees it and a good batch still gets in', async () => {
    sorter = await startSorter({ MAX_PREPARING_REQUESTS: '1' });
    await post('/classify', '{"items":[').expect(400);
    await post('/classify', '{"items":[{"type":"log","body":42}]}').expect(400);
    expect((await postGzip(Buffer.from('not gzip'))).status).toBe(400);
    await post('/classify', '{"items":[{"type":"log","body":"ERROR after the rejected ones"}]}').expect(200);
  });
});
