import OpenAI from 'openai';
import { z } from 'zod';
import { Category, ForwardTo, Severity, parseRetryAfter } from '@obs/schema';
import { LlmError } from '../errors';
import type { Metrics } from '../observability/metrics';
import type { Classification, Classifier, ClassifyContext, RedactedItem } from './classifier';
import { llmResponseJsonSchema, llmSystemPrompt, llmUserPrompt } from './llm-prompt';

const Answer = z.object({
  id: z.string(),
  severity: Severity,
  category: Category,
  forward_to: ForwardTo,
  confidence: z.number().min(0).max(1),
  // A long-winded reason is still a valid answer: keep its head.
  reason: z.string().transform((r) => (r.length > 300 ? `${r.slice(0, 300)}…` : r)),
});
const Envelope = z.object({ results: z.array(z.unknown()) });

export interface LlmClassifierOptions {
  readonly client: OpenAI;
  readonly model: string;
  readonly timeoutMs: number;
  readonly metrics: Metrics;
}

/** Creates the OpenAI SDK client: no SDK retries (the breaker and the rules handle failure). */
export function createLlmClient(options: { apiKey: string; baseUrl: string; timeoutMs: number }): OpenAI {
  return new OpenAI({ apiKey: options.apiKey, baseURL: options.baseUrl, timeout: options.timeoutMs, maxRetries: 0 });
}

/**
 * One chat-completions call per batch with structured JSON output; answers are validated one by one and matched by
 * id. Items without a valid answer are left out (they fall through); a call with no usable answer at all throws.
 */
export function createLlmClassifier(options: LlmClassifierOptions): Classifier {
  const { client, model, metrics, timeoutMs } = options;
  return {
    async classify(items: readonly RedactedItem[], ctx: ClassifyContext): Promise<Map<string, Classification>> {
      const wanted = new Set(items.map((i) => i.id));
      const stop = metrics.llmDuration.startTimer();
      ctx.llmCalls += 1;
      // Our own deadline, so a timeout is told apart from a client abort whatever the SDK's error class says.
      const deadline = AbortSignal.timeout(timeoutMs);
      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        completion = await client.chat.completions.create(
          {
            model,
            temperature: 0,
            messages: [
              { role: 'system', content: llmSystemPrompt },
              { role: 'user', content: llmUserPrompt(items) },
            ],
            response_format: {
              type: 'json_schema',
              json_schema: { name: 'classifications', strict: true, schema: llmResponseJsonSchema },
            },
          },
          { signal: AbortSignal.any([ctx.signal, deadline]) },
        );
      } catch (err) {
        stop();
        const llmError = deadline.aborted
          ? new LlmError('timeout', 'the LLM call timed out', {}, { cause: err })
          : ctx.signal.aborted
            ? new LlmError('aborted', 'the LLM call was aborted: the client went away', {}, { cause: err })
            : toLlmError(err);
        metrics.llmCalls.inc({ outcome: outcomeOf(llmError) });
        throw llmError;
      }
      stop();
      if (completion.usage) {
        metrics.llmTokens.inc({ kind: 'prompt' }, completion.usage.prompt_tokens);
        metrics.llmTokens.inc({ kind: 'completion' }, completion.usage.completion_tokens);
        ctx.llmTokens += completion.usage.prompt_tokens + completion.usage.completion_tokens;
      }

      const out = new Map<string, Classification>();
      for (const entry of parseEnvelope(completion, metrics)) {
        const answer = Answer.safeParse(entry);
        if (!answer.success || !wanted.has(answer.data.id) || out.has(answer.data.id)) continue;
        const a = answer.data;
        out.set(a.id, {
          severity: a.severity,
          category: a.category,
          forwardTo: a.forward_to,
          confidence: a.confidence,
          reason: a.reason,
          decidedBy: 'llm',
        });
      }
      if (out.size === 0) {
        metrics.llmCalls.inc({ outcome: 'invalid_response' });
        throw new LlmError('invalid_response', 'the LLM answered no item validly');
      }
      metrics.llmCalls.inc({ outcome: out.size === wanted.size ? 'ok' : 'partial' });
      return out;
    },
  };
}

function parseEnvelope(completion: OpenAI.Chat.Completions.ChatCompletion, metrics: Metrics): unknown[] {
  const content = completion.choices[0]?.message?.content;
  let json: unknown;
  try {
    json = JSON.parse(content ?? '');
  } catch (err) {
    metrics.llmCalls.inc({ outcome: 'invalid_response' });
    throw new LlmError('invalid_response', 'the LLM answer is not JSON', {}, { cause: err });
  }
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) {
    metrics.llmCalls.inc({ outcome: 'invalid_response' });
    throw new LlmError('invalid_response', 'the LLM answer has no results array');
  }
  return envelope.data.results;
}

function toLlmError(err: unknown): LlmError {
  if (err instanceof OpenAI.APIError && err.status !== undefined) {
    return new LlmError(
      'http',
      `the LLM answered HTTP ${err.status}`,
      { status: err.status, retryAfterMs: parseRetryAfter(err.headers?.get('retry-after')) },
      { cause: err },
    );
  }
  return new LlmError('connection', 'the LLM is unreachable', {}, { cause: err });
}

function outcomeOf(err: LlmError): string {
  if (err.kind !== 'http') return err.kind;
  const s = err.status ?? 0;
  if (s === 429) return 'http_429';
  return s >= 500 ? 'http_5xx' : 'http_4xx';
}
