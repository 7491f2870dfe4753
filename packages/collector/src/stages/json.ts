import { compile, TreeInterpreter, type JSONValue } from '@jmespath-community/jmespath';
import { z } from 'zod';
import { re2Schema } from '../schema/re2';
import { extractedString, type LogEntry } from '../entry';
import type { Stage, StageContext, StageCounters, StageDefinition } from './stage';
import { goJsonMarshal } from './go-json';

/** A JMESPath expression compiled at load. */
interface Expression {
  search(data: JSONValue): JSONValue;
}

function compileExpression(source: string): Expression {
  const node = compile(source);
  return { search: (data) => TreeInterpreter.search(node, data) };
}

const config = z
  .strictObject({
    expressions: z
      .record(z.string().min(1), z.string().nullable())
      .default({})
      .describe(
        'Extracted key -> JMESPath expression over the JSON (`""` = the key itself). Quote keys with hyphens: `"user-id"`.',
      )
      .transform((m, ctx) => {
        const compiled: [string, Expression][] = [];
        for (const [name, expr] of Object.entries(m)) {
          const source = expr === null || expr === '' ? name : expr;
          try {
            compiled.push([name, compileExpression(source)]);
          } catch (err) {
            ctx.addIssue({
              code: 'custom',
              path: [name],
              message: `invalid JMESPath expression ${JSON.stringify(source)}: ${(err as Error).message}`,
            });
          }
        }
        return compiled;
      }),
    source: z
      .string()
      .min(1, '`source` may not be empty; omit it to parse the line')
      .optional()
      .describe('Extracted key holding the JSON to parse instead of the log line.'),
    regex: re2Schema(
      'Also extract every top-level key whose name matches this RE2 expression (unanchored, as Alloy).',
    ).optional(),
    drop_malformed: z
      .boolean()
      .default(false)
      .describe('Drop entries whose JSON does not parse (reason `drop_malformed`).'),
  })
  .refine((c) => c.expressions.length > 0 || c.regex !== undefined, { message: 'set `expressions` or `regex`' });

export type JsonStageConfig = z.output<typeof config>;

class JsonStage implements Stage {
  readonly #expressions: [string, Expression][];
  readonly #regex: RegExp | undefined;
  readonly #source: string | undefined;
  readonly #dropMalformed: boolean;
  readonly #counters: StageCounters;

  constructor(c: JsonStageConfig, ctx: StageContext) {
    this.#expressions = c.expressions;
    this.#regex = c.regex?.regex;
    this.#source = c.source;
    this.#dropMalformed = c.drop_malformed;
    this.#counters = ctx.counters;
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    const input = this.#source === undefined ? entry.line : extractedString(entry.extracted[this.#source]);
    let data: unknown;
    try {
      data = input === undefined ? undefined : JSON.parse(input);
    } catch {
      data = undefined;
    }
    // Alloy decodes into a map: arrays and scalars count as malformed too.
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      this.#counters.parseFailed.inc();
      if (this.#dropMalformed && input !== undefined) {
        this.#counters.dropped('drop_malformed').inc();
        return;
      }
      out.push(entry);
      return;
    }
    for (const [name, expression] of this.#expressions) {
      let result: JSONValue;
      try {
        result = expression.search(data as JSONValue);
      } catch {
        continue;
      }
      entry.extracted[name] = simplify(result);
    }
    if (this.#regex !== undefined) {
      for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
        if (this.#regex.test(key)) entry.extracted[key] = simplify(value);
      }
    }
    out.push(entry);
  }
}

/** Scalars are kept as they are; lists and maps become their JSON text as Go writes it (keys sorted), as in Promtail and Alloy. */
function simplify(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? goJsonMarshal(value) : value;
}

export const jsonStage: StageDefinition<JsonStageConfig> = {
  type: 'json',
  description: 'Parses the line (or an extracted value) as JSON and writes JMESPath results to the extracted map.',
  config,
  create: (c, ctx) => new JsonStage(c, ctx),
};
