import { z } from 'zod';
import { copyLabels, type LogEntry } from '../../entry';
import { anyValueToString } from '../../protocols/otlp/any-value';
import { createLabelNameCache } from '../../protocols/otlp/label-name';
import type { LogsData } from '../../protocols/otlp/types';

export const logMappingSchema = z
  .object({
    labels_from_resource: z
      .array(z.string().min(1))
      .default(['service.name', 'service.namespace', 'deployment.environment'])
      .describe(
        'Resource attributes that become stream labels (dots become underscores: service.name -> service_name). Keep this list short: every distinct value is a new stream.',
      ),
    structured_metadata_from_attributes: z
      .array(z.string().min(1))
      .default(['*'])
      .describe('Log record attributes copied to structured metadata (sanitised names); "*" copies all of them.'),
    structured_metadata_from_resource: z
      .array(z.string().min(1))
      .default([])
      .describe(
        'Resource attributes copied to structured metadata instead of labels, e.g. host.name, k8s.pod.name; "*" copies every resource attribute that is not a label.',
      ),
  })
  .strict()
  .describe('How OTLP log records become log entries.');

export type LogMappingConfig = z.infer<typeof logMappingSchema>;

/** Severity text by SeverityNumber range (OTLP data model: 1-4 TRACE, 5-8 DEBUG, ... 21-24 FATAL). */
const severityByRange = ['', 'trace', 'debug', 'info', 'warn', 'error', 'fatal'];

export function severityFromNumber(n: number): string {
  if (n < 1 || n > 24) return '';
  return severityByRange[Math.ceil(n / 4)] ?? '';
}

/**
 * Converts OTLP log records into entries: body -> line; chosen resource attributes -> labels; severity, trace and
 * span ids, scope name and chosen attributes -> structured metadata; all record attributes -> extracted, so that the
 * `labels` stage can promote one. Timestamp: time_unix_nano, else observed_time_unix_nano, else now.
 */
export function createLogRecordConverter(config: LogMappingConfig, now: () => bigint): (data: LogsData) => LogEntry[] {
  const labelName = createLabelNameCache();
  const labelKeys = new Set(config.labels_from_resource);
  const allAttributes = config.structured_metadata_from_attributes.includes('*');
  const attributeKeys = new Set(config.structured_metadata_from_attributes);
  const allResource = config.structured_metadata_from_resource.includes('*');
  const resourceKeys = new Set(config.structured_metadata_from_resource);

  return (data) => {
    const entries: LogEntry[] = [];
    const receivedNs = now();
    for (const rl of data.resourceLogs) {
      const labels: Record<string, string> = {};
      const resourceMetadata: Record<string, string> = {};
      for (const [key, value] of rl.resource.attributes) {
        if (labelKeys.has(key)) {
          const text = anyValueToString(value);
          if (text !== '') labels[labelName(key)] = text;
        } else if (allResource || resourceKeys.has(key)) {
          resourceMetadata[labelName(key)] = anyValueToString(value);
        }
      }
      for (const sl of rl.scopeLogs) {
        const scopeName = sl.scope.name;
        for (const r of sl.logRecords) {
          const structuredMetadata: Record<string, string> = { ...resourceMetadata };
          const extracted: Record<string, unknown> = {};
          for (const [key, value] of r.attributes) {
            const name = labelName(key);
            extracted[name] = anyValueToString(value);
            if (allAttributes || attributeKeys.has(key)) structuredMetadata[name] = extracted[name] as string;
          }
          const severity = r.severityText !== '' ? r.severityText : severityFromNumber(r.severityNumber);
          if (severity !== '') structuredMetadata.severity_text = severity;
          if (r.severityNumber !== 0) structuredMetadata.severity_number = String(r.severityNumber);
          if (r.traceId !== '') structuredMetadata.trace_id = r.traceId;
          if (r.spanId !== '') structuredMetadata.span_id = r.spanId;
          if (scopeName !== '') structuredMetadata.scope_name = scopeName;
          entries.push({
            timestampNs:
              r.timeUnixNano !== 0n
                ? r.timeUnixNano
                : r.observedTimeUnixNano !== 0n
                  ? r.observedTimeUnixNano
                  : receivedNs,
            line: anyValueToString(r.body),
            labels: copyLabels(labels),
            structuredMetadata,
            extracted,
          });
        }
      }
    }
    return entries;
  };
}
