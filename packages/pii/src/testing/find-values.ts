import type { Candidate, Detector } from '../detectors/detector';

/** What one detector alone would replace in text, in order, ignoring cheap-hint skipping. */
export function findValues(detector: Detector, text: string): string[] {
  const out: Candidate[] = [];
  detector.find(text, out);
  return out.sort((a, b) => a.start - b.start).map((c) => text.slice(c.start, c.end));
}
