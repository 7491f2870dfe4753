import { keywordSeverity, mostFrequentLabel } from './severity-baselines';

describe('keywordSeverity', () => {
  test.each([
    ['takes the first level keyword when several appear', '12:00 INFO retry after error', 'info'],
    ['reads a keyword in any case', 'a warning was raised', 'warning'],
    ['answers info when no keyword appears', 'cache warmed', 'info'],
    ['ignores keywords inside longer words', 'errors_total=3 information', 'info'],
  ])('%s', (_behaviour, text, severity) => {
    expect(keywordSeverity(text)).toBe(severity);
  });
});

describe('mostFrequentLabel', () => {
  test('picks the label seen most often when one dominates', () => {
    expect(mostFrequentLabel(['info', 'warning', 'info'])).toBe('info');
  });
  test('answers an empty label when there is no truth', () => {
    expect(mostFrequentLabel([])).toBe('');
  });
});
