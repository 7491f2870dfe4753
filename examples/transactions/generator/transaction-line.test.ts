import { createRandom } from './random';
import { createTransactionLines, DEFAULT_METHODS } from './transaction-line';

const START = Date.parse('2025-12-26T21:45:32.123Z');

describe('createTransactionLines', () => {
  test('writes the seed format date|start_time|end_time|latency|method|detail|status|code when the line is well formed', () => {
    const next = createTransactionLines(
      { methods: { CashIn: 1 }, failureShare: 0, malformedShare: 0, incidentShare: 0 },
      createRandom(7),
    );
    const line = next(START);
    expect(line.text).toMatch(/^2025-12-26\|21:45:32\.123\|\d\d:\d\d:\d\d\.\d{3}\|\d+\|CashIn\|[^|]+\|SUCCESS\|200$/);
    const [, start, end, latency] = line.text.split('|');
    expect(Date.parse(`2025-12-26T${end}Z`) - Date.parse(`2025-12-26T${start}Z`)).toBe(Number(latency));
  });

  test('produces the same lines for the same seed and different ones for another seed', () => {
    const run = (seed: number) => {
      const next = createTransactionLines(
        { methods: DEFAULT_METHODS, failureShare: 0.1, malformedShare: 0.02, incidentShare: 0.005 },
        createRandom(seed),
      );
      return Array.from({ length: 50 }, (_, i) => next(START + i).text);
    };
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
  });

  test('follows the method mix, failure, malformed and incident shares over many lines', () => {
    const next = createTransactionLines(
      { methods: { CashIn: 3, Transfer: 1 }, failureShare: 0.25, malformedShare: 0.1, incidentShare: 0.05 },
      createRandom(1),
    );
    const lines = Array.from({ length: 20_000 }, (_, i) => next(START + i));
    const share = (pred: (l: (typeof lines)[number]) => boolean, of = lines) => of.filter(pred).length / of.length;
    const wellFormed = lines.filter((l) => l.kind === 'success' || l.kind === 'failed');
    expect(share((l) => l.kind === 'malformed')).toBeCloseTo(0.1, 1);
    expect(share((l) => l.kind === 'incident')).toBeCloseTo(0.05, 1);
    expect(share((l) => l.kind === 'failed', wellFormed)).toBeCloseTo(0.25, 1);
    expect(share((l) => l.method === 'CashIn', wellFormed)).toBeCloseTo(0.75, 1);
    expect(new Set(wellFormed.map((l) => l.method))).toEqual(new Set(['CashIn', 'Transfer']));
  });
});
