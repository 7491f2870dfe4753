import type { Finding } from './signal';

const statusKeys = ['otel.status_code', 'status.code', 'span.status', 'span.status_code', 'status_code'];
const errorValues = new Set(['error', 'status_code_error', '2']);

/** An error span status (OTLP STATUS_CODE_ERROR = 2) from the item's attributes, as a finding. */
export function spanStatusFinding(attributes: Readonly<Record<string, unknown>> | undefined): Finding | undefined {
  if (attributes === undefined) return undefined;
  for (const key of statusKeys) {
    const value = attributes[key];
    if ((typeof value === 'string' || typeof value === 'number') && errorValues.has(String(value).toLowerCase())) {
      return {
        name: 'span_error',
        severity: 'error',
        category: 'error',
        confidence: 0.8,
        reason: `span status error (attribute ${key})`,
      };
    }
  }
  return undefined;
}
