import type { Candidate, Detector } from './detectors/detector';
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
  detector(type: PiiType): Detector;
}

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
  const groups = new Int32Array(keywordLed.length);

  function resolve(text: string): Candidate[] {
    if (text.length === 0) return [];
    const found: Candidate[] = [];
    // Log lines nearly all hold a digit, so a shared pre-test for the shape-led detectors would only add a pass.
    for (const detector of others) {
      if (detector.mayMatch(text)) detector.find(text, found);
    }
    groupsIn(text, groups);
    // Each slot is cleared as it is read, so the table is all zero for the next text without a fill call a line.
    try {
      for (let i = 0; i < keywordLed.length; i++) {
        const seen = groups[i] as number;
        if (seen === 0) continue;
        groups[i] = 0;
        (keywordLed[i] as Detector).find(text, found, seen);
      }
    } catch (error) {
      groups.fill(0);
      throw error;
    }
    return addRepeats(text, resolveOverlaps(found));
  }

  return {
    types,
    resolve,
    detector(type) {
      const detector = byType.get(type);
      if (detector === undefined) throw new Error(`pii: detector ${type} is not enabled`);
      return detector;
    },
    scan(text) {
      return resolve(text).map((c) => ({
        type: c.type,
        start: c.start,
        end: c.end,
        value: text.slice(c.start, c.end),
      }));
    },
  };
}

export function createPiiScanner(options: RedactorOptions = {}): PiiScanner {
  const { scan, types } = createCompiledScanner(options);
  return { scan, types };
}
