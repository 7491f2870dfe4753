import { createHmac } from 'node:crypto';
import { createPlaceholderWriter } from './placeholder';

describe('createPlaceholderWriter', () => {
  test('writes the upper-case type when there is no key', () => {
    expect(createPlaceholderWriter()('credit_card', '4111111111111111')).toBe('<CREDIT_CARD>');
  });

  test('appends the first 8 hex of HMAC-SHA256 when a key is given', () => {
    const expected = createHmac('sha256', 'key').update('a@b.co').digest('hex').slice(0, 8);
    expect(createPlaceholderWriter('key')('email', 'a@b.co')).toBe(`<EMAIL:${expected}>`);
  });

  test('keeps tags stable when more distinct values pass than the cache holds', () => {
    const write = createPlaceholderWriter('key');
    const first = write('ipv4', '10.0.0.1');
    for (let i = 0; i < 5000; i++) write('ipv4', `value-${i}`);
    expect(write('ipv4', '10.0.0.1')).toBe(first);
  });
});
