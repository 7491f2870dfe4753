import { createHint } from './hint';

describe('hint', () => {
  const hint = createHint(/\d\.\d{1,3}\.\d{1,3}\.\d/, 2);

  test('tests for the hint in the text', () => {
    expect(hint.test('from 10.1.2.3 port 22')).toBe(true);
    expect(hint.test('no address here')).toBe(false);
  });

  test('starts the search reach characters before the first hint', () => {
    // The hint starts at the `0` of `10.1.2.3` (index 6): no address starts more than two characters before it.
    expect(hint.searchFrom('from 10.1.2.3 and 192.168.0.1')).toBe(4);
    expect(hint.searchFrom('1.2.3.4')).toBe(0);
  });

  test('searches nothing when the hint is absent', () => {
    expect(hint.searchFrom('no address')).toBe('no address'.length);
  });

  test('answers for each text, not the one before', () => {
    expect(hint.test('a 1.2.3.4')).toBe(true);
    expect(hint.test('b')).toBe(false);
    expect(hint.searchFrom('xx 1.2.3.4')).toBe(1);
  });
});
