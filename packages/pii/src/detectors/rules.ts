import type { PiiType } from '../pii-type';
import { createGroupScan } from '../keyword-scan';
import { candidate, combineDetectors, holdsOne, inRunsOf32, keepAsIs, type Candidate, type Detector } from './detector';

/**
 * One way a log format or a command line places a value: the words (lower case) one of which every text with a
 * match contains, and a global pattern each of whose capture groups that took part in a match is a value.
 */
export interface Rule {
  readonly words: readonly string[];
  /** More word lists a match also needs one word of each of (`for` and a login word): the rule runs only on a text
   * holding all, each list a keyword group of its own, so the one keyword pass tells it without a pattern. */
  readonly alsoWords?: ReadonlyArray<readonly string[]>;
  readonly pattern: RegExp;
  /** The capture groups that are values (all when absent): one pattern can serve two types (a user and a password). */
  readonly values?: readonly number[];
}

/** The pattern compiled with match indices (`d`), so every capture group's position is known without searching. */
export function rule(
  words: readonly string[],
  source: string,
  values?: readonly number[],
  flags = 'g',
  alsoWords?: ReadonlyArray<readonly string[]>,
): Rule {
  return { words, alsoWords, pattern: new RegExp(source, `${flags}d`), values };
}

/** A rule's keyword groups: its words, then each further list. */
function wordGroups(r: Rule): string[][] {
  return [r.words, ...(r.alsoWords ?? [])].map((words) => [...new Set(words)]);
}

/** How many keyword groups a rule takes: its words, and one for each further list. */
function groupCount(r: Rule): number {
  return 1 + (r.alsoWords?.length ?? 0);
}

/**
 * A keyword-led detector made of rules: each capture group of a match becomes a candidate of `type` when `accept`
 * takes its value, and the claim is the whole match. Each rule runs only on a text holding one of its own words (and
 * one of each further list): the rules are cut into parts of up to 32 keyword groups, one per word list of a rule,
 * which the scanner runs as detectors of their own, so the scanner's one pass over the text tells each rule apart
 * (`groups` only arranges the rules for the reader).
 */
export function createRuleDetector(
  type: PiiType,
  groups: ReadonlyArray<readonly Rule[]>,
  accept: (value: string) => boolean,
): Detector {
  const parts = inRunsOf32(groups.flat(), groupCount).map((run) => createRulePart(type, run, accept));
  return combineDetectors(type, parts);
}

/** Rules with up to 32 keyword groups, the bit of each set when the text holds one of its words. */
function createRulePart(type: PiiType, rules: readonly Rule[], accept: (value: string) => boolean): Detector {
  const keywordGroups = rules.flatMap(wordGroups);
  // Each rule's bits: all must be set for it to run.
  let next = 0;
  const needs = rules.map((r) => {
    const count = groupCount(r);
    const bits = count === 32 ? -1 : ((1 << count) - 1) << next;
    next += count;
    return bits;
  });
  // A caller without the scanner (a test) gets the same gating from a keyword pass of the part's own, built on first use.
  let ownScan: ((text: string, found: Int32Array) => void) | undefined;
  const ownFound = new Int32Array(1);
  const groupsIn = (text: string): number => {
    ownScan ??= createGroupScan([keywordGroups]);
    ownFound[0] = 0;
    ownScan(text, ownFound);
    return ownFound[0] as number;
  };
  // (Only rules with further word lists make a part's words appear without a rule to run.)
  const keywordNeeds = rules.some((r) => groupCount(r) > 1) ? needs : undefined;
  return {
    type,
    keywordGroups,
    keywordNeeds,
    mayMatch: (text) => {
      const found = groupsIn(text);
      return holdsOne(found, needs);
    },
    find(text: string, out: Candidate[], groups?: number): void {
      const found = groups ?? groupsIn(text);
      for (let r = 0; r < rules.length; r++) {
        const need = needs[r] as number;
        if ((found & need) !== need) continue;
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
