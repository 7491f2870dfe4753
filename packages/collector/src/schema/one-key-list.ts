import { z } from 'zod';
import { forwardIssues } from './issues';

/** One parsed item of a one-key list: its type and its config as that type's schema parsed it. */
export interface TypedConfig {
  readonly type: string;
  readonly config: unknown;
}

/**
 * A list of one-key maps `- <type>: {…arguments}` (pipeline stages, OTLP processors), each value parsed by its type's
 * schema from `definitions`, looked up when parsed (a lazy registry loads only the types a config names).
 */
export function oneKeyListSchema(
  kind: string,
  example: string,
  definitions: Readonly<Record<string, { config: z.ZodType<unknown> }>>,
): z.ZodType<TypedConfig[], unknown[]> {
  return z.array(z.unknown()).transform((items, ctx) => {
    const out: TypedConfig[] = [];
    items.forEach((item, index) => {
      const keys = item !== null && typeof item === 'object' && !Array.isArray(item) ? Object.keys(item) : [];
      if (keys.length !== 1) {
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `expected a map with exactly one key, the ${kind} type (e.g. \`- ${example}: {...}\`)`,
        });
        return;
      }
      const type = keys[0];
      const definition = Object.hasOwn(definitions, type) ? definitions[type] : undefined;
      if (!definition) {
        ctx.addIssue({
          code: 'custom',
          path: [index, type],
          message: `unknown ${kind} type "${type}" (expected one of ${Object.keys(definitions).sort().join(', ')})`,
        });
        return;
      }
      const parsed = definition.config.safeParse((item as Record<string, unknown>)[type] ?? {}, { reportInput: true });
      if (!parsed.success) {
        forwardIssues(ctx, parsed.error.issues, [index, type]);
        return;
      }
      out.push({ type, config: parsed.data });
    });
    return out;
  });
}
