export type Labels = Record<string, string>;

/** One log entry on its way through the collector. Parsers write only to `extracted` (Alloy semantics). */
export interface LogEntry {
  timestampNs: bigint;
  line: string;
  labels: Labels;
  structuredMetadata: Labels;
  extracted: Record<string, unknown>;
}

export interface LogBatch {
  readonly entries: LogEntry[];
}

export function createEntry(line: string, labels: Labels = {}, timestampNs: bigint = nowNs()): LogEntry {
  return { timestampNs, line, labels, structuredMetadata: {}, extracted: {} };
}

export function nowNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}
