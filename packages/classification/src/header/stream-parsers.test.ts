import { StreamParsers } from './stream-parsers';

describe('StreamParsers', () => {
  test('gives each stream its own header parser when items name their service', () => {
    const parsers = new StreamParsers(2);
    expect(parsers.for({ 'service.name': 'a' })).toBe(parsers.for({ 'service.name': 'a' }));
    expect(parsers.for({ 'service.name': 'a' })).not.toBe(parsers.for({ 'service.name': 'b' }));
    expect(parsers.for(undefined)).toBe(parsers.for({ unrelated: 'x' }));
  });

  test('forgets the least recently used stream when more streams than the maximum are seen', () => {
    const parsers = new StreamParsers(2);
    const a = parsers.for({ job: 'a' });
    parsers.for({ job: 'b' });
    parsers.for({ job: 'a' });
    parsers.for({ job: 'c' });
    expect(parsers.for({ job: 'a' })).toBe(a);
    expect(parsers.for({ job: 'b' })).not.toBe(a);
  });
});
