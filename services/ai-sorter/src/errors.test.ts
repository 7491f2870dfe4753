import { HttpError, LlmError, errorCatalogue } from './errors';

describe('LlmError.isNotLlmFailure', () => {
  test.each([
    [400, true],
    [401, true],
    [404, true],
    [429, false],
    [500, false],
    [503, false],
  ])('is %s -> %s for an HTTP status', (status, expected) => {
    expect(new LlmError('http', 'x', { status }).isNotLlmFailure).toBe(expected);
  });

  test('is true when the call was held back locally or aborted by the client', () => {
    expect(new LlmError('rate_limited_locally', 'x').isNotLlmFailure).toBe(true);
    expect(new LlmError('aborted', 'x').isNotLlmFailure).toBe(true);
  });

  test('is false when the LLM timed out, was unreachable or answered nonsense', () => {
    for (const kind of ['timeout', 'connection', 'invalid_response'] as const)
      expect(new LlmError(kind, 'x').isNotLlmFailure).toBe(false);
  });
});

describe('HttpError', () => {
  test('takes status and default message from the catalogue when only a code is given', () => {
    const e = new HttpError('body_too_large');
    expect([e.status, e.message]).toEqual([413, errorCatalogue.body_too_large.message]);
  });
});
