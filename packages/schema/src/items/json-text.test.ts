import { jsonText } from './json-text';

describe('jsonText', () => {
  test('writes what JSON.stringify writes when the value is shallow', () => {
    const value = { a: [1, 'x"y', null, true, { b: [] }], c: {}, 'd\n': -0.5 };
    expect(jsonText(value)).toBe(JSON.stringify(value));
  });

  test.each(['object', 'array'] as const)(
    'When %ss nest 100,000 deep, where JSON.stringify throws, then it writes the JSON text the value was parsed from',
    (kind) => {
      const [open, close] = kind === 'object' ? ['{"a":', '}'] : ['[', ']'];
      const leaf = '{"k":["v",1,null,false,{},[]],"m":"q\\"\\n","n":{"o":2}}';
      const text = `${open.repeat(99_999)}${leaf}${close.repeat(99_999)}`;
      const value = JSON.parse(text) as object;
      expect(() => JSON.stringify(value)).toThrow(RangeError);
      expect(jsonText(value)).toBe(text);
    },
  );

  test('leaves out object members and writes null for array items that JSON has no value for, as JSON.stringify does', () => {
    const deep: Record<string, unknown> = { u: undefined, f: () => 1, list: [undefined, () => 1], n: 1 };
    let value: unknown = deep;
    for (let i = 0; i < 99_999; i++) value = [value];
    const text = jsonText(value as object);
    expect(text.slice(99_999, -99_999)).toBe(JSON.stringify(deep));
  });

  test.each(['object', 'array'] as const)(
    "When %ss nest 100,000 deep and sortKeys is set, then every object's keys are written sorted, as Go writes a map",
    (kind) => {
      const [open, close] = kind === 'object' ? ['{"a":', '}'] : ['[', ']'];
      const text = (leaf: string): string => `${open.repeat(99_999)}${leaf}${close.repeat(99_999)}`;
      const value = JSON.parse(text('{"z":1,"b":{"y":[{"d":0,"c":0}],"x":2}}')) as object;
      expect(jsonText(value, { sortKeys: true })).toBe(text('{"b":{"x":2,"y":[{"c":0,"d":0}]},"z":1}'));
      expect(jsonText({ z: { b: 1, a: 2 }, y: 0 }, { sortKeys: true })).toBe('{"y":0,"z":{"a":2,"b":1}}');
    },
  );
});
