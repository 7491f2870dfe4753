import { createClassifyRequestSchema } from './request';

const schema = createClassifyRequestSchema(3);

function paths(body: unknown): string[] {
  const parsed = schema.safeParse(body);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('createClassifyRequestSchema', () => {
  test('accepts items with body or content when well formed', () => {
    expect(paths({ items: [{ type: 'log', body: 'disk full' }, { id: 'a', type: 'event', content: { message: 'x' } }] })).toEqual([]);
  });

  test('names the duplicate id path when two items share an id', () => {
    expect(paths({ items: [{ id: 'a', type: 'log', body: 'x' }, { id: 'a', type: 'log', body: 'y' }] })).toEqual([
      'items.1.id: duplicate id, first used by items.0.id',
    ]);
  });

  test('rejects an item when neither body nor content is given', () => {
    expect(paths({ items: [{ type: 'log' }] })).toEqual(['items.0.body: one of body or content is required']);
  });

  test('rejects an item when both body and content are given', () => {
    expect(paths({ items: [{ type: 'log', body: 'a', content: 'b' }] })).toEqual(['items.0.content: give body or content, not both']);
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
});
