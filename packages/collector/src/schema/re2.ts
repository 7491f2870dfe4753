import { z } from 'zod';
import { compileRe2, Re2SyntaxError, type CompiledRe2 } from '../logql/re2';

/** An RE2 expression compiled at load (`(?P<name>…)` accepted); a bad one is a config error, not a runtime one. */
export function re2Schema(
  description: string,
  options: { anchored?: boolean; plainGroups?: boolean } = {},
): z.ZodType<CompiledRe2, string> {
  return z
    .string()
    .min(1)
    .describe(description)
    .transform((source, ctx) => {
      try {
        return compileRe2(source, options);
      } catch (err) {
        if (!(err instanceof Re2SyntaxError)) throw err;
        ctx.addIssue({ code: 'custom', message: `invalid regular expression: ${err.message}` });
        return z.NEVER;
      }
    });
}
