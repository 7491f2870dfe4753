import { itemText } from './item-text';

describe('itemText', () => {
  test('returns the string when the payload is a string', () => {
    expect(itemText('disk full')).toBe('disk full');
  });

  test('returns the message field when the payload is an object with one', () => {
    expect(itemText({ level: 'error', message: 'disk full' })).toBe('disk full');
  });

  test('prefers message over msg when both are present', () => {
    expect(itemText({ msg: 'second', message: 'first' })).toBe('first');
  });

  test('returns the JSON when no message-like field holds a string', () => {
    expect(itemText({ cpu: 0.93, host: 'a' })).toBe('{"cpu":0.93,"host":"a"}');
  });
});
