import { z } from 'zod';
import { anyValueToString } from '../protocols/otlp/any-value';
import { counter } from '../telemetry/metric-factory';
import { filterItems, recordAttributes } from '../protocols/otlp/signal-shape';
import {
  SpanKind,
  StatusCode,
  type Attributes,
  type LogRecord,
  type Metric,
  type Resource,
  type Signal,
  type SignalData,
  type Span,
} from '../protocols/otlp/types';
import { toJsNamedGroups } from './attributes';
import type { Processor, ProcessorContext, ProcessorDefinition } from './processor';

const regex = (what: string) =>
  z
    .string()
    .describe(what)
    .superRefine((text, ctx) => {
      try {
        new RegExp(toJsNamedGroups(text));
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `invalid regex: ${(err as Error).message}` });
      }
    });

const attributeMatch = z
  .record(z.string(), z.string())
  .describe('Attribute key -> exact value; every listed attribute must be equal (as text).');
const attributeRegex = z
  .record(z.string(), regex('regex'))
  .describe('Attribute key -> regex (whole value must match); every listed attribute must match.');

const common = {
  attributes: attributeMatch.optional(),
  attributes_regex: attributeRegex.optional(),
  resource_attributes: attributeMatch.optional().describe('Resource attribute key -> exact value.'),
};

const severities = { trace: 1, debug: 5, info: 9, warn: 13, error: 17, fatal: 21 } as const;

export const filterConfig = z
  .object({
    spans: z
      .array(
        z
          .object({
            name: regex('Span name regex (whole name must match).').optional(),
            kind: z
              .enum(['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'])
              .optional()
              .describe('Span kind.'),
            status: z.enum(['unset', 'ok', 'error']).optional().describe('Span status code.'),
            ...common,
          })
          .strict(),
      )
      .default([])
      .describe('Drop spans matching any entry; the keys of one entry must all match.'),
    logs: z
      .array(
        z
          .object({
            body: regex('Body regex (matches anywhere in the body text).').optional(),
            severity_below: z
              .enum(['debug', 'info', 'warn', 'error', 'fatal'])
              .optional()
              .describe('Matches records with a severity number below this level (unset severity counts as below).'),
            severity_text: regex('Severity text regex (whole text must match).').optional(),
            ...common,
          })
          .strict(),
      )
      .default([])
      .describe('Drop log records matching any entry.'),
    metrics: z
      .array(
        z
          .object({
            name: regex('Metric name regex (whole name must match).').optional(),
            resource_attributes: common.resource_attributes,
          })
          .strict(),
      )
      .default([])
      .describe('Drop metrics matching any entry.'),
    datapoints: z
      .array(z.object({ metric_name: regex('Metric name regex.').optional(), ...common }).strict())
      .default([])
      .describe('Drop data points matching any entry (a metric left with none is dropped).'),
  })
  .strict();

export type FilterConfig = z.infer<typeof filterConfig>;

type Predicate<T> = (item: T, resource: Resource) => boolean;

function whole(pattern: string): RegExp {
  return new RegExp(`^(?:${toJsNamedGroups(pattern)})$`);
}

function attributesPredicate(
  equal: Record<string, string> | undefined,
  matching: Record<string, string> | undefined,
): ((attrs: Attributes) => boolean)[] {
  const out: ((attrs: Attributes) => boolean)[] = [];
  for (const [key, value] of Object.entries(equal ?? {})) {
    out.push((attrs) => {
      const v = attrs.get(key);
      return v !== undefined && anyValueToString(v) === value;
    });
  }
  for (const [key, pattern] of Object.entries(matching ?? {})) {
    const re = whole(pattern);
    out.push((attrs) => {
      const v = attrs.get(key);
      return v !== undefined && re.test(anyValueToString(v));
    });
  }
  return out;
}

/** AND of the given checks; an entry with no checks matches nothing (it would otherwise drop everything). */
function all<T>(checks: Predicate<T>[]): Predicate<T> {
  if (checks.length === 0) return () => false;
  return (item, resource) => {
    for (const check of checks) if (!check(item, resource)) return false;
    return true;
  };
}

function any<T>(preds: Predicate<T>[]): Predicate<T> | undefined {
  if (preds.length === 0) return undefined;
  return (item, resource) => {
    for (const p of preds) if (p(item, resource)) return true;
    return false;
  };
}

function commonChecks<T extends { attributes: Attributes }>(c: {
  attributes?: Record<string, string>;
  attributes_regex?: Record<string, string>;
  resource_attributes?: Record<string, string>;
}): Predicate<T>[] {
  const checks: Predicate<T>[] = attributesPredicate(c.attributes, c.attributes_regex).map(
    (p) => (item: T) => p(item.attributes),
  );
  for (const p of attributesPredicate(c.resource_attributes, undefined))
    checks.push((_item, resource) => p(resource.attributes));
  return checks;
}

function spanPredicate(c: FilterConfig['spans'][number]): Predicate<Span> {
  const checks = commonChecks<Span>(c);
  if (c.name !== undefined) {
    const re = whole(c.name);
    checks.push((s) => re.test(s.name));
  }
  if (c.kind !== undefined) {
    const kind = SpanKind[c.kind];
    checks.push((s) => s.kind === kind);
  }
  if (c.status !== undefined) {
    const code = StatusCode[c.status];
    checks.push((s) => s.status.code === code);
  }
  return all(checks);
}

function logPredicate(c: FilterConfig['logs'][number]): Predicate<LogRecord> {
  const checks = commonChecks<LogRecord>(c);
  if (c.body !== undefined) {
    const re = new RegExp(toJsNamedGroups(c.body));
    checks.push((r) => re.test(anyValueToString(r.body)));
  }
  if (c.severity_below !== undefined) {
    const min = severities[c.severity_below];
    checks.push((r) => r.severityNumber < min);
  }
  if (c.severity_text !== undefined) {
    const re = whole(c.severity_text);
    checks.push((r) => re.test(r.severityText));
  }
  return all(checks);
}

function metricPredicate(c: FilterConfig['metrics'][number]): Predicate<Metric> {
  const checks: Predicate<Metric>[] = [];
  if (c.name !== undefined) {
    const re = whole(c.name);
    checks.push((m) => re.test(m.name));
  }
  for (const p of attributesPredicate(c.resource_attributes, undefined))
    checks.push((_m, resource) => p(resource.attributes));
  return all(checks);
}

function datapointPredicate(
  c: FilterConfig['datapoints'][number],
): (metric: Metric, attrs: Attributes, resource: Resource) => boolean {
  const name = c.metric_name !== undefined ? whole(c.metric_name) : undefined;
  const attrChecks = attributesPredicate(c.attributes, c.attributes_regex);
  const resChecks = attributesPredicate(c.resource_attributes, undefined);
  if (name === undefined && attrChecks.length === 0 && resChecks.length === 0) return () => false;
  return (metric, attrs, resource) =>
    (name === undefined || name.test(metric.name)) &&
    attrChecks.every((p) => p(attrs)) &&
    resChecks.every((p) => p(resource.attributes));
}

/** Drops spans, log records, metrics or data points by condition, e.g. health-check spans; counts what it dropped. */
export function createFilterProcessor(config: FilterConfig, ctx: ProcessorContext): Processor {
  const dropSpan = any(config.spans.map(spanPredicate));
  const dropLog = any(config.logs.map(logPredicate));
  const dropMetric = any(config.metrics.map(metricPredicate));
  const dropPoint = config.datapoints.map(datapointPredicate);
  const dropped = counter(
    ctx.registry,
    'collector_processor_dropped_items_total',
    'Spans, data points and log records a processor dropped, by reason',
    ['source', 'signal', 'reason'],
  );
  const droppedBy = {
    traces: dropped.labels(ctx.id, 'traces', 'filter'),
    metrics: dropped.labels(ctx.id, 'metrics', 'filter'),
    logs: dropped.labels(ctx.id, 'logs', 'filter'),
  };

  function apply(signal: Signal, data: SignalData[Signal]): void {
    let removed = 0;
    if (signal === 'traces' && dropSpan !== undefined)
      removed = filterItems(signal, data, (item, res) => !dropSpan(item as Span, res));
    else if (signal === 'logs' && dropLog !== undefined)
      removed = filterItems(signal, data, (item, res) => !dropLog(item as LogRecord, res));
    else if (signal === 'metrics') {
      if (dropPoint.length > 0) {
        filterItems(signal, data, (item, res) => {
          const metric = item as Metric;
          const before = metric.data.dataPoints.length;
          const kept = (metric.data.dataPoints as { attributes: Attributes }[]).filter(
            (p) => !dropPoint.some((drop) => drop(metric, p.attributes, res)),
          );
          (metric.data as { dataPoints: unknown[] }).dataPoints = kept;
          removed += before - kept.length;
          return kept.length > 0 || metric.data.type === 'empty';
        });
      }
      if (dropMetric !== undefined) {
        filterItems(signal, data, (item, res) => {
          const drop = dropMetric(item as Metric, res);
          if (drop) removed += recordAttributes('metrics', item).length;
          return !drop;
        });
      }
    }
    if (removed > 0) droppedBy[signal].inc(removed);
  }

  return {
    wrap(signal, next) {
      return {
        consume(data, abort) {
          apply(signal, data);
          return next.consume(data, abort);
        },
      };
    },
    async start() {},
    async shutdown() {},
  };
}

export const filterProcessorDefinition: ProcessorDefinition<FilterConfig> = {
  type: 'filter',
  description:
    'Drops spans (name, kind, status, attributes), log records (body, severity, attributes), metrics (name) and data points (attributes) that match; counted in collector_processor_dropped_items_total.',
  config: filterConfig,
  create: (config, ctx) => createFilterProcessor(config, ctx),
};
