import type { Labels } from '../../entry';
import type { SyslogMessage } from './rfc5424';

// The names Promtail's syslog target gives (go-syslog's SeverityLevel and syslog(3) facility keywords).
export const SEVERITIES = ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'informational', 'debug'];
const FACILITIES = [
  'kern',
  'user',
  'mail',
  'daemon',
  'auth',
  'syslog',
  'lpr',
  'news',
  'uucp',
  'cron',
  'authpriv',
  'ftp',
  'ntp',
  'security',
  'console',
  'solaris-cron',
  'local0',
  'local1',
  'local2',
  'local3',
  'local4',
  'local5',
  'local6',
  'local7',
];

/** A message's `__syslog_message_*` labels, added to `labels` (the connection's), as Promtail's syslog target sets them. */
export function messageLabels(msg: SyslogMessage, labels: Labels, structuredData: boolean): Labels {
  labels.__syslog_message_severity = SEVERITIES[msg.severity];
  labels.__syslog_message_facility = FACILITIES[msg.facility];
  if (msg.hostname !== undefined) labels.__syslog_message_hostname = msg.hostname;
  if (msg.appName !== undefined) labels.__syslog_message_app_name = msg.appName;
  if (msg.procId !== undefined) labels.__syslog_message_proc_id = msg.procId;
  if (msg.msgId !== undefined) labels.__syslog_message_msg_id = msg.msgId;
  if (structuredData) {
    for (const [id, params] of msg.structuredData) {
      for (const [name, value] of params) labels[`__syslog_message_sd_${id.replaceAll('@', '_')}_${name}`] = value;
    }
  }
  return labels;
}
