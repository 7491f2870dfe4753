import type { PiiType } from '../pii-type';
import type { PiiMatch, PiiScanner } from '../scanner';
import { scoreCorpus, type LabeledLine } from './score-corpus';

/** A scanner that redacts the given (type, text) pairs at their first place at or after the previous one. */
function scannerOf(redactions: Record<string, ReadonlyArray<readonly [PiiType, string]>>): PiiScanner {
  const scan = (text: string): PiiMatch[] => {
    let from = 0;
    return (redactions[text] ?? []).map(([type, value]) => {
      const start = text.indexOf(value, from);
      if (start < 0) throw new Error(`test setup: ${value} is not in ${text}`);
      from = start + 1;
      return { type, start, end: start + value.length, value };
    });
  };
  return { types: [], scan };
}

function score(line: LabeledLine, redactions: ReadonlyArray<readonly [PiiType, string]>) {
  return scoreCorpus([line], scannerOf({ [line.text]: redactions }));
}

describe('scoreCorpus', () => {
  test('counts a value as covered and typed right when the redaction has its range and type', () => {
    const s = score({ text: 'login from 10.0.0.7', spans: [{ type: 'ipv4', value: '10.0.0.7' }] }, [
      ['ipv4', '10.0.0.7'],
    ]);
    expect(s.overall).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 0 });
    expect(s.untyped).toMatchObject({ labeled: 1, covered: 1, redactions: 1, spurious: 0, coverage: 1, precision: 1 });
    expect(s.mistakes).toEqual([]);
  });

  test('counts a wrong type as a typed FP and FN but as covered and not spurious when it hides the value', () => {
    const s = score({ text: 'VAULT_TOKEN=hvs.abc', spans: [{ type: 'token', value: 'hvs.abc' }] }, [
      ['secret_kv', 'hvs.abc'],
    ]);
    expect(s.byType.token).toMatchObject({ truePositives: 0, falseNegatives: 1 });
    expect(s.byType.secret_kv).toMatchObject({ truePositives: 0, falsePositives: 1 });
    expect(s.untyped).toMatchObject({ covered: 1, spurious: 0, leakedByType: {} });
    expect(s.mistakes[0]).toMatchObject({ leaked: [], spurious: [] });
  });

  test('counts a value as covered when a wider redaction holds it', () => {
    const s = score({ text: 'cfg password=hunter2 ok', spans: [{ type: 'secret_kv', value: 'hunter2' }] }, [
      ['secret_kv', 'password=hunter2'],
    ]);
    expect(s.overall).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 1 });
    expect(s.untyped).toMatchObject({ covered: 1, spurious: 0 });
  });

  test('counts a value as leaked but the redaction as not spurious when only part of the value is hidden', () => {
    const line: LabeledLine = {
      text: 'git clone https://bot:ghp_x1@github.com/a/b',
      spans: [{ type: 'url_credentials', value: 'bot:ghp_x1' }],
    };
    const s = score(line, [['token', 'ghp_x1']]);
    expect(s.untyped).toMatchObject({ labeled: 1, covered: 0, redactions: 1, spurious: 0, coverage: 0, precision: 1 });
    expect(s.untyped.leakedByType).toEqual({ url_credentials: 1 });
    expect(s.mistakes[0]?.leaked).toEqual([{ type: 'url_credentials', value: 'bot:ghp_x1' }]);
  });

  test('counts a value as covered when adjacent redactions hide it together', () => {
    const s = score({ text: 'id=alice@CORP tail', spans: [{ type: 'user', value: 'alice@CORP' }] }, [
      ['user', 'alice'],
      ['hostname', '@CORP'],
    ]);
    expect(s.untyped).toMatchObject({ covered: 1, redactions: 2, spurious: 0 });
  });

  test('counts a redaction on a near-miss line as spurious', () => {
    const s = score({ text: 'hw rev 2.1.0.6', spans: [] }, [['ipv4', '2.1.0.6']]);
    expect(s.untyped).toMatchObject({ labeled: 0, covered: 0, redactions: 1, spurious: 1, coverage: 1, precision: 0 });
    expect(s.mistakes[0]?.spurious).toEqual([{ type: 'ipv4', value: '2.1.0.6' }]);
  });

  test('counts each label of a repeated value once, at most as many as its places that are hidden', () => {
    const line: LabeledLine = {
      text: 'su tvoss; quota tvoss 81%',
      spans: [
        { type: 'user', value: 'tvoss' },
        { type: 'user', value: 'tvoss' },
      ],
    };
    expect(score(line, [['user', 'tvoss']]).untyped).toMatchObject({
      labeled: 2,
      covered: 1,
      leakedByType: { user: 1 },
    });
    expect(
      score(line, [
        ['user', 'tvoss'],
        ['user', 'tvoss'],
      ]).untyped,
    ).toMatchObject({ covered: 2, leakedByType: {} });
  });

  test('does not count a redaction as spurious when it hides an unlabeled repeat of a labeled value', () => {
    const line: LabeledLine = { text: 'user bob; bob left', spans: [{ type: 'user', value: 'bob' }] };
    const s = score(line, [
      ['user', 'bob'],
      ['user', 'bob'],
    ]);
    expect(s.untyped).toMatchObject({ covered: 1, redactions: 2, spurious: 0 });
    expect(s.overall).toMatchObject({ truePositives: 1, falsePositives: 1 });
  });

  test('reports coverage and precision of 1 when nothing is labeled or redacted', () => {
    expect(score({ text: 'nothing here', spans: [] }, []).untyped).toMatchObject({ coverage: 1, precision: 1 });
  });
});
