import type { Candidate, Detector } from '../detectors/detector';

/** What one detector alone would replace in text, in order, ignoring cheap-hint skipping. Two of its rules may
 * find one range (`JSESSIONID=x` is a key and a cookie); it is replaced once, so it is listed once. */
export function findValues(detector: Detector, text: string): string[] {
  const out: Candidate[] = [];
  detector.find(text, out);
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out
    .filter((c, i) => i === 0 || c.start !== out[i - 1]?.start || c.end !== out[i - 1]?.end)
    .map((c) => text.slice(c.start, c.end));
}
