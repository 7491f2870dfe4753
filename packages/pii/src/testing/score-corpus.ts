import { isPiiType, piiTypes, type PiiType } from '../pii-type';
import type { PiiScanner } from '../scanner';

export interface LabeledSpan {
  type: PiiType;
  value: string;
}

/** One corpus line: the text and every PII value in it that a redactor must replace (none for a near miss). */
export interface LabeledLine {
  text: string;
  spans: LabeledSpan[];
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** 1 when nothing was predicted: no prediction was wrong. */
  precision: number;
  /** 1 when nothing was expected: nothing was missed. */
  recall: number;
}

export interface CorpusMistake {
  line: number;
  text: string;
  missed: LabeledSpan[];
  unexpected: LabeledSpan[];
}

export interface CorpusScore {
  byType: Record<PiiType, Score>;
  overall: Score;
  mistakes: CorpusMistake[];
}

/** Parses JSONL, naming the line and field of the first malformed entry. */
export function parseCorpus(jsonl: string, source = 'corpus'): LabeledLine[] {
  const lines: LabeledLine[] = [];
  jsonl.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    const where = `${source}:${index + 1}`;
    let entry: unknown;
    try {
      entry = JSON.parse(raw);
    } catch (err) {
      throw new Error(`${where}: not JSON (${(err as Error).message})`);
    }
    const { text, spans } = entry as { text?: unknown; spans?: unknown };
    if (typeof text !== 'string') throw new Error(`${where}: text must be a string`);
    if (!Array.isArray(spans)) throw new Error(`${where}: spans must be an array`);
    spans.forEach((span: { type?: unknown; value?: unknown }, i) => {
      if (!isPiiType(span.type)) throw new Error(`${where}: spans[${i}].type is not a PII type`);
      if (typeof span.value !== 'string' || !text.includes(span.value)) {
        throw new Error(`${where}: spans[${i}].value must be a substring of text`);
      }
    });
    lines.push({ text, spans: spans as LabeledSpan[] });
  });
  return lines;
}

function emptyScore(): Score {
  return { truePositives: 0, falsePositives: 0, falseNegatives: 0, precision: 1, recall: 1 };
}

function finish(score: Score): void {
  const predicted = score.truePositives + score.falsePositives;
  const expected = score.truePositives + score.falseNegatives;
  score.precision = predicted === 0 ? 1 : score.truePositives / predicted;
  score.recall = expected === 0 ? 1 : score.truePositives / expected;
}

/** Matches predictions to labels by exact (type, value), as multisets per line; a wrong type is both an FP and an FN. */
export function scoreCorpus(lines: readonly LabeledLine[], scanner: PiiScanner): CorpusScore {
  const byType = Object.fromEntries(piiTypes.map((t) => [t, emptyScore()])) as Record<PiiType, Score>;
  const overall = emptyScore();
  const mistakes: CorpusMistake[] = [];
  lines.forEach((line, index) => {
    const unmatched = line.spans.map((s) => `${s.type}\u0000${s.value}`);
    const unexpected: LabeledSpan[] = [];
    for (const match of scanner.scan(line.text)) {
      const at = unmatched.indexOf(`${match.type}\u0000${match.value}`);
      if (at >= 0) {
        unmatched.splice(at, 1);
        byType[match.type].truePositives++;
        overall.truePositives++;
      } else {
        unexpected.push({ type: match.type, value: match.value });
        byType[match.type].falsePositives++;
        overall.falsePositives++;
      }
    }
    const missed = unmatched.map((key) => {
      const [type, value] = key.split('\u0000') as [PiiType, string];
      byType[type].falseNegatives++;
      overall.falseNegatives++;
      return { type, value };
    });
    if (missed.length > 0 || unexpected.length > 0)
      mistakes.push({ line: index + 1, text: line.text, missed, unexpected });
  });
  piiTypes.forEach((t) => finish(byType[t]));
  finish(overall);
  return { byType, overall, mistakes };
}
