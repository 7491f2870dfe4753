import { categories, forwardTargets, severities } from '@obs/schema';
import type { RedactedItem } from './classifier';

// Long lines and attribute maps add cost, not signal: their heads carry the level, component and message.
const maxTextChars = 1000;
const maxAttributeChars = 400;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export const llmSystemPrompt = [
  'You classify telemetry items (log lines, spans, metric samples, events) for an observability pipeline.',
  'Personal data was replaced by typed placeholders such as <EMAIL> or <IPV4>; treat them as ordinary values.',
  `For every item return: id (copied exactly), severity (${severities.join(', ')}), category (${categories.join(', ')}),`,
  `forward_to (${forwardTargets.join(', ')}), confidence (0..1) and a reason of at most 20 words.`,
  'Categories: security = auth failures, intrusions, secrets, permission changes; availability = crashes, outages,',
  'unreachable dependencies, restarts; performance = latency, timeouts, saturation, resource pressure; error = application',
  'errors and exceptions not about availability; configuration = bad or changed settings; audit = who did what, successful',
  'logins, data access; noise = routine chatter with no diagnostic value.',
  'forward_to: alerting when a human should act now, storage when it should be searchable, archive for noise and routine info.',
  'Answer every item exactly once, matched by id; never invent ids.',
].join('\n');

/** The user message: the (redacted) items as JSON, each with its id, so answers are matched by id, never by position. */
export function llmUserPrompt(items: readonly RedactedItem[]): string {
  return JSON.stringify({
    items: items.map((i) => {
      const entry: { id: string; type: string; text: string; attributes?: string } = {
        id: i.id,
        type: i.type,
        text: clip(i.text, maxTextChars),
      };
      if (i.attributes !== undefined) entry.attributes = clip(JSON.stringify(i.attributes), maxAttributeChars);
      return entry;
    }),
  });
}

/** JSON schema of the answer, for response_format json_schema (strict structured output). */
export const llmResponseJsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['results'],
  properties: {
    results: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'severity', 'category', 'forward_to', 'confidence', 'reason'],
        properties: {
          id: { type: 'string' },
          severity: { type: 'string', enum: [...severities] },
          category: { type: 'string', enum: [...categories] },
          forward_to: { type: 'string', enum: [...forwardTargets] },
          confidence: { type: 'number', minimum: 0, maximum: 1 },
          reason: { type: 'string' },
        },
      },
    },
  },
} as const;

// A rough 4-characters-per-token estimate, plus the answer, for the tokens/min budget before the call.
const completionTokensPerItem = 60;
export function estimateTokens(items: readonly RedactedItem[]): number {
  return Math.ceil((llmSystemPrompt.length + llmUserPrompt(items).length) / 4) + completionTokensPerItem * items.length;
}
