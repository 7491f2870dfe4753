import { z } from 'zod';
import { LogQLParseError, parseLogSelector, type LogSelector } from '../logql';

export const selectorSchema: z.ZodType<LogSelector, string> = z
  .string()
  .describe('LogQL stream selector with optional line filters, e.g. `{app="api"} |= "error"`.')
  .transform((text, ctx) => {
    try {
      return parseLogSelector(text);
    } catch (err) {
      if (!(err instanceof LogQLParseError)) throw err;
      ctx.addIssue({ code: 'custom', message: `invalid selector ${JSON.stringify(text)}: ${err.message}` });
      return z.NEVER;
    }
  });
