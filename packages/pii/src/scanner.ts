import { holdsOne, type Candidate, type Detector } from './detectors/detector';
import { detectorFactories } from './detectors/registry';
import { enabledTypes, type RedactorOptions } from './options';
import type { PiiType } from './pii-type';
import { createGroupScan } from './keyword-scan';
import { resolveOverlaps } from './resolve-overlaps';
import { addRepeats } from './repeat-values';

/** One piece of PII found in a text: [start, end) is what a redactor replaces. */
export interface PiiMatch {
  type: PiiType;
  start: number;
  end: number;
  value: string;
}

/** Finds PII without replacing it: what the redactor uses, and what the corpus evaluation scores. */
export interface PiiScanner {
  scan(text: string): PiiMatch[];
  readonly types: readonly PiiType[];
}

/** Internal form shared with the redactor: resolved replacements plus each one's detector (for normalizing). */
export interface CompiledScanner extends PiiScanner {
  resolve(text: string): Candidate[];
  /** The resolved replacements of each text, in order: the same as resolve() on each, found detector by detector over
   * the whole batch (each detector's patterns then stay hot in the CPU's caches across lines). */
  resolveBatch(texts: readonly string[]): Candidate[][];
  detector(type: PiiType): Detector;
}

/** Lines resolved together at most: a batch's texts and keyword table stay within a core's caches. */
const maxBatchLines = 1024;

/** Compiles the enabled detectors once; scanning a text only runs those whose cheap hint matches. */
export function createCompiledScanner(options: RedactorOptions = {}): CompiledScanner {
  const types = enabledTypes(options);
  const detectors = types.map((type) => detectorFactories[type]());
  const byType = new Map(detectors.map((d) => [d.type, d]));
  // One pass over a text finds the keywords of every keyword-led detector, in any case (a scan per detector, or
  // lower-casing a copy of every line, would cost more than the detectors' own work on a typical line).
  // A detector made of parts (secret_kv, user) runs as its parts, each gated by its own words.
  const runnable = detectors.flatMap((d) => d.parts ?? [d]);
  const keywordLed = runnable.filter((d) => d.keywordGroups !== undefined && d.keywordGroups.length > 0);
  const others = runnable.filter((d) => !keywordLed.includes(d));
  const groupsIn = createGroupScan(keywordLed.map((d) => d.keywordGroups ?? []));
  // A part whose words are in a text but none of whose rules has all the groups it needs is not called (its find would
  // run nothing): a third of the rule parts' calls on the corpus, the blind texts and loghub.
  const needsOf = keywordLed.map((d) => (d.keywordNeeds === undefined ? undefined : Int32Array.from(d.keywordNeeds)));
  // The keyword groups seen, a row of one slot per keyword-led detector for each text of the batch.
  const slots = keywordLed.length;
  let groups = new Int32Array(slots);
  // The slots with a word in some text of the slice, a bit each: a line holds the words of ~4 of 66 slots on loghub, and
  // visiting only those costs less than reading every slot of every text.
  const slotsSeen = new Int32Array(Math.ceil(slots / 32));

  /** Each detector runs over every text of the slice before the next one starts: the order of the work, not the work,
   * is what this changes (each text's candidates are pushed in the same order as text by text). */
  function resolveSlice(texts: readonly string[], from: number, to: number, found: Candidate[][]): void {
    const count = to - from;
    // Log lines nearly all hold a digit, so a shared pre-test for the shape-led detectors would only add a pass.
    for (const detector of others) {
      for (let t = from; t < to; t++) {
        const text = texts[t] as string;
        // A hint remembers its last text: find follows mayMatch on the same text.
        if (text.length > 0 && detector.mayMatch(text)) detector.find(text, found[t] as Candidate[]);
      }
    }
    if (groups.length < count * slots) groups = new Int32Array(count * slots);
    const table = groups;
    for (let t = from; t < to; t++) {
      const text = texts[t] as string;
      if (text.length > 0) groupsIn(text, table, (t - from) * slots, slotsSeen);
    }
    // Each slot is cleared as it is read, so the table is all zero for the next batch without a fill. Slots are visited
    // in order, lowest bit first, as a loop over all of them would.
    try {
      for (let word = 0; word < slotsSeen.length; word++) {
        let bits = slotsSeen[word] as number;
        slotsSeen[word] = 0;
        for (; bits !== 0; bits &= bits - 1) {
          const i = word * 32 + 31 - Math.clz32(bits & -bits);
          const detector = keywordLed[i] as Detector;
          const needs = needsOf[i];
          for (let t = from, at = i; t < to; t++, at += slots) {
            const seen = table[at] as number;
            if (seen === 0) continue;
            table[at] = 0;
            if (needs === undefined || holdsOne(seen, needs))
              detector.find(texts[t] as string, found[t] as Candidate[], seen);
          }
        }
      }
    } catch (error) {
      table.fill(0);
      slotsSeen.fill(0);
      throw error;
    }
    for (let t = from; t < to; t++) {
      const candidates = found[t] as Candidate[];
      if (candidates.length > 0) found[t] = addRepeats(texts[t] as string, resolveOverlaps(candidates));
    }
  }

  /** Each text's candidates, found into one list per text, then resolved in place of it. */
  function resolveBatch(texts: readonly string[]): Candidate[][] {
    const found: Candidate[][] = new Array<Candidate[]>(texts.length);
    for (let t = 0; t < texts.length; t++) found[t] = [];
    for (let from = 0; from < texts.length; from += maxBatchLines)
      resolveSlice(texts, from, Math.min(texts.length, from + maxBatchLines), found);
    return found;
  }

  const matchesOf = (text: string, resolved: readonly Candidate[]): PiiMatch[] =>
    resolved.map((c) => ({ type: c.type, start: c.start, end: c.end, value: text.slice(c.start, c.end) }));

  return {
    types,
    resolveBatch,
    // One text is a batch of one: the same code path.
    resolve: (text) => resolveBatch([text])[0] as Candidate[],
    detector(type) {
      const detector = byType.get(type);
      if (detector === undefined) throw new Error(`pii: detector ${type} is not enabled`);
      return detector;
    },
    scan: (text) => matchesOf(text, resolveBatch([text])[0] as Candidate[]),
  };
}

export function createPiiScanner(options: RedactorOptions = {}): PiiScanner {
  const { scan, types } = createCompiledScanner(options);
  return { scan, types };
}
