import { levelFromAttributes, levelFromText } from './level';

describe('levelFromText', () => {
  test.each([
    ['reads an uppercase level word when it is present', '12:00:01 WARN disk 80% full', 'warning'],
    ['reads a bracketed Apache level when it is lowercase', '[Sun Dec 04] [error] mod_jk child failed', 'error'],
    ['reads an Android prefix when the line starts with one', 'E/ActivityManager( 123): ANR in app', 'error'],
    ['reads a syslog priority modulo 8 when the line starts with one', '<14>host app: started', 'info'],
    ['reads a leading "fatal:" when a tool prefixes its messages', 'fatal: Write failed: Connection reset by peer', 'critical'],
  ])('%s', (_behaviour, text, severity) => {
    expect(levelFromText(text)?.severity).toBe(severity);
  });

  test.each([
    ['ignores a lowercase error word inside prose', 'there was no error in the batch'],
    ['ignores a level word that is part of an identifier', 'flag SYSTEM_INFO set'],
  ])('%s', (_behaviour, text) => {
    expect(levelFromText(text)).toBeUndefined();
  });
});

describe('levelFromAttributes', () => {
  test.each([
    ['reads severity_text when it names a level', { severity_text: 'Error' }, 'error'],
    ['reads an OTel severity_number in the fatal range', { severity_number: 21 }, 'critical'],
    ['reads an OTel severity_number given as a string', { severityNumber: '9' }, 'info'],
    ['reads a level attribute when it names a level', { level: 'debug' }, 'debug'],
  ])('%s', (_behaviour, attributes, severity) => {
    expect(levelFromAttributes(attributes)?.severity).toBe(severity);
  });

  test('returns undefined when the attributes name no known level', () => {
    expect(levelFromAttributes({ severity_text: 'purple', severity_number: 99 })).toBeUndefined();
  });
});
