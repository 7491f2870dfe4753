import type { LogEntry } from '../../entry';
import { labelSetKey } from '../../labels/label-set-key';
import type { LogRecord, LogsData, ResourceLogs } from '../../protocols/otlp/types';

const severityNumbers: Record<string, number> = {
  trace: 1,
  debug: 5,
  info: 9,
  notice: 10,
  warn: 13,
  warning: 13,
  error: 17,
  critical: 21,
  fatal: 21,
};
const recordFields = new Set(['severity_text', 'severity_number', 'trace_id', 'span_id']);
const hex = /^[0-9a-f]+$/;

/**
 * Log entries -> OTLP logs: one resource per label set (labels become resource attributes, and `service_name`
 * also `service.name`), line -> body, structured metadata -> attributes, except severity_text/severity_number
 * (or a severity / detected_level label from classify), trace_id and span_id, which fill the record's own fields.
 */
export function entriesToLogsData(entries: readonly LogEntry[], observedNs: bigint): LogsData {
  const byStream = new Map<string, ResourceLogs>();
  for (const e of entries) {
    const key = labelSetKey(e.labels);
    let rl = byStream.get(key);
    if (rl === undefined) {
      const attributes = new Map<string, string>(Object.entries(e.labels));
      if (e.labels.service_name !== undefined && !attributes.has('service.name'))
        attributes.set('service.name', e.labels.service_name);
      rl = {
        resource: { attributes, droppedAttributesCount: 0 },
        schemaUrl: '',
        scopeLogs: [
          {
            scope: { name: 'obs-collector', version: '', attributes: new Map(), droppedAttributesCount: 0 },
            schemaUrl: '',
            logRecords: [],
          },
        ],
      };
      byStream.set(key, rl);
    }
    rl.scopeLogs[0].logRecords.push(toRecord(e, observedNs));
  }
  return { resourceLogs: [...byStream.values()] };
}

function toRecord(e: LogEntry, observedNs: bigint): LogRecord {
  const sm = e.structuredMetadata;
  const attributes = new Map<string, string>();
  for (const key in sm) if (!recordFields.has(key)) attributes.set(key, sm[key]);
  const severityText =
    sm.severity_text ?? e.labels.severity ?? e.labels.detected_level ?? sm.severity ?? sm.detected_level ?? '';
  const severityNumber =
    sm.severity_number !== undefined
      ? Number(sm.severity_number) || 0
      : (severityNumbers[severityText.toLowerCase()] ?? 0);
  const traceId = sm.trace_id !== undefined && sm.trace_id.length === 32 && hex.test(sm.trace_id) ? sm.trace_id : '';
  const spanId = sm.span_id !== undefined && sm.span_id.length === 16 && hex.test(sm.span_id) ? sm.span_id : '';
  return {
    timeUnixNano: e.timestampNs,
    observedTimeUnixNano: observedNs,
    severityNumber,
    severityText,
    body: e.line,
    attributes,
    droppedAttributesCount: 0,
    flags: 0,
    traceId,
    spanId,
    eventName: '',
  };
}
