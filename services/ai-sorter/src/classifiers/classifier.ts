import type { StatedLevel } from '@obs/classification';
import type { Category, DecidedBy, ForwardTo, ItemType, Severity } from '@obs/schema';

/** An item after validation, id assignment, redaction and template mining: the only shape classifiers see. */
export interface RedactedItem {
  readonly id: string;
  readonly type: ItemType;
  /** Redacted text; nothing unredacted ever reaches a classifier. */
  readonly text: string;
  readonly attributes?: Readonly<Record<string, unknown>>;
  /** The level the line's header or the item's attributes state, when the header parser found one. */
  readonly level?: StatedLevel;
  /** The item's timestamp, redacted (/sort echoes it; no classifier reads it). */
  readonly timestamp?: string;
  /** The template's stable id (kept when the template generalises). */
  readonly templateId: string;
  readonly template: string;
  /** What an answer is cached under: the template id, changed when the template generalised over a word. */
  readonly answerKey: string;
  /** The rules' decision, made with the per-item work off the main thread: the chain's last resort. */
  readonly byRules: Classification;
}

export interface Classification {
  readonly severity: Severity;
  readonly category: Category;
  readonly forwardTo: ForwardTo;
  readonly confidence: number;
  readonly reason: string;
  readonly decidedBy: DecidedBy;
}

/** Per-request context: the client's abort signal, and counters the request reports in its stats. */
export interface ClassifyContext {
  readonly signal: AbortSignal;
  /** For log lines about this request. */
  readonly requestId: string;
  llmCalls: number;
  /** Tokens the LLM API reported for this request's calls. */
  llmTokens: number;
}

/** Returns results for the items it could decide, keyed by item id; missing ids fall through to the next classifier. */
export interface Classifier {
  classify(items: readonly RedactedItem[], ctx: ClassifyContext): Promise<Map<string, Classification>>;
}
