import { enabledTypes } from './options';

describe('enabledTypes', () => {
  test('returns the requested types in canonical order without duplicates when given a list', () => {
    expect(enabledTypes({ types: ['mac', 'email', 'mac'] })).toEqual(['email', 'mac']);
  });

  test('rejects a hash key of the wrong type when called from untyped code', () => {
    expect(() => enabledTypes({ hashKey: 42 as unknown as string })).toThrow(
      'pii: options.hashKey must be a string or a Buffer',
    );
  });

  test('rejects types that are not an array when called from untyped code', () => {
    expect(() => enabledTypes({ types: 'email' as unknown as ['email'] })).toThrow(
      'pii: options.types must be an array of PII types',
    );
  });

  test('never echoes the hash key when rejecting it', () => {
    expect(() => enabledTypes({ hashKey: Buffer.alloc(0) })).toThrow(/^pii: options\.hashKey must not be empty$/);
  });
});
