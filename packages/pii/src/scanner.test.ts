import { createPiiScanner } from './scanner';

describe('createPiiScanner', () => {
  test('returns each match with its type, offsets and value when PII is present', () => {
    const text = 'mail bob@example.com from 10.0.0.9';
    expect(createPiiScanner().scan(text)).toEqual([
      { type: 'email', start: 5, end: 20, value: 'bob@example.com' },
      { type: 'ipv4', start: 26, end: 34, value: '10.0.0.9' },
    ]);
  });

  test('finds only the enabled types when types is given', () => {
    expect(
      createPiiScanner({ types: ['ipv4'] })
        .scan('bob@example.com 10.0.0.9')
        .map((m) => m.type),
    ).toEqual(['ipv4']);
  });

  test('returns nothing when the text is empty', () => {
    expect(createPiiScanner().scan('')).toEqual([]);
  });
});
