import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPiiScanner, piiTypes } from '@obs/pii';
import { parseCorpus } from '@obs/pii/testing';
import type { Candidate } from '../src/detectors/detector';
import { detectorFactories } from '../src/detectors/registry';
import { resolveOverlaps } from '../src/resolve-overlaps';

const corpus = ['corpus.jsonl', 'corpus-generated.jsonl'].flatMap((file) =>
  parseCorpus(readFileSync(join(__dirname, '../../../bench/pii', file), 'utf8')),
);
const extra = [
  'aa-bb-cc-dd-ee-ff',
  'abcd.efab.cdef',
  'AKIAIOSFODNNXEXAMPLE',
  'Basic dXNlcjpwYXNz',
  'Bearer AbCdEfGhIjKlMnOp',
];

/** Every detector run on every text, without the fast path or any detector's hint. */
function scanWithoutHints(text: string): Array<[string, string]> {
  const found: Candidate[] = [];
  for (const type of piiTypes) detectorFactories[type]().find(text, found);
  return resolveOverlaps(found).map((c) => [c.type, text.slice(c.start, c.end)]);
}

describe('fast-path hints', () => {
  test('never hide a match when compared with running every detector unconditionally', () => {
    const scanner = createPiiScanner();
    const differences = [...corpus.map((line) => line.text), ...extra]
      .map((text) => ({ text, hinted: scanner.scan(text).map((m) => [m.type, m.value]), full: scanWithoutHints(text) }))
      .filter(({ hinted, full }) => JSON.stringify(hinted) !== JSON.stringify(full));
    expect(differences).toEqual([]);
  });
});
