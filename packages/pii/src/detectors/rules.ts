import type { PiiType } from '../pii-type';
import { createGroupScan } from '../keyword-scan';
import { anyOf, candidate, keepAsIs, type Candidate, type Detector } from './detector';

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
 * A keyword-led detector made of groups of rules: each capture group of a match becomes a candidate of `type` when
 * `accept` takes its value, and the claim is the whole match. The rules of a group run on a text holding a word of
 * any of them (a detector's word groups are bits of one 32-bit set, shared with the detectors it is combined with,
 * so rare rules share a group; a rule whose words are absent fails at once on its literal parts).
 */
export function createRuleDetector(
  type: PiiType,
  groups: ReadonlyArray<readonly Rule[]>,
  accept: (value: string) => boolean,
): Detector {
  const hint = anyOf([...new Set(groups.flat().flatMap((r) => r.words))]);
  // Each rule's own words, as the bits of a second keyword pass (32 rules a slot), run only when a group of several
  // rules fired: a rule of a shared group then runs only where its own words are, not wherever its neighbours' are.
  const rules = groups.flat();
  const slots = Array.from({ length: Math.ceil(rules.length / 32) }, (_, slot) =>
    rules.slice(slot * 32, slot * 32 + 32).map((r) => [...new Set(r.words)]),
  );
  const rulesIn = createGroupScan(slots);
  const ruleFound = new Int32Array(slots.length);
  return {
    type,
    keywordGroups: groups.map((g) => [...new Set(g.flatMap((r) => r.words))]),
    mayMatch: (text) => hint.test(text),
    find(text: string, out: Candidate[], found = -1): void {
      let scanned = false;
      for (let i = 0, first = 0; i < groups.length; first += (groups[i] as readonly Rule[]).length, i++) {
        if ((found & (1 << i)) === 0) continue;
        const group = groups[i] as readonly Rule[];
        if (group.length > 1 && !scanned) {
          ruleFound.fill(0);
          rulesIn(text, ruleFound);
          scanned = true;
        }
        for (let r = 0; r < group.length; r++) {
          const index = first + r;
          if (group.length > 1 && ((ruleFound[index >>> 5] as number) & (1 << (index & 31))) === 0) continue;
          const { pattern, values } = group[r] as Rule;
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
      }
    },
    normalize: keepAsIs,
  };
}
