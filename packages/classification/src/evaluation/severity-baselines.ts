import type { Severity } from '@obs/schema';

const levelKeyword = /\b(error|warn(?:ing)?|info|debug)\b/i;
const keywordSeverities: Readonly<Record<string, Severity>> = {
  error: 'error',
  warn: 'warning',
  warning: 'warning',
  info: 'info',
  debug: 'debug',
};

/** Trivial baseline: the severity of the first level keyword (ERROR, WARN, INFO, DEBUG, any case) in the text, else info. */
export function keywordSeverity(text: string): Severity {
  const word = levelKeyword.exec(text)?.[1];
  return word === undefined ? 'info' : keywordSeverities[word.toLowerCase()];
}

/** Trivial baseline: the most frequent label of the truth, predicted for every item (ties go to the first seen). */
export function mostFrequentLabel(truth: readonly string[]): string {
  const counts = new Map<string, number>();
  let best = '';
  let bestCount = 0;
  for (const label of truth) {
    const count = (counts.get(label) ?? 0) + 1;
    counts.set(label, count);
    if (count > bestCount) {
      best = label;
      bestCount = count;
    }
  }
  return best;
}
