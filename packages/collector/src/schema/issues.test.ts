import { z } from 'zod';
import { describeZodIssue } from './issues';

function messageFor(schema: z.ZodType, value: unknown): string {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error('expected a failure');
  return describeZodIssue(result.error.issues[0]);
}

describe('describeZodIssue', () => {
  test.each([
    ['names the expected and found types when the type is wrong', z.number(), 'x', 'expected number, got string'],
    [
      'says a required key is missing when the value is undefined',
      z.string(),
      undefined,
      'required key is missing (expected string)',
    ],
    [
      'lists the options and quotes a short wrong value',
      z.enum(['keep', 'drop']),
      'kep',
      'expected one of "keep", "drop", got "kep"',
    ],
    [
      'never quotes a long value back, which may be a secret',
      z.enum(['a']),
      'x'.repeat(41),
      'expected one of "a", got a string of 41 characters',
    ],
    [
      'masks credentials in a URL it quotes back',
      z.url({ protocol: /^https$/ }),
      'http://user:s3cret@h',
      'invalid URL, got "http://***@h"',
    ],
    [
      'gives the length when a list is too short',
      z.array(z.string()).min(1),
      [],
      'too small: expected array to have >=1 items, got length 0',
    ],
  ])('%s', (_name, schema, value, expected) => {
    expect(messageFor(schema, value)).toBe(expected);
  });
});
