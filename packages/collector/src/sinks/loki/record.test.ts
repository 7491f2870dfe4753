import * as snappy from 'snappyjs';
import { createEntry } from '../../entry';
import { decodeProtobufPush } from '../../protocols/loki/decode';
import { joinPushRequests, type EncodeStats } from '../../protocols/loki/encode';
import { encodeLokiRecord, tenantBatches } from './record';
import { required } from '@obs/schema/testing';

const opts = { externalLabels: {}, maxLabels: 15, maxLineBytes: 0 };
const lines = (bodies: Buffer[]) =>
  decodeProtobufPush(snappy.compress(joinPushRequests(bodies)), 1 << 20).flatMap((s) => s.entries.map((e) => e.line));

describe('encodeLokiRecord', () => {
  test('keeps a section per tenant, the fallback tenant for entries without one, when records are regrouped', () => {
    const stats: EncodeStats[] = [];
    const first = encodeLokiRecord(
      [
        createEntry('a1', { job: 'x', __tenant_id__: 'team-a' }, 5n * 1_000_000n),
        createEntry('d1', { job: 'x' }, 3n * 1_000_000n),
      ],
      opts,
      'default-team',
      (s) => stats.push(s),
    );
    const second = encodeLokiRecord(
      [createEntry('a2', { job: 'y', __tenant_id__: 'team-a' }, 9n * 1_000_000n)],
      opts,
      'default-team',
      (s) => stats.push(s),
    );
    expect(first).toMatchObject({ entries: 2, oldestMs: 3 });
    expect(stats.map((s) => s.streams)).toEqual([1, 1, 1]);
    const tenants = tenantBatches([first, second]);
    expect([...tenants.keys()]).toEqual(['team-a', 'default-team']);
    const teamA = required(tenants.get('team-a'), 'the team-a batch');
    expect(lines(teamA.bodies)).toEqual(['a1', 'a2']);
    expect(teamA.entries).toBe(2);
    expect(lines(required(tenants.get('default-team'), 'the default-team batch').bodies)).toEqual(['d1']);
    const sectionBytes = [...tenants.values()].reduce((n, t) => n + t.bytes, 0);
    expect(sectionBytes).toBe(first.payload.length + second.payload.length);
  });

  test('sends no tenant header value when neither the entry nor the sink names a tenant', () => {
    const record = encodeLokiRecord([createEntry('l', { job: 'x' }, 1n)], opts, undefined, () => undefined);
    const tenants = tenantBatches([record]);
    expect([...tenants.keys()]).toEqual([undefined]);
    expect(lines(required(tenants.get(undefined), 'the batch without a tenant').bodies)).toEqual(['l']);
  });
});
