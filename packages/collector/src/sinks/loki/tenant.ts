import type { LogEntry } from '../../entry';
import type { Send, SendResult } from '../../delivery/send';
import { TENANT_LABEL } from '../../stages/tenant';

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
export function groupByTenant(entries: readonly LogEntry[], fallback: string | undefined): Map<string | undefined, LogEntry[]> {
  const groups = new Map<string | undefined, LogEntry[]>();
  for (const entry of entries) {
    const tenant = entry.labels[TENANT_LABEL] || fallback;
    const group = groups.get(tenant);
    if (group) group.push(entry);
    else groups.set(tenant, [entry]);
  }
  return groups;
}

/**
 * Sends each tenant's entries as its own request chain (`sendFor(tenant)`, retried on its own), so a tenant that
 * fails never makes another tenant's entries go out twice. Every group is tried; the first failure is reported
 * with the entries that did get through.
 */
export function splitByTenant(sendFor: (tenant: string | undefined) => Send, fallback: string | undefined): Send {
  return async (entries, signal) => {
    const groups = groupByTenant(entries, fallback);
    if (groups.size === 1) {
      const [tenant, group] = groups.entries().next().value as [string | undefined, LogEntry[]];
      return sendFor(tenant)(group, signal);
    }
    let failure: Exclude<SendResult, { status: 'ok' }> | undefined;
    const delivered: LogEntry[] = [];
    for (const [tenant, group] of groups) {
      if (signal.aborted) break;
      const result = await sendFor(tenant)(group, signal);
      if (result.status === 'ok') delivered.push(...group);
      else failure ??= result;
    }
    if (failure === undefined) return signal.aborted && delivered.length < entries.length ? aborted(delivered) : { status: 'ok' };
    return { ...failure, delivered };
  };
}

function aborted(delivered: LogEntry[]): SendResult {
  return { status: 'retryable', error: new Error('shutdown deadline reached before every tenant was sent'), delivered };
}
