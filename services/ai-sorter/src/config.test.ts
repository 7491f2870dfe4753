import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  test('applies the documented defaults when the environment is empty', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 8080, maxBatchItems: 500, bodyLimit: '1mb', apiKeys: [], logLevel: 'info' });
    expect(c.llm).toEqual({
      apiKey: undefined,
      baseUrl: 'https://api.x.ai/v1',
      model: 'grok-3-mini',
      timeoutMs: 10000,
      maxTemplatesPerCall: 20,
    });
    expect(c.redisUrl).toBeUndefined();
  });

  test('prefers LLM_API_KEY over XAI_API_KEY and splits SORTER_API_KEYS when both are set', () => {
    const c = loadConfig({ XAI_API_KEY: 'xai-1', LLM_API_KEY: 'llm-1', SORTER_API_KEYS: ' a , b,,' });
    expect(c.llm.apiKey).toBe('llm-1');
    expect(c.apiKeys).toEqual(['a', 'b']);
  });

  test('uses XAI_API_KEY when LLM_API_KEY is empty', () => {
    expect(loadConfig({ XAI_API_KEY: 'xai-1', LLM_API_KEY: '' }).llm.apiKey).toBe('xai-1');
  });

  test('reports every bad variable with its value, except secrets, when several are wrong', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '70000', LOG_LEVEL: 'loud', BODY_LIMIT: 'huge' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues;
    expect(issues.some((i) => i.startsWith('PORT:') && i.includes('(got "70000")'))).toBe(true);
    expect(issues.some((i) => i.startsWith('LOG_LEVEL:'))).toBe(true);
    expect(issues.some((i) => i.startsWith('BODY_LIMIT: expected bytes like'))).toBe(true);
  });

  test('rejects a rolling window that the buckets do not divide', () => {
    expect(() => loadConfig({ BREAKER_ROLLING_WINDOW_MS: '1000', BREAKER_ROLLING_BUCKETS: '3' })).toThrow(
      'BREAKER_ROLLING_BUCKETS: must divide BREAKER_ROLLING_WINDOW_MS evenly (got "3")',
    );
  });

  test('derives MAX_PREPARING_REQUESTS from SORTER_WORKERS unless it is set', () => {
    expect(loadConfig({ SORTER_WORKERS: '3' })).toMatchObject({ workers: 3, maxPreparingRequests: 8 });
    expect(loadConfig({ SORTER_WORKERS: '0', MAX_PREPARING_REQUESTS: '5' })).toMatchObject({
      workers: 0,
      maxPreparingRequests: 5,
    });
  });
});
