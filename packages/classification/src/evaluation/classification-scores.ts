export interface ClassificationScores {
  accuracy: number;
  /** Unweighted mean of per-label F1 over every label that occurs in the truth or the predictions. */
  macroF1: number;
  /** Per-label F1, keyed by label. */
  f1: Record<string, number>;
}

/** Accuracy and macro-F1 of predicted labels against true labels (same order, same length). */
export function classificationScores(predicted: readonly string[], truth: readonly string[]): ClassificationScores {
  if (predicted.length !== truth.length)
    throw new RangeError(`classificationScores needs equal lengths, got ${predicted.length} and ${truth.length}`);
  const labels = [...new Set([...truth, ...predicted])].sort();
  let correct = 0;
  const f1: Record<string, number> = {};
  for (const label of labels) {
    let truePositive = 0;
    let predictedCount = 0;
    let actualCount = 0;
    for (let i = 0; i < truth.length; i++) {
      if (predicted[i] === label) predictedCount++;
      if (truth[i] === label) actualCount++;
      if (predicted[i] === label && truth[i] === label) truePositive++;
    }
    correct += truePositive;
    f1[label] = predictedCount + actualCount === 0 ? 0 : (2 * truePositive) / (predictedCount + actualCount);
  }
  const macroF1 = labels.length === 0 ? 1 : labels.reduce((sum, label) => sum + f1[label], 0) / labels.length;
  return { accuracy: truth.length === 0 ? 1 : correct / truth.length, macroF1, f1 };
}
