import { z } from 'zod';
import { LABEL_NAME } from '../protocols/loki/labels';

export const labelNameSchema = z.string().regex(LABEL_NAME, 'invalid label name (use [a-zA-Z_][a-zA-Z0-9_]*)');

/** A map label name -> key (`""` or null = the same name), as Alloy's `values` arguments are. */
export function labelMapSchema(description: string): z.ZodType<Record<string, string>, Record<string, string | null>> {
  return z
    .record(labelNameSchema, z.string().nullable())
    .describe(description)
    .refine((m) => Object.keys(m).length > 0, 'expected at least one entry')
    .transform((m) =>
      Object.fromEntries(Object.entries(m).map(([name, key]) => [name, key === null || key === '' ? name : key])),
    );
}
