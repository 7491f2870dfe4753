import { ChunkAssembler, GelfError } from './chunks';

const chunk = (id: number, seq: number, count: number, body: string): Buffer =>
  Buffer.concat([Buffer.from([0x1e, 0x0f]), Buffer.alloc(7), Buffer.from([id, seq, count]), Buffer.from(body)]);

describe('ChunkAssembler', () => {
  const limits = { maxMessageBytes: 20, timeoutMs: 5000, maxOpenMessages: 2 };

  test('joins chunks by sequence number, in any order, ignoring a repeated one', () => {
    const a = new ChunkAssembler(limits);
    const drops: GelfError[] = [];
    expect(a.push(chunk(1, 2, 3, 'c'), 0, (e) => drops.push(e))).toBeUndefined();
    expect(a.push(chunk(1, 0, 3, 'a'), 0, (e) => drops.push(e))).toBeUndefined();
    expect(a.push(chunk(1, 0, 3, 'x'), 0, (e) => drops.push(e))).toBeUndefined();
    expect(a.push(chunk(1, 1, 3, 'b'), 0, (e) => drops.push(e))?.toString()).toBe('abc');
    expect(a.openMessages).toBe(0);
    expect(drops).toEqual([]);
  });

  test('drops a message whose chunks did not all arrive in time, and the oldest when too many are open', () => {
    const a = new ChunkAssembler(limits);
    const drops: GelfError[] = [];
    a.push(chunk(1, 0, 2, 'a'), 0, (e) => drops.push(e));
    a.push(chunk(2, 0, 2, 'a'), 1000, (e) => drops.push(e));
    a.push(chunk(3, 0, 2, 'a'), 2000, (e) => drops.push(e));
    expect(drops.map((e) => e.reason)).toEqual(['too_many_open_messages']);
    expect(a.expire(6000).map((e) => e.reason)).toEqual(['incomplete_message']);
    expect(a.openMessages).toBe(1);
    expect(a.push(chunk(3, 1, 2, 'b'), 6999, () => undefined)?.toString()).toBe('ab');
  });

  test.each([
    ['a sequence number not below the count', chunk(1, 3, 3, 'a'), 'invalid_chunk'],
    ['a count above 128', chunk(1, 0, 129, 'a'), 'invalid_chunk'],
    ['a chunk with no body', chunk(1, 0, 1, ''), 'invalid_chunk'],
    ['a message over the limit', chunk(1, 0, 2, 'x'.repeat(21)), 'too_large'],
  ])('refuses %s', (_name, datagram, reason) => {
    expect(() => new ChunkAssembler(limits).push(datagram, 0, () => undefined)).toThrow(
      expect.objectContaining({ reason }),
    );
  });

  test('refuses a chunk whose count disagrees with its message, and forgets the message', () => {
    const a = new ChunkAssembler(limits);
    a.push(chunk(1, 0, 3, 'a'), 0, () => undefined);
    expect(() => a.push(chunk(1, 1, 2, 'b'), 0, () => undefined)).toThrow('says 2 chunks, an earlier one 3');
    expect(a.openMessages).toBe(0);
  });
});
