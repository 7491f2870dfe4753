import type { LogEntry } from '../../entry';

/** The label a tenant travels in until the loki sink turns it into X-Scope-OrgID (Alloy's reserved name). */
export const TENANT_LABEL = '__tenant_id__';

// Loki's tenant ID rules: up to 150 of these characters, and not "." or "..".
const TENANT_ID = /^[A-Za-z0-9!\-_.*'()]{1,150}$/;

/** Why Loki would refuse `tenant` as an X-Scope-OrgID, or undefined when it is valid. */
export function tenantIdProblem(tenant: string): string | undefined {
  if (!TENANT_ID.test(tenant) || tenant === '.' || tenant === '..') {
    return `tenant id ${JSON.stringify(tenant.slice(0, 160))} is not valid for Loki (1-150 of A-Z a-z 0-9 ! - _ . * ' ( ), not . or ..)`;
  }
  return undefined;
}

/** Entries grouped by their `__tenant_id__` label, in first-seen order; entries without it fall under `fallback`. */
export function groupByTenant(
  entries: readonly LogEntry[],
  fallback: string | undefined,
): Map<string | undefined, LogEntry[]> {
  const groups = new Map<string | undefined, LogEntry[]>();
  for (const entry of entries) {
    const tenant = entry.labels[TENANT_LABEL] || fallback;
    const group = groups.get(tenant);
    if (group) group.push(entry);
    else groups.set(tenant, [entry]);
  }
  return groups;
}
