import type { LogEntry } from '../../entry';
import type { QueueRecord } from '../../delivery/queue';
import { oldestMs } from '../../delivery/queued-sink';
import { encodePush, type EncodeOptions, type EncodeStats } from '../../protocols/loki/encode';
import { groupByTenant } from '../../protocols/loki/tenant';

/** One tenant's part of the queued records of a push. */
export interface TenantBatch {
  /** Uncompressed PushRequests, one per queued batch, joined at send time. */
  bodies: Buffer[];
  entries: number;
  /** Payload bytes of its sections, as the queue counts them. */
  bytes: number;
}

// Section = [u32 tenant byte length, NO_TENANT when none][tenant][u32 entries][u32 body length][PushRequest].
const NO_TENANT = 0xffffffff;
const SECTION_HEADER = 12;

/**
 * A loki sink's queue record for one consumed batch: a section per tenant (`__tenant_id__`, else `fallbackTenant`),
 * each the tenant's PushRequest, encoded now so that what waits in the queue is bytes, not entry objects.
 */
export function encodeLokiRecord(
  entries: readonly LogEntry[],
  options: EncodeOptions,
  fallbackTenant: string | undefined,
  onEncoded: (stats: EncodeStats) => void,
): QueueRecord {
  const sections: Buffer[] = [];
  for (const [tenant, group] of groupByTenant(entries, fallbackTenant)) {
    const { body, stats } = encodePush(group, options);
    onEncoded(stats);
    const name = tenant === undefined ? undefined : Buffer.from(tenant, 'utf8');
    const header = Buffer.allocUnsafe(SECTION_HEADER + (name?.length ?? 0));
    header.writeUInt32LE(name === undefined ? NO_TENANT : name.length, 0);
    let pos = 4;
    if (name) pos += name.copy(header, pos);
    header.writeUInt32LE(group.length, pos);
    header.writeUInt32LE(body.length, pos + 4);
    sections.push(header, body);
  }
  return { payload: Buffer.concat(sections), entries: entries.length, oldestMs: oldestMs(entries) };
}

/** The queued records of a push regrouped per tenant, in first-seen order. */
export function tenantBatches(records: readonly QueueRecord[]): Map<string | undefined, TenantBatch> {
  const tenants = new Map<string | undefined, TenantBatch>();
  for (const { payload } of records) {
    let pos = 0;
    while (pos < payload.length) {
      const start = pos;
      const nameLength = payload.readUInt32LE(pos);
      pos += 4;
      let tenant: string | undefined;
      if (nameLength !== NO_TENANT) {
        tenant = payload.toString('utf8', pos, pos + nameLength);
        pos += nameLength;
      }
      const entries = payload.readUInt32LE(pos);
      const bodyLength = payload.readUInt32LE(pos + 4);
      pos += 8;
      const body = payload.subarray(pos, pos + bodyLength);
      pos += bodyLength;
      let batch = tenants.get(tenant);
      if (!batch) tenants.set(tenant, (batch = { bodies: [], entries: 0, bytes: 0 }));
      batch.bodies.push(body);
      batch.entries += entries;
      batch.bytes += pos - start;
    }
  }
  return tenants;
}
