import { createSortRequestSchema } from './sort';

const schema = createSortRequestSchema(2);

function paths(body: unknown): string[] {
  const parsed = schema.safeParse(body);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
}

describe('createSortRequestSchema', () => {
  test('accepts the seed contract with object or string content', () => {
    expect(
      paths({
        request_id: 'r',
        items: [
          { type: 'trace', content: { message: 'x' }, timestamp: '2026-01-01T00:00:00Z' },
          { type: 'log', content: 'y' },
        ],
      }),
    ).toEqual([]);
  });

  test('rejects empty content, an unknown type and too many items with their paths', () => {
    expect(paths({ items: [{ type: 'log', content: {} }] })).toEqual(['items.0.content']);
    expect(paths({ items: [{ type: 'span', content: 'x' }] })).toEqual(['items.0.type']);
    expect(paths({ items: [1, 2, 3].map(() => ({ type: 'log', content: 'x' })) })).toEqual(['items']);
  });

  test('rejects content nested 5,000 deep and content of another type, saying why', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 5000; i += 1) deep = { a: deep };
    const issues = (body: unknown) =>
      (schema.safeParse(body).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ items: [{ type: 'log', content: deep }] })).toEqual([
      'items.0.content: objects and arrays nested more than 64 deep',
    ]);
    expect(issues({ items: [{ type: 'log', content: 7 }] })).toEqual([
      'items.0.content: expected a non-empty string or an object, got number',
    ]);
  });
});
