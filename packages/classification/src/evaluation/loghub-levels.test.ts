import { loghubLevelSeverity } from './loghub-levels';

describe('loghubLevelSeverity', () => {
  test.each([
    ['maps a logcat letter', 'Android', 'V', 'debug'],
    ['maps an Apache notice to info', 'Apache', 'notice', 'info'],
    ["maps BGL's SEVERE to error", 'BGL', 'SEVERE', 'error'],
    ["maps BGL's FATAL to critical", 'BGL', 'FATAL', 'critical'],
    ['maps a log4j WARN', 'Zookeeper', 'WARN', 'warning'],
    ['maps a Windows Info', 'Windows', 'Info', 'info'],
  ])('%s', (_behaviour, system, level, severity) => {
    expect(loghubLevelSeverity(system, { Level: level })).toBe(severity);
  });

  test('answers undefined when the system has no level column', () => {
    expect(loghubLevelSeverity('Linux', { Level: 'combo' })).toBeUndefined();
  });

  test('names the system and value when a level is not mapped', () => {
    expect(() => loghubLevelSeverity('HDFS', { Level: 'NOTICE' })).toThrow(
      'loghub HDFS: Level "NOTICE" has no severity in loghubLevelMaps',
    );
  });
});
