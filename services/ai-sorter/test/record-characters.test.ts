import request from 'supertest';
import { useFakeLlmFixture } from './support/fake-llm-fixture';
import { ownCharacters as values, ownSecrets as secrets, redactor } from './support/record-values';

/** Each value as the redactor reads it alone: what it must read as in a record. */
const alone = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, redactor.redact(v).text]));

describe("a record value's own characters through /classify and /sort", () => {
  const { fake, startSorter } = useFakeLlmFixture();

  test.each(['0', '1'])(
    'When attributes and JSON content hold such values (SORTER_WORKERS=%s), then the LLM sees each as it reads alone',
    async (workers) => {
      const sorter = await startSorter({
        LLM_API_KEY: 'test-llm-key',
        LLM_BASE_URL: fake.baseUrl,
        SORTER_WORKERS: workers,
      });
      fake.behave({ kind: 'answer' });
      // One value per item (the prompt clips an item's attributes to 400 characters), each item's text of its own
      // length, so that each is a template of its own and reaches the LLM.
      const keys = Object.keys(values);
      const text = (i: number, head: string) => `${head} ${'again '.repeat(i)}failed`;
      const items = keys.flatMap((k, i) => [
        {
          id: `a-${k}`,
          type: 'log',
          body: text(i, 'ERROR upload'),
          attributes: { 'service.name': 'ci', [k]: values[k] },
        },
        { id: `c-${k}`, type: 'event', content: { message: text(i, 'release'), list: [values[k]] } },
      ]);
      const res = await request(sorter.url).post('/classify').send({ items });
      expect(res.status).toBe(200);
      const sent = fake.calls.flatMap((call) => call.items);
      const attributes = (id: string) => JSON.parse(sent.find((i) => i.id === id)?.attributes ?? '{}') as unknown;
      for (const k of keys) {
        expect(attributes(`a-${k}`)).toEqual({ 'service.name': 'ci', [k]: alone[k] });
        expect(attributes(`c-${k}`)).toEqual({ message: text(keys.indexOf(k), 'release'), list: [alone[k]] });
      }
      const prompts = fake.calls.map((c) => c.rawBody).join('\n');
      for (const secret of secrets) expect(prompts + res.text).not.toContain(secret);
    },
  );

  test('When /sort echoes JSON content holding such values, then each reads as it does alone', async () => {
    const sorter = await startSorter({ SORTER_WORKERS: '0' });
    const content = { message: 'release failed', ...values, nested: { list: [values.ini, values.reply] } };
    const res = await request(sorter.url)
      .post('/sort')
      .send({ items: [{ type: 'event', content }] });
    expect(res.status).toBe(200);
    expect(res.body.items[0].item.content).toEqual({
      message: 'release failed',
      ...alone,
      nested: { list: [alone.ini, alone.reply] },
    });
    for (const secret of secrets) expect(res.text).not.toContain(secret);
  });
});
