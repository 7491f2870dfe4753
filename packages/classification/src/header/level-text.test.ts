import { levelFromAttributes } from './attributes';
import { severityFromLevelText } from './level-text';

describe('severityFromLevelText', () => {
  test.each([
    ['E', 'error'],
    ['V', 'debug'],
    ['A', 'critical'],
    ['w', 'warning'],
    ['WARN', 'warning'],
    ['Warning', 'warning'],
    ['Information', 'info'],
    ['notice', 'info'],
    ['SEVERE', 'error'],
    ['FINEST', 'debug'],
    ['trace', 'debug'],
    ['dpanic', 'critical'],
    ['emerg', 'critical'],
    ['fail', 'error'],
    ['crit', 'critical'],
    ['INF', 'info'],
    ['WRN', 'warning'],
    ['FTL', 'critical'],
    ['ERRO', 'error'],
    ['DEBU', 'debug'],
    ['LOG', 'info'],
    ['DEBUG3', 'debug'],
    ['[error]', 'error'],
    ['<warn>', 'warning'],
    ['core:error', 'error'],
    ['ERROR:', 'error'],
    ['<11>', 'error'],
    ['<165>', 'info'],
    ['3', 'error'],
    ['7', 'debug'],
    ['30', 'info'],
    ['60', 'critical'],
    ['17', 'error'],
  ])('maps "%s" to %s', (raw, severity) => {
    expect(severityFromLevelText(raw)).toBe(severity);
  });

  test.each([['purple'], [''], ['999'], ['<200>'], ['X']])(
    'returns undefined for "%s", which names no level',
    (raw) => {
      expect(severityFromLevelText(raw)).toBeUndefined();
    },
  );
});

describe('levelFromAttributes', () => {
  test.each([
    ['reads severity_text when it names a level', { severity_text: 'Error' }, 'error'],
    ['reads an OTLP severity_number in the fatal range', { severity_number: 21 }, 'critical'],
    ['reads an OTLP severity_number given as a string', { severityNumber: '9' }, 'info'],
    ['reads a Loki level label', { level: 'debug' }, 'debug'],
    ["reads Loki's detected_level label", { detected_level: 'warn' }, 'warning'],
    ['reads a journald PRIORITY as a syslog severity', { PRIORITY: '2' }, 'critical'],
  ])('%s', (_behaviour, attributes, severity) => {
    expect(levelFromAttributes(attributes)).toMatchObject({ severity, source: 'attribute' });
  });

  test('returns undefined when the attributes name no known level', () => {
    expect(levelFromAttributes({ severity_text: 'purple', severity_number: 99, service: 'api' })).toBeUndefined();
  });
});
