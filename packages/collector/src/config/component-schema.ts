import { z } from 'zod';
import type { RegisteredDefinition } from '../definition';
import { forwardIssues } from '../schema/issues';
import { targetSchema } from './schema';

export interface ParsedComponent {
  type: string;
  forward_to: string[];
  config: unknown;
}

/**
 * The schema of one source or sink: `type` picks the definition from the registry at parse time (others
 * register types during the day), the remaining keys go to that type's own strict schema.
 */
export function componentSchema(
  kind: 'source' | 'sink',
  definitions: Record<string, RegisteredDefinition<unknown, never>>,
): z.ZodType<ParsedComponent, unknown> {
  const envelope =
    kind === 'source'
      ? z.looseObject({ type: z.string(), forward_to: z.array(targetSchema).min(1) })
      : z.looseObject({ type: z.string() });
  return envelope.transform((value, ctx) => {
    const { type, forward_to: forwardTo, ...rest } = value as Record<string, unknown> & { type: string };
    const definition = definitions[type];
    if (!definition) {
      const known = Object.keys(definitions).sort().join(', ') || 'none registered';
      ctx.addIssue({
        code: 'custom',
        path: ['type'],
        message: `unknown ${kind} type "${type}" (expected one of ${known})`,
      });
      return z.NEVER;
    }
    const parsed = definition.config.safeParse(rest, { reportInput: true });
    if (!parsed.success) {
      forwardIssues(ctx, parsed.error.issues, []);
      return z.NEVER;
    }
    return { type, forward_to: (forwardTo as string[] | undefined) ?? [], config: parsed.data };
  });
}
