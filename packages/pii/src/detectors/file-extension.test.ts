import { domainExtension, fileExtension, fileName } from './file-extension';

describe('the file extensions every detector shares', () => {
  test.each([['jar'], ['p12'], ['PDF'], ['yml'], ['jpeg'], ['keystore']])('takes %s when a label is it', (label) => {
    expect(fileExtension.test(label)).toBe(true);
    expect(fileName.test(`build-1.2.3.${label}`)).toBe(true);
  });

  test.each([['com'], ['example'], ['jarx'], ['p1']])('refuses %s when no file type is named so', (label) => {
    expect(fileExtension.test(label)).toBe(false);
    expect(fileName.test(`host.${label}`)).toBe(false);
  });

  it('names the extensions that are also top-level domains', () => {
    expect(['zip', 'so', 'py', 'pub'].every((label) => domainExtension.test(label) && fileExtension.test(label))).toBe(
      true,
    );
    expect(domainExtension.test('jar')).toBe(false);
  });
});
