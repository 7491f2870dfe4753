export { createRulesClassifier } from './classifier';
export type { ParsedRulesInput, RuleDecision, RulesClassifier, RulesInput } from './classifier';
export { forwardToFor } from './forward-to';
export { signals } from './signals';
export type { Finding, Signal } from './signal';
