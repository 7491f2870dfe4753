import type { Candidate } from './detectors/detector';

function byPrecedence(a: Candidate, b: Candidate): number {
  return b.claimEnd - b.claimStart - (a.claimEnd - a.claimStart) || b.priority - a.priority || a.start - b.start;
}

function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd;
}

/** [start, end) minus the accepted replaced ranges, as the pieces left over. */
function subtract(start: number, end: number, accepted: readonly Candidate[]): Array<[number, number]> {
  let pieces: Array<[number, number]> = [[start, end]];
  for (const a of accepted) {
    const next: Array<[number, number]> = [];
    for (const [s, e] of pieces) {
      if (!overlaps(s, e, a.start, a.end)) next.push([s, e]);
      else {
        if (s < a.start) next.push([s, a.start]);
        if (a.end < e) next.push([a.end, e]);
      }
    }
    pieces = next;
  }
  return pieces;
}

/**
 * Settles overlapping candidates deterministically. The widest claim goes first, then the more specific type.
 * A later candidate that touches nothing already replaced is kept, even inside another's claim (an IPv4 host of a
 * URL with credentials). One that overlaps a replaced range is dropped when it lies inside that structure's claim
 * (a misreading of it, like `pass@host.tld` taken for an email); otherwise the part sticking out is kept, so no
 * piece of a detected secret is ever left behind. Returns non-overlapping replacements sorted by start.
 */
export function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  if (candidates.length < 2) return candidates;
  candidates.sort(byPrecedence);
  const accepted: Candidate[] = [];
  for (const c of candidates) {
    const hit = accepted.filter((a) => overlaps(c.start, c.end, a.start, a.end));
    if (hit.length === 0) {
      accepted.push(c);
      continue;
    }
    if (hit.some((a) => c.claimStart >= a.claimStart && c.claimEnd <= a.claimEnd)) continue;
    for (const [start, end] of subtract(c.start, c.end, accepted)) {
      accepted.push({ ...c, start, end, claimStart: start, claimEnd: end });
    }
  }
  return accepted.sort((a, b) => a.start - b.start);
}
