import { classificationScores } from './classification-scores';

describe('classificationScores', () => {
  test('scores 1 when every prediction is right', () => {
    expect(classificationScores(['a', 'b'], ['a', 'b'])).toMatchObject({ accuracy: 1, macroF1: 1 });
  });

  test('averages per-label F1 over labels in truth or predictions when some are wrong', () => {
    // a: tp 1, predicted 2, actual 1 -> F1 2/3; b: tp 1, predicted 2, actual 2 -> 1/2; c: never predicted -> 0
    const scores = classificationScores(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'c']);
    expect(scores.accuracy).toBe(0.5);
    expect(scores.f1).toEqual({ a: 2 / 3, b: 0.5, c: 0 });
    expect(scores.macroF1).toBeCloseTo(7 / 18, 10);
  });
});
