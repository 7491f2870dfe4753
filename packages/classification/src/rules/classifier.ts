import type { Category, ForwardTo, Severity } from '@obs/schema';
import { createHeaderParser, levelFromAttributes, type ParsedLine, type StatedLevel } from '../header';
import { forwardToFor } from './forward-to';
import { httpStatusFinding } from './http-status';
import type { Finding } from './signal';
import { signals } from './signals';
import { spanStatusFinding } from './span-status';

type ItemType = 'log' | 'span' | 'metric' | 'event';

/** An item as it arrives: raw text, whose header (timestamp, level, source) the classifier splits off itself. */
export interface RulesInput {
  text: string;
  type?: ItemType;
  attributes?: Record<string, unknown>;
}

/** A line a stream's header parser already split: the level it states and the message the content rules read. */
export interface ParsedRulesInput {
  parsed: Pick<ParsedLine, 'message' | 'level'>;
  type?: ItemType;
  attributes?: Record<string, unknown>;
}

export interface RuleDecision {
  severity: Severity;
  category: Category;
  forwardTo: ForwardTo;
  confidence: number;
  reason: string;
  /** The deciding rule's stable name (a bounded set: the signal names plus stated_level and no_signal). */
  rule: string;
}

/** Deterministic classification of one item from its text and attributes; never throws, always answers. */
export interface RulesClassifier {
  /** Parses the header of `text` (one parser for every item, so without per-stream learning) and classifies it. */
  classify(input: RulesInput): RuleDecision;
  /** Classifies a line already split by a per-stream header parser. */
  classifyParsed(input: ParsedRulesInput): RuleDecision;
}

// Bounds the regex work per item: the head of a line or stack trace carries its level and its message.
const maxTextChars = 8192;

const severityRank: Readonly<Record<Severity, number>> = { debug: 0, info: 1, warning: 2, error: 3, critical: 4 };

function firstSignal(text: string): Finding | undefined {
  for (const signal of signals) if (signal.pattern.test(text)) return signal;
  return undefined;
}

function categoryForLevel(severity: Severity): Category {
  return severityRank[severity] >= severityRank.warning ? 'error' : 'noise';
}

function decision(
  severity: Severity,
  category: Category,
  confidence: number,
  reason: string,
  rule: string,
): RuleDecision {
  return {
    severity,
    category,
    forwardTo: forwardToFor(severity, category),
    confidence: Math.round(confidence * 100) / 100,
    reason,
    rule,
  };
}

function describe(stated: StatedLevel): string {
  return `stated level ${stated.raw} (${stated.source})`;
}

/**
 * The stated level decides the severity (the producer knows best); a finding that `raises` (out of memory, panic,
 * killed, data loss) lifts it when the content is worse than stated, except on a line stated as debug. Without a
 * stated level the content rules decide. The category comes from the finding, else from the level.
 */
function decide(stated: StatedLevel | undefined, finding: Finding | undefined): RuleDecision {
  if (finding === undefined && stated === undefined)
    return decision('info', 'noise', 0.35, 'no rule matched; routine message', 'no_signal');
  if (finding === undefined) {
    const s = stated as StatedLevel;
    return decision(s.severity, categoryForLevel(s.severity), 0.7, describe(s), 'stated_level');
  }
  const found = `${finding.reason} (rule ${finding.name})`;
  if (stated === undefined)
    return decision(finding.severity, finding.category, finding.confidence, found, finding.name);
  const raised =
    finding.raises === true &&
    stated.severity !== 'debug' &&
    severityRank[finding.severity] > severityRank[stated.severity];
  if (raised)
    return decision(
      finding.severity,
      finding.category,
      Math.min(0.95, finding.confidence),
      `${describe(stated)}; raised: ${found}`,
      finding.name,
    );
  const agrees = stated.severity === finding.severity;
  const confidence = agrees ? Math.min(0.95, finding.confidence + 0.1) : Math.max(0.6, finding.confidence - 0.05);
  return decision(
    stated.severity,
    finding.category,
    confidence,
    `${describe(stated)}; content: ${found}`,
    finding.name,
  );
}

function spanErrorLevel(attributes: Readonly<Record<string, unknown>> | undefined): StatedLevel | undefined {
  const finding = spanStatusFinding(attributes);
  return finding === undefined ? undefined : { raw: 'ERROR', severity: finding.severity, source: 'attribute' };
}

/** Creates the rules classifier; its rules are compiled once, at module load. */
export function createRulesClassifier(): RulesClassifier {
  const parser = createHeaderParser({ learn: false });
  const classifyParsed = (input: ParsedRulesInput): RuleDecision => {
    const message =
      input.parsed.message.length > maxTextChars ? input.parsed.message.slice(0, maxTextChars) : input.parsed.message;
    const attributes = input.attributes;
    const stated = levelFromAttributes(attributes) ?? input.parsed.level ?? spanErrorLevel(attributes);
    const finding = httpStatusFinding(message, attributes) ?? firstSignal(message) ?? spanStatusFinding(attributes);
    return decide(stated, finding);
  };
  return {
    classify(input: RulesInput): RuleDecision {
      const text = input.text.length > maxTextChars ? input.text.slice(0, maxTextChars) : input.text;
      const parsed = parser.parse(text);
      return classifyParsed({ parsed, type: input.type, attributes: input.attributes });
    },
    classifyParsed,
  };
}
