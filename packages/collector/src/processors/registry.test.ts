import { processorListSchema } from './registry';

describe('processor list', () => {
  const issues = (list: unknown[]) => {
    const parsed = processorListSchema.safeParse(list);
    return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path, message: i.message }));
  };

  test("parses each one-key map with its type's schema, in order", () => {
    expect(
      processorListSchema.parse([{ memory_limiter: { limit_mib: 100 } }, { batch: {} }]).map((p) => p.type),
    ).toEqual(['memory_limiter', 'batch']);
  });

  test('names the item and the unknown type, listing the known ones', () => {
    expect(issues([{ batch: {} }, { batchh: {} }])).toEqual([
      {
        path: [1, 'batchh'],
        message: expect.stringMatching(/^unknown processor type "batchh" \(expected one of .*batch.*\)$/),
      },
    ]);
  });

  test('refuses an item that is not a one-key map, as the stage list does', () => {
    expect(issues([{ batch: {}, filter: {} }])).toEqual([
      { path: [0], message: 'expected a map with exactly one key, the processor type (e.g. `- batch: {...}`)' },
    ]);
  });

  test('puts a config problem under the item and its type', () => {
    expect(issues([{ batch: { nope: 1 } }])).toEqual([{ path: [0, 'batch', 'nope'], message: 'unknown key "nope"' }]);
  });
});
