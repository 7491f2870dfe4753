import { forwardToFor } from './forward-to';

describe('forwardToFor', () => {
  test.each([
    ['alerts when the severity is critical', 'critical', 'performance', 'alerting'],
    ['alerts when an error is about availability', 'error', 'availability', 'alerting'],
    ['alerts when an error is about security', 'error', 'security', 'alerting'],
    ['stores when an error is an application error', 'error', 'error', 'storage'],
    ['stores when a warning is about security', 'warning', 'security', 'storage'],
    ['archives when the severity is debug', 'debug', 'availability', 'archive'],
    ['archives when the category is noise', 'info', 'noise', 'archive'],
  ] as const)('%s', (_behaviour, severity, category, expected) => {
    expect(forwardToFor(severity, category)).toBe(expected);
  });
});
