import { candidate, type Candidate } from '../detectors/detector';
import type { PiiType } from '../pii-type';
import { findCandidates } from './candidates';
import { candidateFeatures, type FeatureContext } from './features';
import { nextToTrigger, triggerRegions, wordsAround } from './gate';
import { featureIndex, type ContextModel } from './model';
import { createLineWords, scanWords } from './words';

/** Adds to the rules' resolved matches the user names and secrets the model finds where no rule matched. */
export type ContextFinder = (text: string, resolved: Candidate[]) => Candidate[];

interface Found {
  type: PiiType;
  start: number;
  end: number;
  probability: number;
}

/** True when [start, end) overlaps a range of the start-sorted, non-overlapping list. */
function overlapsAny(sorted: readonly Candidate[], start: number, end: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as Candidate).end <= start) low = mid + 1;
    else high = mid;
  }
  return low < sorted.length && (sorted[low] as Candidate).start < end;
}

/**
 * One finding per group of overlapping cuts of a chunk: the likeliest, except that a user name is the bare name
 * (`root`, not `root@pam`) and a secret the whole value (no piece of it left in the text). Linear after the sort.
 */
function settle(found: Found[]): Candidate[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  let group = 0;
  while (group < found.length) {
    let next = group + 1;
    let groupEnd = (found[group] as Found).end;
    while (next < found.length && (found[next] as Found).start < groupEnd) {
      groupEnd = Math.max(groupEnd, (found[next] as Found).end);
      next++;
    }
    let best = found[group] as Found;
    for (let i = group + 1; i < next; i++)
      if ((found[i] as Found).probability > best.probability) best = found[i] as Found;
    let chosen = best;
    for (let i = group; i < next; i++) {
      const f = found[i] as Found;
      if (f.type !== best.type || f === best) continue;
      const inside = f.start >= best.start && f.end <= best.end;
      const around = f.start <= best.start && f.end >= best.end;
      if (
        best.type === 'user'
          ? inside && f.end - f.start < chosen.end - chosen.start
          : around && f.end - f.start > chosen.end - chosen.start
      ) {
        chosen = f;
      }
    }
    out.push(candidate(chosen.type, chosen.start, chosen.end));
    group = next;
  }
  return out;
}

export function createContextFinder(model: ContextModel, types: readonly PiiType[]): ContextFinder | undefined {
  const wantUser = types.includes('user');
  const wantSecret = types.includes('secret_kv');
  if (!wantUser && !wantSecret) return undefined;
  const { dimension, thresholds, gate } = model;
  const context: FeatureContext = {
    text: '',
    words: createLineWords(),
    vocabulary: model.vocabulary,
    counts: new Int32Array(128),
  };
  let flags: Uint8Array = new Uint8Array(256);
  let resolved: Candidate[] = [];
  const found: Found[] = [];
  let userScore = 0;
  let secretScore = 0;
  const add = (feature: string): void => {
    const i = featureIndex(feature, dimension);
    userScore += model.user[i] ?? 0;
    secretScore += model.secret[i] ?? 0;
  };
  const score = (start: number, end: number, part: number): void => {
    const { before, after } = wordsAround(context.words, start, end);
    if (!nextToTrigger(flags, context.words.count, before, after) || overlapsAny(resolved, start, end)) return;
    userScore = 0;
    secretScore = 0;
    candidateFeatures(context, start, end, part, add);
    // Softmax over neither (score 0), user and secret.
    const eu = Math.exp(userScore);
    const es = Math.exp(secretScore);
    const pUser = eu / (1 + eu + es);
    const pSecret = es / (1 + eu + es);
    if (wantUser && pUser >= thresholds.user && pUser >= pSecret)
      found.push({ type: 'user', start, end, probability: pUser });
    else if (wantSecret && pSecret >= thresholds.secret_kv)
      found.push({ type: 'secret_kv', start, end, probability: pSecret });
  };

  return (text, rules) => {
    if (!gate.lineMayHold(text)) return rules;
    context.text = text;
    resolved = rules;
    scanWords(text, context.words);
    flags = gate.markTriggers(context.words, flags);
    found.length = 0;
    triggerRegions(text, context.words, flags, (from, to) => findCandidates(text, score, from, to));
    if (found.length === 0) return rules;
    return [...rules, ...settle(found)].sort((a, b) => a.start - b.start);
  };
}
