import request from 'supertest';
import { useFakeLlmFixture } from './support/fake-llm-fixture';
import { ownCharacters, ownSecrets as secrets, redactor } from './support/record-values';

// JSON log lines as an application writes them: a command with a quoted token, an INI block with its line breaks, a
// password its logger already masked, a user only its key names.
const record = (i: number) => ({
  level: 'error',
  msg: `release upload ${'again '.repeat(i)}failed for tquill@example.net`,
  cmd: ownCharacters.cmd,
  ini: ownCharacters.ini,
  password: '[FILTERED]',
  'user.name': 'tquill',
});
/** A JSON line as the collector's redact stage writes it: the same line the sorter must see. */
const asRecord = (line: string) => redactor.redactLines([line])[0]?.text ?? '';

describe('a JSON body through /classify and /sort', () => {
  const { fake, startSorter } = useFakeLlmFixture();

  test.each(['0', '1'])(
    'When string bodies are JSON log lines (SORTER_WORKERS=%s), then the LLM sees each as a JSON record redacted, its mask kept',
    async (workers) => {
      const sorter = await startSorter({
        LLM_API_KEY: 'test-llm-key',
        LLM_BASE_URL: fake.baseUrl,
        SORTER_WORKERS: workers,
      });
      fake.behave({ kind: 'answer' });
      // Each item's message of its own length: a template of its own, so each reaches the LLM.
      const lines = [0, 1, 2].map((i) => JSON.stringify(record(i)));
      const items = lines.map((body, i) => ({ id: `j-${i}`, type: 'log', body }));
      const res = await request(sorter.url).post('/classify').send({ items });
      expect(res.status).toBe(200);
      const sent = fake.calls.flatMap((call) => call.items);
      for (const [i, line] of lines.entries()) {
        const text = sent.find((item) => item.id === `j-${i}`)?.text ?? '';
        expect(text).toBe(asRecord(line));
        const fields = JSON.parse(text) as Record<string, string>;
        expect(fields).toMatchObject({
          cmd: 'release upload v3.1 --token "<TOKEN>" --clobber',
          ini: '[db]\nuser=<USER>\npassword=<SECRET_KV>\n',
          password: '[FILTERED]',
          'user.name': '<USER>',
        });
      }
      // The templates come from the redacted record's message field.
      expect(res.body.results.map((r: { template: { text: string } }) => r.template.text)).toEqual(
        lines.map((_, i) => `release upload ${'again '.repeat(i)}failed for <*>`),
      );
      const prompts = fake.calls.map((c) => c.rawBody).join('\n');
      for (const secret of secrets) expect(prompts + res.text).not.toContain(secret);
    },
  );

  test('When /sort echoes a string content that is a JSON line, then the echo is that line redacted as a record, still JSON', async () => {
    const sorter = await startSorter({ SORTER_WORKERS: '0' });
    const line = JSON.stringify(record(0));
    const res = await request(sorter.url)
      .post('/sort')
      .send({ items: [{ type: 'log', content: line }] });
    expect(res.status).toBe(200);
    const echoed = res.body.items[0].item.content as string;
    expect(echoed).toBe(asRecord(line));
    expect(JSON.parse(echoed)).toMatchObject({ password: '[FILTERED]', cmd: expect.stringContaining('"<TOKEN>"') });
    for (const secret of secrets) expect(res.text).not.toContain(secret);
  });
});

describe('a JSON body written back in place, through /classify', () => {
  const { fake, startSorter } = useFakeLlmFixture();

  test('When a JSON body has an integer-like key, a number past 2^53, a number spelled 1.50 and spaces, then the LLM sees it as sent with only the email replaced', async () => {
    const sorter = await startSorter({ LLM_API_KEY: 'test-llm-key', LLM_BASE_URL: fake.baseUrl, SORTER_WORKERS: '0' });
    fake.behave({ kind: 'answer' });
    const body = '{"user":"jane.roe@example.com", "2":1,"id":12345678901234567890,"n":1.50}';
    const res = await request(sorter.url)
      .post('/classify')
      .send({ items: [{ id: 'kept', type: 'log', body }] });
    expect(res.status).toBe(200);
    const text = fake.calls.flatMap((call) => call.items).find((item) => item.id === 'kept')?.text;
    expect(text).toBe('{"user":"<EMAIL>", "2":1,"id":12345678901234567890,"n":1.50}');
  });

  test('When a JSON body nested 100,000 deep beside an integer-like key escapes an email, then neither the template nor the LLM sees it', async () => {
    const sorter = await startSorter({ LLM_API_KEY: 'test-llm-key', LLM_BASE_URL: fake.baseUrl, SORTER_WORKERS: '0' });
    fake.behave({ kind: 'answer' });
    // The record reads `\u0040` as the `@` it is, at any depth, and its text is written back in place.
    const depth = 100_000;
    const body = `{"msg":"reset sent to jane.roe\\u0040example.com","1":"a","deep":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const res = await request(sorter.url)
      .post('/classify')
      .send({ items: [{ id: 'deep', type: 'log', body }] });
    expect(res.status).toBe(200);
    const template = res.body.results[0].template.text as string;
    expect(template).not.toContain('jane.roe');
    const prompts = fake.calls.map((c) => c.rawBody).join('\n');
    expect(prompts + res.text).not.toContain('jane.roe@');
    expect(prompts).not.toContain('jane.roe\\\\u0040');
  });
});
