import { z } from 'zod';
import type { RegisteredDefinition } from '../definition';
import { forwardIssues } from '../schema/issues';
import { targetSchema } from './schema';

export interface ParsedComponent {
  type: string;
  forward_to: string[];
  config: unknown;
}

const forwardToSchema = z.array(targetSchema).min(1);

/**
 * The schema of one source or sink: `type` picks the definition from the registry at parse time (others
 * register types during the day), the remaining keys go to that type's own strict schema. A source's
 * `forward_to` and its type's keys are checked side by side, so a typo such as `forwad_to` is reported as an
 * unknown key beside the missing `forward_to`; a sink has no `forward_to`, so there it is an unknown key.
 */
export function componentSchema(
  kind: 'source' | 'sink',
  definitions: Record<string, RegisteredDefinition<unknown, never>>,
): z.ZodType<ParsedComponent, unknown> {
  return z.looseObject({ type: z.string() }).transform((value, ctx) => {
    const { type, ...keys } = value as Record<string, unknown> & { type: string };
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
    let forwardTo: string[] = [];
    let valid = true;
    let rest = keys;
    if (kind === 'source') {
      const { forward_to: rawForwardTo, ...typeKeys } = keys;
      rest = typeKeys;
      const targets = forwardToSchema.safeParse(rawForwardTo, { reportInput: true });
      if (targets.success) forwardTo = targets.data;
      else {
        forwardIssues(ctx, targets.error.issues, ['forward_to']);
        valid = false;
      }
    }
    const parsed = definition.config.safeParse(rest, { reportInput: true });
    if (!parsed.success) forwardIssues(ctx, parsed.error.issues, []);
    if (!parsed.success || !valid) return z.NEVER;
    return { type, forward_to: forwardTo, config: parsed.data };
  });
}
