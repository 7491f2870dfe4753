import { isPiiType, piiTypes, type PiiType } from '../pii-type';
import type { PiiMatch, PiiScanner } from '../scanner';

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

/** What a reader of the redacted text sees, whatever the types: which labeled values leak, which redactions hide
 * nothing that was labeled. */
export interface UntypedScore {
  labeled: number;
  /** Labeled values that redactions replace whole (one redaction or adjacent ones), of any type. */
  covered: number;
  redactions: number;
  /** Redactions that touch no labeled value: text lost to readability. */
  spurious: number;
  /** covered / labeled; 1 when nothing was labeled. */
  coverage: number;
  /** (redactions - spurious) / redactions; 1 when nothing was redacted. */
  precision: number;
  /** Labeled values left in the text (wholly or in part), by their labeled type. */
  leakedByType: Partial<Record<PiiType, number>>;
}

export interface CorpusMistake {
  line: number;
  text: string;
  missed: LabeledSpan[];
  unexpected: LabeledSpan[];
  /** Labeled values no redaction replaces whole (a subset of `missed`: a wrong type that covers the value is no leak). */
  leaked: LabeledSpan[];
  /** Redactions that touch no labeled value (a subset of `unexpected`). */
  spurious: LabeledSpan[];
}

export interface CorpusScore {
  byType: Record<PiiType, Score>;
  overall: Score;
  untyped: UntypedScore;
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

interface Range {
  start: number;
  end: number;
}

/** Every place a value stands in text, overlapping places included. */
function placesOf(text: string, value: string): Range[] {
  const places: Range[] = [];
  if (value === '') return places;
  for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1))
    places.push({ start: at, end: at + value.length });
  return places;
}

/** Redacted ranges merged where they touch, so two adjacent redactions cover what lies across them. */
function mergeRanges(matches: readonly PiiMatch[]): Range[] {
  const merged: Range[] = [];
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last !== undefined && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else merged.push({ start: m.start, end: m.end });
  }
  return merged;
}

/**
 * The untyped view of one line. Labels carry values, not positions: a value labeled k times counts as covered as many
 * times as its places in the text are wholly redacted, at most k. A redaction is spurious when it overlaps no place of
 * any labeled value (a redaction of an unlabeled repeat of a labeled value is not).
 */
function untypedLine(
  line: LabeledLine,
  matches: readonly PiiMatch[],
): { leaked: LabeledSpan[]; spurious: LabeledSpan[] } {
  const redacted = mergeRanges(matches);
  const isRedacted = (r: Range) => redacted.some((m) => m.start <= r.start && r.end <= m.end);
  const labeledPlaces: Range[] = [];
  const leaked: LabeledSpan[] = [];
  for (const value of new Set(line.spans.map((s) => s.value))) {
    const places = placesOf(line.text, value);
    labeledPlaces.push(...places);
    const labels = line.spans.filter((s) => s.value === value);
    const covered = Math.min(labels.length, places.filter(isRedacted).length);
    leaked.push(...labels.slice(covered));
  }
  const spurious = matches
    .filter((m) => !labeledPlaces.some((p) => p.start < m.end && m.start < p.end))
    .map((m) => ({ type: m.type, value: m.value }));
  return { leaked, spurious };
}

/**
 * Matches predictions to labels by exact (type, value), as multisets per line; a wrong type is both an FP and an FN.
 * Beside that per-type measure, `untyped` says what a redaction leaves: labeled values not replaced whole, whatever
 * type replaced them, and redactions of nothing labeled.
 */
export function scoreCorpus(lines: readonly LabeledLine[], scanner: PiiScanner): CorpusScore {
  const byType = Object.fromEntries(piiTypes.map((t) => [t, emptyScore()])) as Record<PiiType, Score>;
  const overall = emptyScore();
  const untyped: UntypedScore = {
    labeled: 0,
    covered: 0,
    redactions: 0,
    spurious: 0,
    coverage: 1,
    precision: 1,
    leakedByType: {},
  };
  const mistakes: CorpusMistake[] = [];
  lines.forEach((line, index) => {
    const unmatched = line.spans.map((s) => `${s.type}\u0000${s.value}`);
    const unexpected: LabeledSpan[] = [];
    const matches = scanner.scan(line.text);
    const { leaked, spurious } = untypedLine(line, matches);
    untyped.labeled += line.spans.length;
    untyped.covered += line.spans.length - leaked.length;
    untyped.redactions += matches.length;
    untyped.spurious += spurious.length;
    for (const { type } of leaked) untyped.leakedByType[type] = (untyped.leakedByType[type] ?? 0) + 1;
    for (const match of matches) {
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
      mistakes.push({ line: index + 1, text: line.text, missed, unexpected, leaked, spurious });
  });
  piiTypes.forEach((t) => finish(byType[t]));
  finish(overall);
  untyped.coverage = untyped.labeled === 0 ? 1 : untyped.covered / untyped.labeled;
  untyped.precision = untyped.redactions === 0 ? 1 : (untyped.redactions - untyped.spurious) / untyped.redactions;
  return { byType, overall, untyped, mistakes };
}
