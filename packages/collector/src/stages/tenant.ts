import { z } from 'zod';
import { extractedString, type LogEntry } from '../entry';
import { TENANT_LABEL } from '../protocols/loki/tenant';
import type { Stage, StageDefinition } from './stage';

const config = z
  .object({
    label: z.string().min(1).optional().describe('Take the tenant from this label of the entry.'),
    source: z.string().min(1).optional().describe('Take the tenant from this extracted key.'),
    value: z.string().min(1).optional().describe('Use this fixed tenant.'),
  })
  .strict()
  .superRefine((c, issues) => {
    const set = (['label', 'source', 'value'] as const).filter((k) => c[k] !== undefined);
    if (set.length !== 1) {
      issues.addIssue({
        code: 'custom',
        path: set.length > 1 ? [set[1]] : [],
        message: `set exactly one of label, source or value (got ${set.length === 0 ? 'none' : set.join(', ')})`,
      });
    }
  });

export type TenantStageConfig = z.infer<typeof config>;

class TenantStage implements Stage {
  constructor(readonly cfg: TenantStageConfig) {}

  process(entry: LogEntry, out: LogEntry[]): void {
    const cfg = this.cfg;
    const tenant =
      cfg.value ??
      (cfg.label !== undefined
        ? entry.labels[cfg.label]
        : cfg.source !== undefined
          ? extractedString(entry.extracted[cfg.source])
          : undefined);
    // A missing or empty tenant leaves the entry to the sink's own tenant_id (Alloy).
    if (tenant !== undefined && tenant !== '') entry.labels[TENANT_LABEL] = tenant;
    out.push(entry);
  }
}

export const tenantStage: StageDefinition<TenantStageConfig> = {
  type: 'tenant',
  description:
    'Sets the tenant of the entry from a label, an extracted key or a fixed value, in the reserved label `__tenant_id__`; the loki sink sends it as X-Scope-OrgID (overriding its tenant_id) and never as a label.',
  config,
  create: (cfg) => new TenantStage(cfg),
};
