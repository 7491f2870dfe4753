import { maxNestingDepth } from '../items/json-value';
import { createClassifyRequestSchema } from './request';

const schema = createClassifyRequestSchema(3);

function paths(body: unknown): string[] {
  const parsed = schema.safeParse(body);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('createClassifyRequestSchema', () => {
  test('accepts items with body or content when well formed', () => {
    expect(
      paths({
        items: [
          { type: 'log', body: 'disk full' },
          { id: 'a', type: 'event', content: { message: 'x' } },
        ],
      }),
    ).toEqual([]);
  });

  test('keeps a field named __proto__ in attributes and content, as parsed from JSON', () => {
    const body: unknown = JSON.parse(
      '{"items":[{"type":"log","body":"x","attributes":{"__proto__":{"a":1},"b":2}},{"type":"log","content":{"__proto__":"y"}}]}',
    );
    const parsed = schema.parse(body);
    expect(Object.keys(parsed.items[0]?.attributes ?? {})).toEqual(['__proto__', 'b']);
    expect(Object.keys((parsed.items[1]?.content ?? {}) as object)).toEqual(['__proto__']);
  });

  test('names an attributes value that is no object', () => {
    expect(paths({ items: [{ type: 'log', body: 'x', attributes: ['a'] }] })).toEqual([
      'items.0.attributes: expected an object, got array',
    ]);
  });

  test('names the duplicate id path when two items share an id', () => {
    expect(
      paths({
        items: [
          { id: 'a', type: 'log', body: 'x' },
          { id: 'a', type: 'log', body: 'y' },
        ],
      }),
    ).toEqual(['items.1.id: duplicate id, first used by items.0.id']);
  });

  test('rejects an item when neither body nor content is given', () => {
    expect(paths({ items: [{ type: 'log' }] })).toEqual(['items.0.body: one of body or content is required']);
  });

  test('rejects an item when both body and content are given', () => {
    expect(paths({ items: [{ type: 'log', body: 'a', content: 'b' }] })).toEqual([
      'items.0.content: give body or content, not both',
    ]);
  });

  test('rejects the batch when it exceeds the configured maximum', () => {
    const items = Array.from({ length: 4 }, () => ({ type: 'log', body: 'x' }));
    expect(paths({ items })[0]).toMatch(/^items: /);
  });

  test('rejects an unknown type and an unknown field with their paths', () => {
    const issues = paths({ items: [{ type: 'trace', body: 'x', extra: 1 }] });
    expect(issues.some((i) => i.startsWith('items.0.type:'))).toBe(true);
    expect(issues.some((i) => i.startsWith('items.0:') && i.includes('extra'))).toBe(true);
  });

  test('rejects an empty batch', () => {
    expect(paths({ items: [] })[0]).toMatch(/^items: /);
  });

  test('names the expected type when body is a number', () => {
    expect(paths({ items: [{ type: 'log', body: 5 }] })).toEqual([
      'items.0.body: expected a non-empty string or an object, got number',
    ]);
  });

  test('names the expected type when timestamp is neither a string nor a number', () => {
    expect(paths({ items: [{ type: 'log', body: 'x', timestamp: true }] })).toEqual([
      'items.0.timestamp: expected an RFC 3339 string or a Unix epoch number, got boolean',
    ]);
  });

  test('accepts attributes and body nested exactly as deep as the limit', () => {
    expect(
      paths({
        items: [{ type: 'log', body: nested(maxNestingDepth, 'object'), attributes: nested(maxNestingDepth, 'array') }],
      }),
    ).toEqual([]);
  });

  test.each([
    ['attributes', 'object'],
    ['attributes', 'array'],
    ['body', 'object'],
    ['body', 'array'],
    ['resource', 'object'],
  ] as const)('rejects %s nested 5,000 deep in %ss, naming the field', (field, kind) => {
    const item = { type: 'log', body: 'x', [field]: nested(5000, kind) };
    expect(paths({ items: [item] })).toEqual([
      `items.0.${field}: objects and arrays nested more than ${maxNestingDepth} deep`,
    ]);
  });
});

/** An object `depth` levels deep, the levels below the top being objects or arrays. */
function nested(depth: number, kind: 'object' | 'array'): Record<string, unknown> {
  let value: unknown = 'leaf';
  for (let i = 1; i < depth; i += 1) value = kind === 'object' ? { a: value } : [value];
  return { top: value };
}
