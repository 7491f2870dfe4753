import { z } from 'zod';
import type { LogEntry } from '../entry';
import { extractedString } from './extracted';
import { detectedLevel } from './classify/decision';
import { createClassifyMetrics } from './classify/sorter-metrics';
import { sorterOptionsShape, textClassifierOptions } from './classify/sorter-options';
import { createTextClassifier, type TextClassifier } from './classify/text-classifier';
import type { Stage, StageContext, StageCounters, StageDefinition } from './stage';

const labelChoices = ['severity', 'detected_level', 'category', 'forward_to'] as const;

const config = z
  .strictObject({
    ...sorterOptionsShape,
    source: z.string().min(1, '`source` may not be empty (omit it to classify the line)').optional()
      .describe('Extracted key to classify instead of the log line'),
    labels: z.array(z.enum(labelChoices)).default(['severity', 'detected_level'])
      .describe('Which results also become labels; category, forward_to, decided_by and template always go to structured metadata'),
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
    this.#classifier = createTextClassifier(textClassifierOptions(c, 'log', createClassifyMetrics(ctx.registry, ctx.name)));
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
