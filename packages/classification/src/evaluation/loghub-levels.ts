import type { Severity } from '@obs/schema';

const log4j: Readonly<Record<string, Severity>> = {
  TRACE: 'debug',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warning',
  ERROR: 'error',
  FATAL: 'critical',
};

/**
 * Each loghub system's Level column mapped to the five severities. Systems without a level are absent: Linux's
 * `Level` holds the host name (`combo`), HPC has a state, HealthApp, OpenSSH and Proxifier have none.
 */
export const loghubLevelMaps: Readonly<Record<string, Readonly<Record<string, Severity>>>> = {
  // logcat letters: Verbose, Debug, Info, Warn, Error, Fatal, Assert
  Android: { V: 'debug', D: 'debug', I: 'info', W: 'warning', E: 'error', F: 'critical', A: 'critical' },
  // Apache httpd: syslog level names
  Apache: {
    debug: 'debug',
    info: 'info',
    notice: 'info',
    warn: 'warning',
    error: 'error',
    crit: 'critical',
    alert: 'critical',
    emerg: 'critical',
  },
  // Blue Gene/L RAS: SEVERE is Java's error level; FATAL and FAILURE stop a job
  BGL: { INFO: 'info', WARNING: 'warning', ERROR: 'error', SEVERE: 'error', FATAL: 'critical', FAILURE: 'critical' },
  HDFS: log4j,
  Spark: log4j,
  Zookeeper: log4j,
  // Windows CBS/CSI
  Windows: { Verbose: 'debug', Info: 'info', Warning: 'warning', Error: 'error', Critical: 'critical' },
};

/** The severity a loghub structured-CSV record states in its Level column; undefined for systems without levels. */
export function loghubLevelSeverity(system: string, record: Readonly<Record<string, string>>): Severity | undefined {
  const map = loghubLevelMaps[system];
  if (map === undefined) return undefined;
  const level = record.Level ?? '';
  const severity = map[level];
  if (severity === undefined) throw new Error(`loghub ${system}: Level "${level}" has no severity in loghubLevelMaps`);
  return severity;
}
