import type { Category, ForwardTo, Severity } from '@obs/schema';
import { forwardToFor } from './forward-to';
import { httpStatusFinding } from './http-status';
import { levelFromAttributes, levelFromText, type StatedLevel } from './level';
import type { Finding } from './signal';
import { signals } from './signals';
import { spanStatusFinding } from './span-status';

export interface RulesInput {
  text: string;
  type?: 'log' | 'span' | 'metric' | 'event';
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
  classify(input: RulesInput): RuleDecision;
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

function decision(severity: Severity, category: Category, confidence: number, reason: string, rule: string): RuleDecision {
  return { severity, category, forwardTo: forwardToFor(severity, category), confidence: Math.round(confidence * 100) / 100, reason, rule };
}

/** Combines what the item states about its level with what the content rules found. */
function decide(stated: StatedLevel | undefined, finding: Finding | undefined): RuleDecision {
  if (finding === undefined && stated === undefined) return decision('info', 'noise', 0.35, 'no rule matched; routine message', 'no_signal');
  if (finding === undefined) {
    const s = stated as StatedLevel;
    return decision(s.severity, categoryForLevel(s.severity), 0.7, `stated level (${s.source})`, 'stated_level');
  }
  if (stated === undefined) return decision(finding.severity, finding.category, finding.confidence, `${finding.reason} (rule ${finding.name})`, finding.name);
  // The producer's own level wins, except that a critical finding (OOM, disk full, panic) is critical unless stated as debug.
  const severity = finding.severity === 'critical' && stated.severity !== 'debug' ? 'critical' : stated.severity;
  const agrees = severity === finding.severity;
  const confidence = agrees ? Math.min(0.95, finding.confidence + 0.1) : Math.max(0.6, finding.confidence - 0.05);
  return decision(severity, finding.category, confidence, `${finding.reason} (rule ${finding.name}); stated level (${stated.source})`, finding.name);
}

function spanErrorLevel(attributes: Readonly<Record<string, unknown>> | undefined): StatedLevel | undefined {
  const finding = spanStatusFinding(attributes);
  return finding === undefined ? undefined : { severity: finding.severity, source: finding.reason };
}

/** Creates the rules classifier; its rules are compiled once, at module load. */
export function createRulesClassifier(): RulesClassifier {
  return {
    classify(input: RulesInput): RuleDecision {
      const text = input.text.length > maxTextChars ? input.text.slice(0, maxTextChars) : input.text;
      const attributes = input.attributes;
      const stated = levelFromAttributes(attributes) ?? spanErrorLevel(attributes) ?? levelFromText(text);
      const finding = httpStatusFinding(text, attributes) ?? firstSignal(text) ?? spanStatusFinding(attributes);
      return decide(stated, finding);
    },
  };
}
