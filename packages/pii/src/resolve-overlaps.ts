import type { Candidate } from './detectors/detector';

function byPrecedence(a: Candidate, b: Candidate): number {
  return b.claimEnd - b.claimStart - (a.claimEnd - a.claimStart) || b.priority - a.priority || a.start - b.start;
}

function byStart(a: Candidate, b: Candidate): number {
  return a.start - b.start;
}

function byRange(a: Candidate, b: Candidate): number {
  return a.start - b.start || a.end - b.end;
}

/**
 * Sorts in place, keeping equal items in their order (as Array.prototype.sort does): by insertion for the handful of
 * candidates a line has, where the built-in sort's fixed cost is most of the work.
 */
function sortStable(list: Candidate[], compare: (a: Candidate, b: Candidate) => number): Candidate[] {
  if (list.length > 32) return list.sort(compare);
  for (let i = 1; i < list.length; i++) {
    const c = list[i] as Candidate;
    let j = i - 1;
    while (j >= 0 && compare(list[j] as Candidate, c) > 0) {
      list[j + 1] = list[j] as Candidate;
      j--;
    }
    list[j + 1] = c;
  }
  return list;
}

/** Index of the first accepted range ending after position (accepted is sorted and non-overlapping). */
function firstEndingAfter(accepted: readonly Candidate[], position: number): number {
  let low = 0;
  let high = accepted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((accepted[mid] as Candidate).end <= position) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Settles overlapping candidates deterministically. The widest claim goes first, then the more specific type.
 * A later candidate that touches nothing already replaced is kept, even inside another's claim (an IPv4 host of a
 * URL with credentials). One that overlaps a replaced range is dropped when it lies inside that structure's claim
 * (a misreading of it, like `pass@host.tld` taken for an email); otherwise the parts sticking out are kept, so no
 * piece of a detected secret is ever left behind. Returns non-overlapping replacements sorted by start.
 * Accepted ranges stay sorted, so each candidate costs a binary search: no quadratic blow-up on hostile lines.
 */
export function resolveOverlaps(found: Candidate[]): Candidate[] {
  if (found.length < 2) return found;
  const disjoint = found.length === 2 ? pairIfDisjoint(found) : sortedIfDisjoint(found);
  if (disjoint !== undefined) return disjoint;
  const candidates = preferSpecificOnSameRange(found);
  sortStable(candidates, byPrecedence);
  const accepted: Candidate[] = [];
  for (const c of candidates) {
    const first = firstEndingAfter(accepted, c.start);
    let last = first;
    let misreading = false;
    for (; last < accepted.length && (accepted[last] as Candidate).start < c.end; last++) {
      const a = accepted[last] as Candidate;
      misreading ||= c.claimStart >= a.claimStart && c.claimEnd <= a.claimEnd;
    }
    if (first === last) {
      accepted.splice(first, 0, c);
      continue;
    }
    if (misreading) continue;
    // The replaced ranges it touches, with the parts of it sticking out between and around them, in order of start.
    const merged: Candidate[] = [];
    let from = c.start;
    for (let i = first; i < last; i++) {
      const a = accepted[i] as Candidate;
      if (from < a.start) merged.push({ ...c, start: from, end: a.start, claimStart: from, claimEnd: a.start });
      merged.push(a);
      from = Math.max(from, a.end);
    }
    if (from < c.end) merged.push({ ...c, start: from, end: c.end, claimStart: from, claimEnd: c.end });
    accepted.splice(first, last - first, ...merged);
  }
  return accepted;
}

/** Two candidates, the most common case with more than one: disjoint ones in order of start without a copy or sort. */
function pairIfDisjoint(found: Candidate[]): Candidate[] | undefined {
  const a = found[0] as Candidate;
  const b = found[1] as Candidate;
  if (a.start >= a.end || b.start >= b.end) return undefined;
  if (a.end <= b.start) return found;
  if (b.end <= a.start) return [b, a];
  return undefined;
}

/**
 * Most lines with several candidates have no two that touch: then every one is kept, and sorting them by start is the
 * whole answer. Returns undefined when two overlap (or one is empty), for the general path to settle.
 */
function sortedIfDisjoint(found: readonly Candidate[]): Candidate[] | undefined {
  if (found.length > 32) return undefined;
  const sorted = sortStable(found.slice(), byStart);
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i] as Candidate;
    if (c.start >= c.end || (i > 0 && c.start < (sorted[i - 1] as Candidate).end)) return undefined;
  }
  return sorted;
}

/** Most lines have a few candidates and no two on one range: checking pairs costs less than sorting a copy. */
function hasSameRange(found: readonly Candidate[]): boolean {
  if (found.length > 32) return true;
  for (let i = 0; i < found.length; i++) {
    const a = found[i] as Candidate;
    for (let j = i + 1; j < found.length; j++) {
      const b = found[j] as Candidate;
      if (a.start === b.start && a.end === b.end) return true;
    }
  }
  return false;
}

/**
 * Two detectors replacing exactly the same range read one value two ways (`GITHUB_TOKEN=ghp_...` is a key/value and
 * a GitHub token): the more specific type wins, with the wider of the two claims.
 */
function preferSpecificOnSameRange(found: Candidate[]): Candidate[] {
  if (!hasSameRange(found)) return found;
  const sorted = sortStable(found.slice(), byRange);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    const last = kept[kept.length - 1];
    if (last === undefined || last.start !== c.start || last.end !== c.end) {
      kept.push(c);
      continue;
    }
    const [win, lose] = c.priority > last.priority ? [c, last] : [last, c];
    const claimStart = Math.min(win.claimStart, lose.claimStart);
    const claimEnd = Math.max(win.claimEnd, lose.claimEnd);
    // (Most same-range pairs are one value found twice with one claim: the winner is kept as it is.)
    kept[kept.length - 1] =
      claimStart === win.claimStart && claimEnd === win.claimEnd ? win : { ...win, claimStart, claimEnd };
  }
  return kept;
}
