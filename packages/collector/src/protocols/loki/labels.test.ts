import { formatLabels, parseLabels, sanitizeLabelName } from './labels';

describe('loki labels', () => {
  test('formats names sorted with quoted, escaped values', () => {
    expect(formatLabels({ job: 'a"b', app: 'x' })).toBe('{app="x", job="a\\"b"}');
  });
  test('parses what formatLabels writes when values hold quotes and backslashes', () => {
    const labels = { job: 'a"b\\c', app: 'x y', z: '' };
    expect(parseLabels(formatLabels(labels))).toEqual(labels);
  });
  test('parses an empty label set', () => {
    expect(parseLabels('{}')).toEqual({});
  });
  test.each([
    ['job="a"', 'expected "{" at character 1'],
    ['{1job="a"}', 'expected a label name at character 2'],
    ['{job:"a"}', 'expected "=" at character 5'],
    ['{job="a}', 'unterminated label value'],
    ['{job="a" app="b"}', 'expected "," or "}" at character 10'],
  ])('throws a message naming the position when the text is %s', (text, message) => {
    expect(() => parseLabels(text)).toThrow(message);
  });
  test.each([
    ['service.name', 'service_name'],
    ['1st', '_1st'],
    ['ok_name', 'ok_name'],
    ['k8s-pod', 'k8s_pod'],
  ])('sanitises %s to %s', (name, expected) => {
    expect(sanitizeLabelName(name)).toBe(expected);
  });
});
