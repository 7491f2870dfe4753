import { z } from 'zod';
import * as registry from '../stages/registry';
import { forwardIssues } from './issues';
import type { StageConfig } from './types';

/**
 * A list of stages in Promtail/Alloy order, each a one-key map `{<stage type>: {…arguments}}`, validated
 * against the stage registry when parsed (so types registered later are seen) and compiled by each schema.
 */
export const stageListSchema: z.ZodType<StageConfig[], unknown[]> = z
  .array(z.unknown())
  .describe('Stages in order, each a one-key map: `- regex: { expression: ... }`.')
  .transform((items, ctx) => {
    const out: StageConfig[] = [];
    items.forEach((item, index) => {
      const keys = item !== null && typeof item === 'object' && !Array.isArray(item) ? Object.keys(item) : [];
      if (keys.length !== 1) {
        ctx.addIssue({ code: 'custom', path: [index], message: 'expected a map with exactly one key, the stage type (e.g. `- regex: {...}`)' });
        return;
      }
      const type = keys[0];
      const definition = registry.stageDefinitions[type];
      if (!definition) {
        ctx.addIssue({ code: 'custom', path: [index, type], message: `unknown stage type "${type}" (expected one of ${Object.keys(registry.stageDefinitions).sort().join(', ')})` });
        return;
      }
      const raw = (item as Record<string, unknown>)[type];
      const parsed = definition.config.safeParse(raw ?? {}, { reportInput: true });
      if (!parsed.success) {
        forwardIssues(ctx, parsed.error.issues, [index, type]);
        return;
      }
      out.push({ type, config: parsed.data });
    });
    return out;
  });
