import request from 'supertest';
import type { RunningSorter } from './support/start-sorter';
import { useFakeLlmFixture } from './support/fake-llm-fixture';

// Planted values: none may appear in any response, any log line, or (for PII) any LLM prompt.
const llmKey = 'xai-PLANTED-llm-key-7f3a9c';
const sorterKey = 'sorter-PLANTED-api-key-51de';
const wrongKey = 'sorter-PLANTED-wrong-key-0a0a';
const password = 'PLANTED-hunter2-pw';
const email = 'planted.person@example.com';

describe('secrets and PII never leave in logs, responses or prompts', () => {
  const { fake, startSorter } = useFakeLlmFixture();
  let sorter: RunningSorter;

  test('When requests carry planted secrets and the LLM fails and succeeds, then no log line, response or prompt contains them', async () => {
    sorter = await startSorter({
      LLM_API_KEY: llmKey,
      LLM_BASE_URL: fake.baseUrl,
      SORTER_API_KEYS: sorterKey,
      LOG_LEVEL: 'debug',
    });
    const items = [
      { type: 'log', body: `login failed for ${email} password=${password}` },
      {
        type: 'event',
        content: { message: 'config reloaded', api_key: sorterKey, note: `contact ${email}` },
        attributes: { token: password },
      },
    ];
    const responses: string[] = [];
    const send = async (path: string, body: object, key: string) => {
      const res = await request(sorter.url).post(path).set('Authorization', `Bearer ${key}`).send(body);
      responses.push(JSON.stringify(res.headers), res.text);
      return res;
    };
    expect((await send('/classify', { items }, wrongKey)).status).toBe(401);
    fake.behave({ kind: 'server_error' });
    expect((await send('/classify', { items }, sorterKey)).status).toBe(200);
    fake.behave({ kind: 'answer' });
    expect(
      (
        await send(
          '/classify',
          { items: [{ type: 'log', body: `ERROR sync failed token=${password} for ${email} again` }] },
          sorterKey,
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await send(
          '/sort',
          { items: [{ type: 'log', content: { message: `reset for ${email}`, password } }] },
          sorterKey,
        )
      ).status,
    ).toBe(200);
    expect(
      (await send('/classify', { items: [{ type: 'bogus', body: `password=${password}` }] }, sorterKey)).status,
    ).toBe(400);

    const logs = sorter.logs.join('\n');
    expect(sorter.logs.length).toBeGreaterThan(4);
    expect(fake.calls.length).toBeGreaterThan(0);
    const prompts = fake.calls.map((c) => c.rawBody).join('\n');
    for (const secret of [llmKey, sorterKey, wrongKey, password, email]) {
      expect(logs).not.toContain(secret);
      expect(responses.join('\n')).not.toContain(secret);
    }
    for (const pii of [password, email, sorterKey]) expect(prompts).not.toContain(pii);
  });
});
