import { decodeLines, encodeLines } from './line-wire';
import { createItemTools, redactItems } from './prepare';

describe('line wire', () => {
  test('decodes what it encoded: ids, text, tokens, levels, attributes, timestamps, shared decisions and the redaction counts', () => {
    const prepared = redactItems(
      [
        { id: 'a', type: 'log', payload: '2024-05-01 12:00:00,123 WARN [main] disk almost full for jane@example.com' },
        {
          id: 'b',
          type: 'span',
          payload: 'GET /api/orders',
          attributes: { 'http.status_code': 503, nested: { ip: '10.0.0.1' } },
        },
        { id: 'c', type: 'log', payload: 'routine line one' },
        { id: 'd', type: 'log', payload: 'routine line two' },
        { type: 'event', payload: { message: 'deploy done', level: 'info' }, timestamp: '2026-01-01T00:00:00Z' },
        { id: 'e', type: 'log', payload: 'routine line three', timestamp: 'noted by jane@example.com' },
        { id: 'f', type: 'log', payload: 'routine line four', timestamp: '' },
      ],
      createItemTools({}),
    );
    const decoded = decodeLines(encodeLines(prepared));
    expect(decoded).toEqual(JSON.parse(JSON.stringify(prepared)));
    expect(decoded.redactions).toEqual({ email: 2 });
    expect(decoded.lines.map((line) => line.timestamp)).toEqual([
      ...[undefined, undefined, undefined, undefined],
      ...['2026-01-01T00:00:00Z', 'noted by <EMAIL>', ''],
    ]);
    expect(decoded.lines[2]?.byRules).toBe(decoded.lines[3]?.byRules);
  });
});
