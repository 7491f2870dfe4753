import type { LabeledLine } from '../testing/score-corpus';
import { findCandidates } from './candidates';
import { candidateFeatures, type FeatureContext } from './features';
import { createGate, nextToTrigger, triggerRegions, wordsAround } from './gate';
import { featureIndex } from './model';
import { createLineWords, foldWord, scanWords } from './words';

/** Class of a training example: 0 neither, 1 user, 2 secret_kv (the order of the model's score columns). */
export type ContextClass = 0 | 1 | 2;

export interface ContextExamples {
  /** Hashed feature indexes of example i: features.slice(offsets[i], offsets[i + 1]). */
  features: Int32Array;
  offsets: Int32Array;
  labels: Uint8Array;
  /** Labeled user and secret_kv values that no gated candidate equals (the model cannot learn or find them). */
  uncovered: { type: 'user' | 'secret_kv'; value: string; text: string }[];
}

/** A word must be a non-PII candidate in this many lines to enter the vocabulary. */
const VOCABULARY_MIN_LINES = 4;

function labelOf(line: LabeledLine, value: string): ContextClass {
  for (const span of line.spans) {
    if (span.value !== value) continue;
    if (span.type === 'user') return 1;
    if (span.type === 'secret_kv') return 2;
  }
  return 0;
}

/** Common words: candidates seen as neither user nor secret in many lines, and never labeled as one. */
export function buildVocabulary(lines: readonly LabeledLine[]): string[] {
  const lineCounts = new Map<string, number>();
  const labeled = new Set<string>();
  for (const line of lines) {
    for (const span of line.spans) labeled.add(span.value.toLowerCase());
    const seen = new Set<string>();
    findCandidates(line.text, (start, end) => {
      if (end - start > 24) return;
      const value = line.text.slice(start, end);
      if (labelOf(line, value) === 0) seen.add(value.toLowerCase());
    });
    for (const word of seen) lineCounts.set(word, (lineCounts.get(word) ?? 0) + 1);
  }
  return [...lineCounts]
    .filter(([word, n]) => n >= VOCABULARY_MIN_LINES && !labeled.has(word))
    .map(([word]) => word)
    .sort();
}

/** A word is a trigger when it stood next to a labeled value in this many lines... */
const TRIGGER_MIN_LINES = 3;
/** ...and this share of the candidates next to it were labeled values. */
const TRIGGER_MIN_SHARE = 0.02;

/** Words (letters only, never a labeled value) that stand next to user names and secrets: the gate in front of the
 * model. */
export function buildTriggers(lines: readonly LabeledLine[]): string[] {
  const positiveLines = new Map<string, number>();
  const all = new Map<string, number>();
  const positives = new Map<string, number>();
  const words = createLineWords();
  const labeled = new Set<string>();
  for (const line of lines) {
    const { text } = line;
    for (const span of line.spans) labeled.add(span.value.toLowerCase());
    scanWords(text, words);
    const seen = new Set<string>();
    findCandidates(text, (start, end) => {
      const { before, after } = wordsAround(words, start, end);
      const label = labelOf(line, text.slice(start, end));
      for (const w of [before, before - 1, after]) {
        if (w < 0 || w >= words.count) continue;
        const word = foldWord(text, words.starts[w] ?? 0, words.ends[w] ?? 0);
        if (!/^[a-z]{2,}$/.test(word)) continue;
        all.set(word, (all.get(word) ?? 0) + 1);
        if (label === 0) continue;
        positives.set(word, (positives.get(word) ?? 0) + 1);
        seen.add(word);
      }
    });
    for (const word of seen) positiveLines.set(word, (positiveLines.get(word) ?? 0) + 1);
  }
  return [...positiveLines]
    .filter(
      ([word, n]) =>
        n >= TRIGGER_MIN_LINES &&
        !labeled.has(word) &&
        (positives.get(word) ?? 0) / (all.get(word) ?? 1) >= TRIGGER_MIN_SHARE,
    )
    .map(([word]) => word)
    .sort();
}

/** Every candidate the gate lets through, as hashed features and the class its labels give it. */
export function contextExamples(
  lines: readonly LabeledLine[],
  dimension: number,
  vocabulary: ReadonlySet<string>,
  triggers: readonly string[] | undefined,
): ContextExamples {
  const gate = createGate(triggers);
  let flags: Uint8Array = new Uint8Array(256);
  const features: number[] = [];
  const offsets: number[] = [0];
  const labels: number[] = [];
  const uncovered: ContextExamples['uncovered'] = [];
  const context: FeatureContext = { text: '', words: createLineWords(), vocabulary, counts: new Int32Array(128) };
  const emit = (feature: string): void => {
    features.push(featureIndex(feature, dimension));
  };
  for (const line of lines) {
    context.text = line.text;
    scanWords(line.text, context.words);
    const covered = new Set<string>();
    if (!gate.lineMayHold(line.text)) context.words.count = 0;
    flags = gate.markTriggers(context.words, flags);
    const visit = (start: number, end: number, part: number): void => {
      const { before, after } = wordsAround(context.words, start, end);
      if (!nextToTrigger(flags, context.words.count, before, after)) return;
      const value = line.text.slice(start, end);
      const label = labelOf(line, value);
      if (label !== 0) covered.add(value);
      candidateFeatures(context, start, end, part, emit);
      offsets.push(features.length);
      labels.push(label);
    };
    triggerRegions(line.text, context.words, flags, (from, to) => findCandidates(line.text, visit, from, to));
    for (const span of line.spans) {
      if ((span.type === 'user' || span.type === 'secret_kv') && !covered.has(span.value)) {
        uncovered.push({ type: span.type, value: span.value, text: line.text });
      }
    }
  }
  return {
    features: Int32Array.from(features),
    offsets: Int32Array.from(offsets),
    labels: Uint8Array.from(labels),
    uncovered,
  };
}
