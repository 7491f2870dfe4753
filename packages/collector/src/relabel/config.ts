import { z } from 'zod';
import { compileRe2, Re2SyntaxError, type CompiledRe2 } from '../logql/re2';

export const RELABEL_ACTIONS = [
  'replace',
  'keep',
  'drop',
  'keepequal',
  'dropequal',
  'hashmod',
  'labelmap',
  'labeldrop',
  'labelkeep',
  'lowercase',
  'uppercase',
] as const;

// Prometheus anchors relabel regexes and lets `.` match newlines: `^(?s:<regex>)$`.
const regexSchema = z
  .string()
  .describe('RE2 expression, anchored at both ends as in Prometheus (default `(.*)`).')
  .transform((source, ctx) => {
    try {
      return compileRe2(source, { anchored: true, dotAll: true });
    } catch (err) {
      if (!(err instanceof Re2SyntaxError)) throw err;
      ctx.addIssue({ code: 'custom', message: `invalid regular expression: ${err.message}` });
      return z.NEVER;
    }
  });

/** One Prometheus relabel rule, with Prometheus's defaults, validated the way Prometheus validates it. */
export const relabelRuleSchema = z
  .strictObject({
    source_labels: z
      .array(z.string())
      .default([])
      .describe('Labels whose values, joined by `separator`, the regex is matched against.'),
    separator: z.string().default(';').describe('Joins the source label values.'),
    regex: regexSchema.default(compileRe2('(.*)', { anchored: true, dotAll: true })),
    modulus: z.number().int().positive().optional().describe('hashmod: the modulus of the hash of the joined value.'),
    target_label: z
      .string()
      .optional()
      .describe('Label written by replace, hashmod, lowercase, uppercase; `$1`/`${name}` expand for replace.'),
    replacement: z
      .string()
      .default('$1')
      .describe(
        'replace and labelmap: the value (or label name) written, with `$1`, `${1}`, `$name` from the regex groups.',
      ),
    action: z.enum(RELABEL_ACTIONS).default('replace').describe('What the rule does (Prometheus actions).'),
  })
  .superRefine((r, ctx) => {
    const needsTarget = ['replace', 'hashmod', 'lowercase', 'uppercase', 'keepequal', 'dropequal'];
    if (needsTarget.includes(r.action) && r.target_label === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['target_label'],
        message: `relabel action ${r.action} needs target_label`,
      });
    }
    if (r.action === 'hashmod' && r.modulus === undefined)
      ctx.addIssue({ code: 'custom', path: ['modulus'], message: 'relabel action hashmod needs modulus' });
    if (
      (r.action === 'labeldrop' || r.action === 'labelkeep') &&
      (r.source_labels.length > 0 || r.target_label !== undefined)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['action'],
        message: `relabel action ${r.action} takes only regex (no source_labels or target_label)`,
      });
    }
  });

export type RelabelRule = z.output<typeof relabelRuleSchema>;
export type { CompiledRe2 };
