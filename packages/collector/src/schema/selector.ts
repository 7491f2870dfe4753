import { z } from 'zod';
import { LogQLParseError, parseLogSelector, type LogSelector } from '../logql';

export const selectorSchema: z.ZodType<LogSelector, string> = z
  .string()
  .describe(
    'LogQL stream selector with optional line filters and label filters, e.g. `{app="api"} |= "error" | level=~"warn|error"`. A label filter looks the name up in the labels, then the structured metadata, then the extracted map.',
  )
  .transform((text, ctx) => {
    try {
      return parseLogSelector(text);
    } catch (err) {
      if (!(err instanceof LogQLParseError)) throw err;
      ctx.addIssue({ code: 'custom', message: `invalid selector ${JSON.stringify(text)}: ${err.message}` });
      return z.NEVER;
    }
  });
