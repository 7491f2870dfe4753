import * as snappy from 'snappyjs';
import type { Send, SendResult } from '../../delivery/send';
import { SendBuffer } from '../../delivery/send-buffer';
import { joinPushRequests } from '../../protocols/loki/encode';
import { tenantBatches } from './record';

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
      const kept =
        result.status === 'rejected' && result.refusedEntries !== undefined
          ? Math.max(0, batch.entries - result.refusedEntries)
          : 0;
      delivered.entries += kept;
      delivered.bytes += batch.entries === 0 ? 0 : Math.round((batch.bytes * kept) / batch.entries);
    }
    if (failure !== undefined)
      return delivered.entries === 0 && tenants.size === 1 ? failure : { ...failure, delivered };
    if (left > 0)
      return {
        status: 'retryable',
        error: new Error('shutdown deadline reached before every tenant was sent'),
        delivered,
      };
    return { status: 'ok' };
  }
}
