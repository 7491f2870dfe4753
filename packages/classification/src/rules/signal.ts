import type { Category, Severity } from '@obs/schema';

/** What one rule concluded about an item. */
export interface Finding {
  /** Stable rule name, reported in decisions and usable as a bounded metric label. */
  readonly name: string;
  readonly severity: Severity;
  readonly category: Category;
  /** How sure the rule is about its category and severity when the item states no level, 0..1. */
  readonly confidence: number;
  /** A few words for the decision's reason. */
  readonly reason: string;
  /** Whether this finding lifts a lower stated level (an OOM kill logged at INFO is still critical). */
  readonly raises?: boolean;
}

/** A content rule: when `pattern` matches the text, the finding applies. */
export interface Signal extends Finding {
  readonly pattern: RegExp;
}
