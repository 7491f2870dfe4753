import { z } from 'zod';
import { extractedString, type LogEntry } from '../entry';
import { detectedLevel } from '../sorter/decision';
import { createClassifyMetrics } from '../sorter/sorter-metrics';
import { sorterOptionsShape, textClassifierOptions } from '../sorter/sorter-options';
import { createTextClassifier, type TextClassifier } from '../sorter/text-classifier';
import type { Stage, StageContext, StageCounters, StageDefinition } from './stage';

const labelChoices = ['severity', 'detected_level', 'category', 'forward_to'] as const;

const config = z
  .strictObject({
    ...sorterOptionsShape,
    source: z
      .string()
      .min(1, '`source` may not be empty (omit it to classify the line)')
      .optional()
      .describe('Extracted key to classify instead of the log line'),
    labels: z
      .array(z.enum(labelChoices))
      .default(['detected_level'])
      .describe(
        "Which results become labels (Loki's convention: detected_level); the others, decided_by and template go to structured metadata",
      ),
  })
  .describe(
    'Classifies each entry (severity, category, forward_to) from a local cache of ai-sorter answers per template, or local rules',
  );

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
    this.#classifier = createTextClassifier(
      textClassifierOptions(c, 'log', createClassifyMetrics(ctx.registry, ctx.name, ctx.logger)),
    );
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
    const d = this.#classifier.classify(text, entry.labels, entry.structuredMetadata);
    const level = detectedLevel(d.severity);
    const labels = entry.labels;
    const meta = entry.structuredMetadata;
    if (this.#detectedLevelLabel) labels.detected_level = level;
    // Structured metadata never repeats a label's name (Loki would show it as <name>_extracted). Its severity is
    // spelled as Loki's level detection reads it, so Loki's detected_level matches the label.
    if (this.#severityLabel) labels.severity = d.severity;
    else meta.severity = level;
    if (this.#categoryLabel) labels.category = d.category;
    else meta.category = d.category;
    if (this.#forwardToLabel) labels.forward_to = d.forwardTo;
    else meta.forward_to = d.forwardTo;
    meta.decided_by = d.decidedBy;
    meta.template = d.template;
  }
}

export const classifyStage: StageDefinition<ClassifyStageConfig> = {
  type: 'classify',
  description:
    'Adds a detected_level label and severity, category, forward_to, decided_by, template structured metadata from the ai-sorter (cached per template) or local rules; never waits for the sorter',
  config,
  create: (c, ctx) => new ClassifyStage(c, ctx),
};

/** The classifier of a classify stage built by `classifyStage.create`, for tests and orderly shutdown. */
export function classifierOf(stage: Stage): TextClassifier | undefined {
  return stage instanceof ClassifyStage ? stage.classifier : undefined;
}
