import { candidate } from './detectors/detector';
import { resolveOverlaps } from './resolve-overlaps';

describe('resolveOverlaps', () => {
  test('keeps the wider claim when a shorter candidate lies inside it', () => {
    const out = resolveOverlaps([candidate('phone', 5, 17), candidate('credit_card', 0, 19)]);
    expect(out.map((c) => c.type)).toEqual(['credit_card']);
  });

  test('keeps the more specific type when two candidates cover the same range', () => {
    const out = resolveOverlaps([candidate('secret_kv', 4, 10, 0, 10), candidate('aws_secret_key', 4, 10, 0, 10)]);
    expect(out.map((c) => c.type)).toEqual(['aws_secret_key']);
  });

  test('gives the more specific type the wider claim of two on the same range', () => {
    const out = resolveOverlaps([candidate('secret_kv', 4, 10, 0, 10), candidate('aws_secret_key', 4, 10)]);
    expect(out.map((c) => [c.type, c.claimStart, c.claimEnd])).toEqual([['aws_secret_key', 0, 10]]);
  });

  test('drops a misreading when it overlaps the replaced part inside a wider claim', () => {
    const url = candidate('url_credentials', 8, 15, 0, 30);
    const out = resolveOverlaps([candidate('email', 12, 30), url]);
    expect(out).toEqual([url]);
  });

  test('keeps a nested candidate when it touches nothing replaced', () => {
    const out = resolveOverlaps([candidate('ipv4', 16, 24), candidate('url_credentials', 8, 15, 0, 30)]);
    expect(out.map((c) => [c.type, c.start, c.end])).toEqual([
      ['url_credentials', 8, 15],
      ['ipv4', 16, 24],
    ]);
  });

  test('keeps the part sticking out when a partial overlap is outside any claim', () => {
    const out = resolveOverlaps([candidate('jwt', 5, 40), candidate('email', 30, 50)]);
    expect(out.map((c) => [c.type, c.start, c.end])).toEqual([
      ['jwt', 5, 40],
      ['email', 40, 50],
    ]);
  });

  test('orders the result by position when candidates arrive in any order', () => {
    const out = resolveOverlaps([candidate('ipv4', 20, 28), candidate('email', 0, 10)]);
    expect(out.map((c) => c.start)).toEqual([0, 20]);
  });

  test('keeps every candidate, sorted, when many arrive out of order and none touch another', () => {
    const found = [
      candidate('ipv4', 40, 48),
      candidate('email', 0, 10),
      candidate('user', 30, 35),
      candidate('mac', 10, 27),
    ];
    expect(resolveOverlaps(found).map((c) => [c.type, c.start])).toEqual([
      ['email', 0],
      ['mac', 10],
      ['user', 30],
      ['ipv4', 40],
    ]);
  });

  test('settles an overlap among otherwise separate candidates when one pair touches', () => {
    const found = [candidate('ipv4', 40, 48), candidate('phone', 2, 8), candidate('credit_card', 0, 19)];
    expect(resolveOverlaps(found).map((c) => c.type)).toEqual(['credit_card', 'ipv4']);
  });
});
