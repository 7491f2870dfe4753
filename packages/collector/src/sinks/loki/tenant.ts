import * as snappy from 'snappyjs';
import type { LogEntry } from '../../entry';
import type { Send, SendResult } from '../../delivery/send';
import { SendBuffer } from '../../delivery/send-buffer';
import { TENANT_LABEL } from '../../stages/tenant';
import { joinPushRequests } from './encode';
import { tenantBatches } from './record';

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
 * Sends each tenant's part of the queued records as its own request chain (`postFor(tenant)`, retried on its
 * own, with the body compressed once), so a tenant that fails never makes another tenant's entries go out twice.
 * Every tenant is tried; the first failure is reported with what did get through.
 */
export function sendByTenant(postFor: (tenant: string | undefined) => Send<Uint8Array>): Send {
  const idle: SendBuffer[] = []; // one body buffer per push in flight (parallel_requests)
  return async (records, signal) => {
    const body = idle.pop() ?? new SendBuffer();
    try {
      return await sendTenants(records, body, signal);
    } finally {
      idle.push(body);
    }
  };

  async function sendTenants(records: Parameters<Send>[0], body: SendBuffer, signal: AbortSignal): Promise<SendResult> {
    const tenants = tenantBatches(records);
    let failure: Exclude<SendResult, { status: 'ok' }> | undefined;
    const delivered = { entries: 0, bytes: 0 };
    let left = 0;
    for (const [tenant, batch] of tenants) {
      if (signal.aborted) {
        left += batch.entries;
        continue;
      }
      const result = await postFor(tenant)(body.hold(snappy.compress(joinPushRequests(batch.bodies))), signal);
      if (result.status === 'ok') {
        delivered.entries += batch.entries;
        delivered.bytes += batch.bytes;
        continue;
      }
      failure ??= result;
      // Loki kept what it did not name as refused: that part was delivered.
      const kept = result.status === 'rejected' && result.refusedEntries !== undefined ? Math.max(0, batch.entries - result.refusedEntries) : 0;
      delivered.entries += kept;
      delivered.bytes += batch.entries === 0 ? 0 : Math.round((batch.bytes * kept) / batch.entries);
    }
    if (failure !== undefined) return delivered.entries === 0 && tenants.size === 1 ? failure : { ...failure, delivered };
    if (left > 0) return { status: 'retryable', error: new Error('shutdown deadline reached before every tenant was sent'), delivered };
    return { status: 'ok' };
  }
}
