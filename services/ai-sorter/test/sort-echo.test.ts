import request from 'supertest';
import type { Redactor, RedactorOptions } from '@obs/pii';
import { startSorter, type RunningSorter } from './support/start-sorter';

// Every redactor the app builds on this thread hands what it is asked to redact to this list (worker threads load the
// built package and are not counted).
const mockRedacted: unknown[] = [];
jest.mock('@obs/pii', () => {
  const actual = jest.requireActual<typeof import('@obs/pii')>('@obs/pii');
  const counted = (redactor: Redactor): Redactor => ({
    types: redactor.types,
    redact: (text) => (mockRedacted.push(text), redactor.redact(text)),
    redactBatch: (texts) => (mockRedacted.push(...texts), redactor.redactBatch(texts)),
    redactBatchWithReplacements: (texts) => (mockRedacted.push(...texts), redactor.redactBatchWithReplacements(texts)),
    redactRecord: (value) => (mockRedacted.push(value), redactor.redactRecord(value)),
    redactRecords: (values) => (mockRedacted.push(...values), redactor.redactRecords(values)),
    redactLines: (texts) => (mockRedacted.push(...texts), redactor.redactLines(texts)),
    redactLinesWithReplacements: (texts) => (mockRedacted.push(...texts), redactor.redactLinesWithReplacements(texts)),
  });
  return { ...actual, createRedactor: (options?: RedactorOptions) => counted(actual.createRedactor(options)) };
});

const { createRedactor } = jest.requireActual<typeof import('@obs/pii')>('@obs/pii');

// Contents as seed clients send them: lines whose quotes, tabs and line breaks JSON escapes, a line whose user only the
// line's own reading finds, and records whose values only their keys or siblings reveal.
const contents: Array<string | Record<string, unknown>> = [
  'alice ALL=(ALL:ALL) NOPASSWD: /usr/bin/apt-get',
  'Run echo "::add-mask::lpcyPF6KucpvFRY3qB6A"',
  'keepalived.conf:\n    auth_type PASS\n    auth_pass FbtXjQ7N\n',
  'Connect\tbwang@192.110.180.16 on billing using SSL/TLS',
  'disk full on /var',
  { message: 'Failed password for root from 203.0.113.9 port 22', level: 'warning' },
  { msg: 'login', auth: 'Zq81bXk2Lw93nHf0Tt5sRv7YpQe4Ma6c', user: { type: 'user', name: 'orlaith.b' }, n: 3 },
  { event: 'config', body: '[mysql]\nuser=m.rossi\npassword=er14ZKiYw6C8RX', hosts: ['10.0.0.7', 'db-1'] },
];
const items = contents.map((content, i) => ({ type: 'log', content, timestamp: `2026-01-01T00:00:0${i}Z` }));

/** How often the redactors on this thread were handed this content whole. */
function timesRedacted(content: string | Record<string, unknown>): number {
  const same = (seen: unknown) =>
    typeof content === 'string' ? seen === content : JSON.stringify(seen) === JSON.stringify(content);
  return mockRedacted.filter(same).length;
}

describe('/sort echoes the items as the per-item step redacted them', () => {
  let sorter: RunningSorter | undefined;
  beforeEach(() => {
    mockRedacted.length = 0;
  });
  afterEach(async () => {
    await sorter?.close();
    sorter = undefined;
  });

  test('When the per-item step runs on this thread, then each content and timestamp is redacted once, not again for the echo', async () => {
    sorter = await startSorter({ SORTER_WORKERS: '0' });
    await request(sorter.url).post('/sort').send({ request_id: 'r-1', items }).expect(200);
    expect(contents.map(timesRedacted)).toEqual(contents.map(() => 1));
    expect(items.map((item) => timesRedacted(item.timestamp))).toEqual(items.map(() => 1));
  });

  test('When the per-item step runs on worker threads, then the main thread redacts no content and the echo is their redaction', async () => {
    sorter = await startSorter({ SORTER_WORKERS: '1' });
    const res = await request(sorter.url).post('/sort').send({ request_id: 'r-2', items }).expect(200);
    expect(contents.map(timesRedacted)).toEqual(contents.map(() => 0));

    const redactor = createRedactor();
    const expected = contents.map((content) =>
      typeof content === 'string'
        ? redactor.redactBatchWithReplacements([content])[0]?.text
        : redactor.redactRecord(content).value,
    );
    expect(res.body.items.map((i: { item: { content: unknown } }) => i.item.content)).toEqual(expected);
    // A record's echo is the record redaction the echo made before; a line's is the line's own reading, which keeps its
    // quotes and line breaks and finds the user a record reading of the line missed.
    expect(res.body.items[0].item.content).toBe('<USER> ALL=(ALL:ALL) NOPASSWD: /usr/bin/apt-get');
    expect(res.body.items[2].item.content).toBe('keepalived.conf:\n    auth_type PASS\n    auth_pass <SECRET_KV>\n');
    expect(res.body.items.map((i: { item: { timestamp: string } }) => i.item.timestamp)).toEqual(
      items.map((item) => item.timestamp),
    );
    expect(res.body.request_id).toBe('r-2');
  });
});

describe('/sort and /classify let nothing of the client out unredacted', () => {
  let sorter: RunningSorter | undefined;
  afterEach(async () => {
    await sorter?.close();
    sorter = undefined;
  });

  test('When a timestamp or the body request_id carries an address, then the echo carries neither', async () => {
    sorter = await startSorter({ SORTER_WORKERS: '1' });
    const res = await request(sorter.url)
      .post('/sort')
      .set('X-Request-Id', 'plain-7')
      .send({
        request_id: 'job for jane.roe@example.com',
        items: [{ type: 'log', content: 'disk full', timestamp: '2026-01-01 by jane.roe@example.com from 10.9.8.7' }],
      })
      .expect(200);
    expect(res.text).not.toContain('jane.roe@example.com');
    expect(res.text).not.toContain('10.9.8.7');
    expect(res.body.items[0].item.timestamp).toBe('2026-01-01 by <EMAIL> from <IPV4>');
    expect(res.body.request_id).toBe('plain-7');
  });

  test('When a content nests a field named __proto__, then the echo keeps it, redacted', async () => {
    sorter = await startSorter({ SORTER_WORKERS: '1' });
    const res = await request(sorter.url)
      .post('/sort')
      .set('Content-Type', 'application/json')
      .send('{"items":[{"type":"log","content":{"message":"hi","meta":{"__proto__":{"owner":"ana@example.org"}}}}]}')
      .expect(200);
    expect(res.text).toContain('"content":{"message":"hi","meta":{"__proto__":{"owner":"<EMAIL>"}}}');
  });

  test('When a content or its attributes have a top-level field named __proto__, then the echo keeps it', async () => {
    sorter = await startSorter({ SORTER_WORKERS: '1' });
    const res = await request(sorter.url)
      .post('/sort')
      .set('Content-Type', 'application/json')
      .send('{"items":[{"type":"log","content":{"__proto__":{"owner":"ana@example.org"},"message":"hi"}}]}')
      .expect(200);
    expect(res.text).toContain('"content":{"__proto__":{"owner":"<EMAIL>"},"message":"hi"}');
  });

  test.each(['/sort', '/classify'])(
    'When %s is sent a field named by an address, then the error names the field redacted',
    async (path) => {
      sorter = await startSorter({ SORTER_WORKERS: '0' });
      const item = path === '/sort' ? { type: 'log', content: 'x' } : { type: 'log', body: 'x' };
      const res = await request(sorter.url)
        .post(path)
        .send({ items: [{ ...item, 'jane.roe@example.com': 1 }] })
        .expect(400);
      expect(res.text).not.toContain('jane.roe@example.com');
      expect(res.body.error.issues).toEqual([{ path: 'items.0', message: 'Unrecognized key: "<EMAIL>"' }]);
      expect(sorter.logs.join('\n')).not.toContain('jane.roe@example.com');
    },
  );
});
