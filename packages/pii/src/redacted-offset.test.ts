import { redactedOffset } from './redacted-offset';
import { createRedactor, type MappedRedactionResult, type Redactor } from './redactor';

/** The one redaction of a text that lists its replacements. */
const mapped = (redactor: Redactor, text: string): MappedRedactionResult =>
  redactor.redactBatchWithReplacements([text])[0] as MappedRedactionResult;

describe('redactedOffset', () => {
  const line = 'from 10.0.0.1 to jane@example.com: ok';

  test.each([
    ['before any replacement', 4, 4],
    ["at a replaced value's start", 5, 5],
    ["inside a replaced value, at its placeholder's start", 9, 5],
    ["at a replaced value's end, past its placeholder", 13, 11],
    ['between two, shifted by the first', 15, 13],
    ['inside the second', 20, 15],
    ['past both', 35, 24],
  ])('maps an offset %s', (_where, offset, expected) => {
    const { text, replacements } = mapped(createRedactor(), line);
    expect(text).toBe('from <IPV4> to <EMAIL>: ok');
    expect(redactedOffset(replacements, offset)).toBe(expected);
  });

  test('maps through hashed placeholders, whose length is not the value', () => {
    const { text, replacements } = mapped(createRedactor({ hashKey: 'k' }), line);
    expect(text.slice(redactedOffset(replacements, 33))).toBe(': ok');
    expect(text.slice(redactedOffset(replacements, 14))).toMatch(/^to <EMAIL:[0-9a-f]{8}>: ok$/);
  });

  test('maps a text with no replacement to itself', () => {
    const { replacements } = mapped(createRedactor(), 'nothing here');
    expect(replacements).toEqual([]);
    expect(redactedOffset(replacements, 7)).toBe(7);
  });
});
