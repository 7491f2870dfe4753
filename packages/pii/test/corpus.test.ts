import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPiiScanner, createRedactor, piiTypes } from '@obs/pii';
import { parseCorpus, scoreCorpus } from '@obs/pii/testing';

// The labeled tuning corpus lives with the benchmark (bench/pii/evaluate.js prints the same scores as a table):
// hand-written lines plus lines generated from templates with synthetic values. The blind part is scored there.
const corpus = ['corpus.jsonl', 'corpus-generated.jsonl'].flatMap((file) => {
  const corpusPath = join(__dirname, '../../../bench/pii', file);
  return parseCorpus(readFileSync(corpusPath, 'utf8'), corpusPath);
});
const floor = 0.95;

describe('labeled corpus', () => {
  const score = scoreCorpus(corpus, createPiiScanner());

  test('covers every PII type with labeled values and near misses when loaded', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(800);
    expect(corpus.filter((line) => line.spans.length === 0).length).toBeGreaterThanOrEqual(100);
    const thin = piiTypes.filter((type) => score.byType[type].truePositives + score.byType[type].falseNegatives < 3);
    expect(thin).toEqual([]);
  });

  // `node bench/pii/evaluate.js --mistakes` lists the lines behind a drop.
  test.each(piiTypes.map((type) => [type]))(
    'keeps %s precision and recall at or above the floor when scored',
    (type) => {
      expect(score.byType[type].precision).toBeGreaterThanOrEqual(floor);
      expect(score.byType[type].recall).toBeGreaterThanOrEqual(floor);
    },
  );

  test('leaves no labeled value in the output when every line is redacted', () => {
    const redactor = createRedactor();
    const leaks = corpus.flatMap((line) => {
      const { text } = redactor.redact(line.text);
      // A short user name can also appear as ordinary text elsewhere in the line (`ci: docker login -u ci`).
      const occurrences = (haystack: string, value: string) => haystack.split(value).length - 1;
      return line.spans
        .filter(
          (span) =>
            occurrences(text, span.value) >
            occurrences(line.text, span.value) - line.spans.filter((s) => s.value === span.value).length,
        )
        .map((span) => span.value);
    });
    expect(leaks).toEqual([]);
  });

  test('hashes every labeled value when a hash key is set', () => {
    const redactor = createRedactor({ hashKey: 'corpus-key' });
    for (const line of corpus.filter((l) => l.spans.length > 0)) {
      const { text, counts } = redactor.redact(line.text);
      const total = Object.values(counts).reduce((n, c) => n + c, 0);
      expect(text.match(/<[A-Z_0-9]+:[0-9a-f]{8}>/g)?.length ?? 0).toBe(total);
    }
  });
});

describe('parseCorpus', () => {
  test('names the line and field when a span is not in the text', () => {
    expect(() =>
      parseCorpus('{"text":"a","spans":[]}\n{"text":"b","spans":[{"type":"email","value":"x@y.z"}]}', 'c.jsonl'),
    ).toThrow('c.jsonl:2: spans[0].value must be a substring of text');
  });

  test('names the line when a span has an unknown type', () => {
    expect(() => parseCorpus('{"text":"a","spans":[{"type":"name","value":"a"}]}', 'c.jsonl')).toThrow(
      'c.jsonl:1: spans[0].type is not a PII type',
    );
  });
});
