import { z } from 'zod';
import type { Severity } from '@obs/schema';
import { anyValueToString } from '../protocols/otlp/any-value';
import {
  StatusCode,
  type Attributes,
  type LogRecord,
  type LogsData,
  type Span,
  type TracesData,
} from '../protocols/otlp/types';
import { createClassifyMetrics } from '../sorter/sorter-metrics';
import { sorterOptionsShape, textClassifierOptions } from '../sorter/sorter-options';
import { createTextClassifier, type TextClassifier } from '../sorter/text-classifier';
import type { Decision } from '../sorter/decision';
import type { Processor, ProcessorContext, ProcessorDefinition } from './processor';

export const classifyProcessorConfig = z
  .strictObject({
    ...sorterOptionsShape,
    spans: z
      .enum(['errors', 'all', 'none'])
      .default('errors')
      .describe('Which spans to classify: those with error status (default), all, or none'),
    logs: z.boolean().default(true).describe('Classify log records (their body)'),
  })
  .describe(
    'Classifies spans and log records like the classify stage (sorter answers cached per template, local rules otherwise)',
  );

export type ClassifyProcessorConfig = z.output<typeof classifyProcessorConfig>;

// OTLP SeverityNumber at the start of each range (data model: 5 DEBUG, 9 INFO, 13 WARN, 17 ERROR, 21 FATAL).
const severityNumbers: Record<Severity, [number, string]> = {
  debug: [5, 'DEBUG'],
  info: [9, 'INFO'],
  warning: [13, 'WARN'],
  error: [17, 'ERROR'],
  critical: [21, 'FATAL'],
};

/** Writes a decision as item attributes; log-record attributes become structured metadata under the same names. */
function annotate(attributes: Attributes, d: Decision): void {
  attributes.set('severity', d.severity);
  attributes.set('category', d.category);
  attributes.set('forward_to', d.forwardTo);
  attributes.set('decided_by', d.decidedBy);
  attributes.set('template', d.template);
}

function flatAttributes(attributes: Attributes, extra: Record<string, string>): Record<string, string> {
  const flat: Record<string, string> = { ...extra };
  for (const [key, value] of attributes) flat[key] = anyValueToString(value);
  return flat;
}

/** What a span says about itself: its name, status message and the first recorded exception. */
function spanText(span: Span): string {
  let text = span.name;
  if (span.status.message !== '') text += `: ${span.status.message}`;
  const exception = span.events.find((e) => e.name === 'exception');
  if (exception) {
    const type = exception.attributes.get('exception.type');
    const message = exception.attributes.get('exception.message');
    if (type !== undefined) text += ` ${anyValueToString(type)}`;
    if (message !== undefined) text += `: ${anyValueToString(message)}`;
  }
  return text;
}

class ClassifyProcessor implements Processor {
  readonly #spans: ClassifyProcessorConfig['spans'];
  readonly #logs: boolean;
  readonly #spanClassifier: TextClassifier;
  readonly #logClassifier: TextClassifier;

  constructor(c: ClassifyProcessorConfig, ctx: ProcessorContext) {
    this.#spans = c.spans;
    this.#logs = c.logs;
    // Spans and log lines get separate caches: one template can mean different things as a span name and as a line.
    this.#spanClassifier = createTextClassifier(
      textClassifierOptions(c, 'span', createClassifyMetrics(ctx.registry, `${ctx.id}/spans`, ctx.logger)),
    );
    this.#logClassifier = createTextClassifier(
      textClassifierOptions(c, 'log', createClassifyMetrics(ctx.registry, `${ctx.id}/logs`, ctx.logger)),
    );
  }

  /** The classifiers behind the processor, for tests. */
  get classifiers(): { spans: TextClassifier; logs: TextClassifier } {
    return { spans: this.#spanClassifier, logs: this.#logClassifier };
  }

  wrap: Processor['wrap'] = (signal, next) => {
    if (signal === 'traces' && this.#spans !== 'none') {
      return { consume: (data, abort) => (this.#classifyTraces(data as TracesData), next.consume(data, abort)) };
    }
    if (signal === 'logs' && this.#logs) {
      return { consume: (data, abort) => (this.#classifyLogs(data as LogsData), next.consume(data, abort)) };
    }
    return next;
  };

  async start(): Promise<void> {}

  async shutdown(signal: AbortSignal): Promise<void> {
    await Promise.all([this.#spanClassifier.close(signal), this.#logClassifier.close(signal)]);
  }

  #classifyTraces(data: TracesData): void {
    for (const rs of data.resourceSpans) {
      for (const ss of rs.scopeSpans) {
        for (const span of ss.spans) {
          const failed = span.status.code === StatusCode.error;
          if (this.#spans === 'errors' && !failed) continue;
          const extra: Record<string, string> = failed ? { 'otel.status_code': 'ERROR' } : {};
          annotate(
            span.attributes,
            this.#spanClassifier.classify(spanText(span), flatAttributes(span.attributes, extra)),
          );
        }
      }
    }
  }

  #classifyLogs(data: LogsData): void {
    for (const rl of data.resourceLogs) {
      for (const sl of rl.scopeLogs) {
        for (const record of sl.logRecords) this.#classifyRecord(record);
      }
    }
  }

  #classifyRecord(record: LogRecord): void {
    const stated: Record<string, string> = {};
    if (record.severityText !== '') stated.severity_text = record.severityText;
    if (record.severityNumber !== 0) stated.severity_number = String(record.severityNumber);
    const d = this.#logClassifier.classify(anyValueToString(record.body), flatAttributes(record.attributes, stated));
    annotate(record.attributes, d);
    // A record that states no severity gets the decided one, so Loki and Grafana show a level.
    if (record.severityNumber === 0 && record.severityText === '')
      [record.severityNumber, record.severityText] = severityNumbers[d.severity];
  }
}

export const classifyProcessorDefinition: ProcessorDefinition<ClassifyProcessorConfig> = {
  type: 'classify',
  description:
    'Adds severity, category, forward_to, decided_by and template attributes to error spans and log records (ai-sorter answers cached per template, local rules meanwhile); fills in a missing log severity',
  config: classifyProcessorConfig,
  create: (c, ctx) => new ClassifyProcessor(c, ctx),
};

/** The classifiers of a processor built by `classifyProcessorDefinition.create`, for tests. */
export function classifiersOf(processor: Processor): { spans: TextClassifier; logs: TextClassifier } | undefined {
  return processor instanceof ClassifyProcessor ? processor.classifiers : undefined;
}
