import { createHash } from 'node:crypto';
import { z } from 'zod';
import { anyValueToString } from '../protocols/otlp/any-value';
import { recordAttributes, resourcesOf, scopesOf, itemsOf } from '../protocols/otlp/signal-shape';
import type { AnyValue, Attributes } from '../protocols/otlp/types';
import type { Processor, ProcessorDefinition } from './processor';

const actionSchema = z
  .object({
    key: z.string().min(1).describe('Attribute the action works on.'),
    action: z
      .enum(['insert', 'update', 'upsert', 'delete', 'hash', 'extract'])
      .describe(
        'insert: add if missing; update: change if present; upsert: both; delete; hash: replace with its SHA-256 hex; extract: named regex groups of its value become attributes.',
      ),
    value: z.union([z.string(), z.number(), z.boolean()]).optional().describe('Value for insert/update/upsert.'),
    from_attribute: z
      .string()
      .optional()
      .describe('Take the value from this attribute instead of value (insert/update/upsert).'),
    pattern: z
      .string()
      .optional()
      .describe(
        'extract: regex with named groups, (?P<name>...) or (?<name>...); each group that matched is upserted.',
      ),
  })
  .strict()
  .superRefine((a, ctx) => {
    const sets = a.action === 'insert' || a.action === 'update' || a.action === 'upsert';
    if (sets && (a.value === undefined) === (a.from_attribute === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `${a.action} needs exactly one of value or from_attribute`,
      });
    }
    if (a.action === 'extract') {
      if (a.pattern === undefined) {
        ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'extract needs a pattern with named groups' });
        return;
      }
      try {
        const re = new RegExp(toJsNamedGroups(a.pattern));
        if (re.source.indexOf('(?<') < 0)
          ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'pattern has no named group' });
      } catch (err) {
        ctx.addIssue({ code: 'custom', path: ['pattern'], message: `invalid regex: ${(err as Error).message}` });
      }
    } else if (a.pattern !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'pattern is only for extract' });
    }
  });

export const attributesConfig = z
  .object({
    target: z
      .enum(['record', 'resource'])
      .default('record')
      .describe('record: span, log record and data point attributes; resource: the resource attributes.'),
    actions: z.array(actionSchema).min(1).describe('Applied in order.'),
  })
  .strict();

export type AttributesConfig = z.infer<typeof attributesConfig>;
type Action = AttributesConfig['actions'][number];

/** RE2/Go named groups (?P<name>...) -> JavaScript (?<name>...). */
export function toJsNamedGroups(pattern: string): string {
  return pattern.replace(/\(\?P</g, '(?<');
}

type CompiledAction = (attrs: Attributes) => void;

function compile(a: Action): CompiledAction {
  const key = a.key;
  const fixed: AnyValue | undefined =
    a.value === undefined
      ? undefined
      : typeof a.value === 'number' && Number.isInteger(a.value)
        ? BigInt(a.value)
        : a.value;
  const valueOf = (attrs: Attributes): AnyValue | undefined =>
    a.from_attribute !== undefined ? attrs.get(a.from_attribute) : fixed;
  switch (a.action) {
    case 'insert':
      return (attrs) => {
        const v = valueOf(attrs);
        if (v !== undefined && !attrs.has(key)) attrs.set(key, v);
      };
    case 'update':
      return (attrs) => {
        const v = valueOf(attrs);
        if (v !== undefined && attrs.has(key)) attrs.set(key, v);
      };
    case 'upsert':
      return (attrs) => {
        const v = valueOf(attrs);
        if (v !== undefined) attrs.set(key, v);
      };
    case 'delete':
      return (attrs) => {
        attrs.delete(key);
      };
    case 'hash':
      return (attrs) => {
        const v = attrs.get(key);
        if (v !== undefined) attrs.set(key, createHash('sha256').update(anyValueToString(v)).digest('hex'));
      };
    case 'extract': {
      const re = new RegExp(toJsNamedGroups(a.pattern ?? ''));
      return (attrs) => {
        const v = attrs.get(key);
        if (typeof v !== 'string') return;
        const groups = re.exec(v)?.groups;
        if (groups === undefined) return;
        for (const name in groups) {
          const g = groups[name];
          if (g !== undefined) attrs.set(name, g);
        }
      };
    }
  }
}

/** The OpenTelemetry Collector's attributes processor: insert, update, upsert, delete, hash, extract, for every signal. */
export function createAttributesProcessor(config: AttributesConfig): Processor {
  const actions = config.actions.map(compile);
  const apply = (attrs: Attributes): void => {
    for (const action of actions) action(attrs);
  };
  return {
    wrap(signal, next) {
      return {
        consume(data, abort) {
          for (const res of resourcesOf(signal, data)) {
            if (config.target === 'resource') {
              apply(res.resource.attributes);
              continue;
            }
            for (const scope of scopesOf(signal, res))
              for (const item of itemsOf(signal, scope))
                for (const attrs of recordAttributes(signal, item)) apply(attrs);
          }
          return next.consume(data, abort);
        },
      };
    },
    async start() {},
    async shutdown() {},
  };
}

export const attributesProcessorDefinition: ProcessorDefinition<AttributesConfig> = {
  type: 'attributes',
  description:
    'Changes attributes of spans, log records and data points (target: record) or of resources (target: resource): insert, update, upsert, delete, hash (SHA-256), extract (regex named groups).',
  config: attributesConfig,
  create: (config) => createAttributesProcessor(config),
};
