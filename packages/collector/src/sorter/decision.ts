import type { Category, DecidedBy, ForwardTo, Severity } from '@obs/schema';

/** What the classify step writes onto an entry, span or log record. */
export interface Decision {
  severity: Severity;
  category: Category;
  forwardTo: ForwardTo;
  decidedBy: DecidedBy;
  /** The local template the text was grouped under. */
  template: string;
}

/** Loki's `detected_level` (critical, error, warn, info, debug, trace, unknown) spells warning as `warn`. */
export function detectedLevel(severity: Severity): string {
  return severity === 'warning' ? 'warn' : severity;
}
