import { domainExtension, fileExtension, fileName } from './file-extension';

describe('the file extensions every detector shares', () => {
  test.each([
    ['a version', 'build-1.2.3.jar'],
    ['a key file', 'AuthKey_ABC123.p8'],
    ['a document in capitals', 'REPORT.PDF'],
    ['a config', 'values.yml'],
    ['an image', 'hero@2x.jpeg'],
  ])('names a file when it ends in the extension of %s', (_name, name) => {
    expect(fileName.test(name)).toBe(true);
  });

  test.each([['host.example.com'], ['db.internal'], ['app.jarx'], ['cert.p1']])(
    'names no file when %s ends in no file type',
    (name) => {
      expect(fileName.test(name)).toBe(false);
    },
  );

  it('names the extensions that are also top-level domains', () => {
    expect(['zip', 'so', 'py', 'pub'].every((label) => domainExtension.test(label) && fileExtension.test(label))).toBe(
      true,
    );
    expect(domainExtension.test('jar')).toBe(false);
  });
});
