import { z } from 'zod';
import type { LogEntry } from '../entry';
import { extractedString } from './extracted';
import { detectedLevel } from './classify/decision';
import { createClassifyMetrics } from './classify/sorter-metrics';
import { createTextClassifier, type TextClassifier } from './classify/text-classifier';
import type { Stage, StageContext, StageCounters, StageDefinition } from './stage';

const labelChoices = ['severity', 'detected_level', 'category', 'forward_to'] as const;

const config = z
  .strictObject({
    url: z.url({ protocol: /^https?$/ }).optional().describe('ai-sorter base URL (requests go to <url>/classify); without it entries are classified by local rules only'),
    api_key: z.string().min(1).optional().describe('Sent as x-api-key; use ${VAR} so it stays out of the file'),
    source: z.string().min(1, '`source` may not be empty (omit it to classify the line)').optional()
      .describe('Extracted key to classify instead of the log line'),
    labels: z.array(z.enum(labelChoices)).default(['severity', 'detected_level'])
      .describe('Which results also become labels; category, forward_to, decided_by and template always go to structured metadata'),
    max_batch_items: z.number().int().min(1).max(500).default(100).describe('Items per request to the sorter'),
    max_wait_ms: z.number().int().min(0).default(50).describe('Longest an item waits for its batch to fill'),
    max_in_flight: z.number().int().min(1).default(2).describe('Requests to the sorter at once'),
    max_pending_items: z.number().int().min(1).default(1000).describe('Templates waiting for a request slot; beyond this they stay with the rules answer'),
    timeout_ms: z.number().int().min(1).default(2000).describe('Budget per request, retries included'),
    cache_size: z.number().int().min(1).default(10_000).describe('Templates whose sorter answer is kept (LRU)'),
    cache_ttl_ms: z.number().int().min(1).default(600_000).describe('How long a sorter answer for a template is reused'),
    breaker: z
      .strictObject({
        error_threshold_percentage: z.number().min(1).max(100).default(50).describe('Failure percentage that opens the breaker'),
        reset_timeout_ms: z.number().int().min(1).default(10_000).describe('Open time before one probe request'),
        volume_threshold: z.number().int().min(1).default(5).describe('Requests in the window before the breaker may open'),
      })
      .default({ error_threshold_percentage: 50, reset_timeout_ms: 10_000, volume_threshold: 5 })
      .describe("The classify step's own circuit breaker in front of the sorter"),
  })
  .describe('Classifies each entry (severity, category, forward_to) from a local cache of ai-sorter answers per template, or local rules');

export type ClassifyStageConfig = z.output<typeof config>;

class ClassifyStage implements Stage {
  readonly #classifier: TextClassifier;
  readonly #source: string | undefined;
  readonly #counters: StageCounters;
  readonly #severityLabel: boolean;
  readonly #detectedLevelLabel: boolean;
  readonly #categoryLabel: boolean;
  readonly #forwardToLabel: boolean;

  constructor(c: ClassifyStageConfig, ctx: StageContext) {
    this.#source = c.source;
    this.#counters = ctx.counters;
    this.#severityLabel = c.labels.includes('severity');
    this.#detectedLevelLabel = c.labels.includes('detected_level');
    this.#categoryLabel = c.labels.includes('category');
    this.#forwardToLabel = c.labels.includes('forward_to');
    this.#classifier = createTextClassifier({
      itemType: 'log',
      cacheSize: c.cache_size,
      cacheTtlMs: c.cache_ttl_ms,
      metrics: createClassifyMetrics(ctx.registry, ctx.name),
      sorter: c.url === undefined ? undefined : {
        url: c.url,
        apiKey: c.api_key,
        maxBatchItems: c.max_batch_items,
        maxWaitMs: c.max_wait_ms,
        maxInFlight: c.max_in_flight,
        maxQueuedItems: c.max_pending_items,
        timeoutMs: c.timeout_ms,
        breaker: {
          errorThresholdPercentage: c.breaker.error_threshold_percentage,
          resetTimeoutMs: c.breaker.reset_timeout_ms,
          volumeThreshold: c.breaker.volume_threshold,
        },
      },
    });
  }

  /** The classifier behind the stage, for tests and shutdown. */
  get classifier(): TextClassifier {
    return this.#classifier;
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    out.push(entry);
    const text = this.#source === undefined ? entry.line : extractedString(entry.extracted[this.#source]);
    if (text === undefined) {
      this.#counters.parseFailed.inc();
      return;
    }
    const d = this.#classifier.classify(text, entry.labels);
    if (this.#severityLabel) entry.labels.severity = d.severity;
    if (this.#detectedLevelLabel) entry.labels.detected_level = detectedLevel(d.severity);
    if (this.#categoryLabel) entry.labels.category = d.category;
    if (this.#forwardToLabel) entry.labels.forward_to = d.forwardTo;
    const meta = entry.structuredMetadata;
    meta.category = d.category;
    meta.forward_to = d.forwardTo;
    meta.decided_by = d.decidedBy;
    meta.template = d.template;
  }
}

export const classifyStage: StageDefinition<ClassifyStageConfig> = {
  type: 'classify',
  description: 'Adds severity/detected_level labels and category, forward_to, decided_by, template structured metadata from the ai-sorter (cached per template) or local rules; never waits for the sorter',
  config,
  create: (c, ctx) => new ClassifyStage(c, ctx),
};

/** The classifier of a classify stage built by `classifyStage.create`, for tests and orderly shutdown. */
export function classifierOf(stage: Stage): TextClassifier | undefined {
  return stage instanceof ClassifyStage ? stage.classifier : undefined;
}
