import { groupingAccuracy } from './grouping-accuracy';

describe('groupingAccuracy', () => {
  test('scores 1 when groups match exactly under different names', () => {
    expect(groupingAccuracy(['x', 'x', 'y'], ['E1', 'E1', 'E2'])).toBe(1);
  });

  test('counts no line of two true groups as correct when the miner merges them', () => {
    expect(groupingAccuracy(['x', 'x', 'x', 'y'], ['E1', 'E1', 'E2', 'E3'])).toBe(0.25);
  });

  test('counts no line of a true group as correct when the miner splits it', () => {
    expect(groupingAccuracy(['x', 'y', 'z', 'z'], ['E1', 'E1', 'E2', 'E2'])).toBe(0.5);
  });

  test('throws when the label lists differ in length', () => {
    expect(() => groupingAccuracy(['x'], [])).toThrow('groupingAccuracy needs equal lengths, got 1 and 0');
  });
});
