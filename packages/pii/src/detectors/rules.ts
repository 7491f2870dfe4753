import type { PiiType } from '../pii-type';
import { createGroupScan } from '../keyword-scan';
import { anyOf, candidate, combineDetectors, inRunsOf32, keepAsIs, type Candidate, type Detector } from './detector';

/**
 * One way a log format or a command line places a value: the words (lower case) one of which every text with a
 * match contains, and a global pattern each of whose capture groups that took part in a match is a value.
 */
export interface Rule {
  readonly words: readonly string[];
  readonly pattern: RegExp;
  /** The capture groups that are values (all when absent): one pattern can serve two types (a user and a password). */
  readonly values?: readonly number[];
}

/** The pattern compiled with match indices (`d`), so every capture group's position is known without searching. */
export function rule(words: readonly string[], source: string, values?: readonly number[], flags = 'g'): Rule {
  return { words, pattern: new RegExp(source, `${flags}d`), values };
}

/**
 * A keyword-led detector made of rules: each capture group of a match becomes a candidate of `type` when `accept`
 * takes its value, and the claim is the whole match. Each rule runs only on a text holding one of its own words: the
 * rules are cut into parts of 32 with one keyword group per rule, which the scanner runs as detectors of their own, so
 * the scanner's one pass over the text tells each rule apart (`groups` only arranges the rules for the reader).
 */
export function createRuleDetector(
  type: PiiType,
  groups: ReadonlyArray<readonly Rule[]>,
  accept: (value: string) => boolean,
): Detector {
  const parts = inRunsOf32(groups.flat()).map((run) => createRulePart(type, run, accept));
  return combineDetectors(type, parts);
}

/** Up to 32 rules, the bit of each set when the text holds one of its words. */
function createRulePart(type: PiiType, rules: readonly Rule[], accept: (value: string) => boolean): Detector {
  const keywordGroups = rules.map((r) => [...new Set(r.words)]);
  const hint = anyOf([...new Set(keywordGroups.flat())]);
  // A caller without the scanner (a test) gets the same gating from a keyword pass of the part's own, built on first use.
  let ownScan: ((text: string, found: Int32Array) => void) | undefined;
  const ownFound = new Int32Array(1);
  return {
    type,
    keywordGroups,
    mayMatch: (text) => hint.test(text),
    find(text: string, out: Candidate[], groups?: number): void {
      let found = groups;
      if (found === undefined) {
        ownScan ??= createGroupScan([keywordGroups]);
        ownFound[0] = 0;
        ownScan(text, ownFound);
        found = ownFound[0] as number;
      }
      for (let r = 0; r < rules.length; r++) {
        if ((found & (1 << r)) === 0) continue;
        const { pattern, values } = rules[r] as Rule;
        pattern.lastIndex = 0;
        for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
          const spans = m.indices as RegExpIndicesArray;
          for (let g = 1; g < m.length; g++) {
            if (values !== undefined && !values.includes(g)) continue;
            const span = spans[g];
            const value = m[g];
            if (span === undefined || value === undefined || !accept(value)) continue;
            out.push(candidate(type, span[0], span[1], m.index, m.index + m[0].length));
          }
          if (m[0].length === 0) pattern.lastIndex++;
        }
      }
    },
    normalize: keepAsIs,
  };
}
