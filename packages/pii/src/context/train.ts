import type { LabeledLine } from '../testing/score-corpus';
import { packWeights, type ContextModelFile } from './model';
import { buildTriggers, buildVocabulary, contextExamples } from './training';

export interface TrainingSettings {
  /** Feature hash table size, a power of two. */
  dimension: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Weights smaller than this are dropped from the file. */
  smallestWeight: number;
  /** Gate the model by trigger words (false: score every candidate, which costs far more). */
  gated: boolean;
  thresholds: { user: number; secret_kv: number };
}

export const defaultTrainingSettings: TrainingSettings = {
  dimension: 1 << 18,
  epochs: 6,
  learningRate: 0.05,
  l2: 1e-6,
  seed: 11,
  smallestWeight: 0.1,
  gated: true,
  thresholds: { user: 0.5, secret_kv: 0.5 },
};

export interface TrainedContextModel {
  file: ContextModelFile;
  examples: number;
  positives: { user: number; secret_kv: number };
  /** Labeled user and secret_kv values that no scored candidate equals. */
  uncovered: number;
}

/** Seeded order (a linear congruential generator): the same permutation on every run. */
function shuffled(n: number, seed: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let state = seed >>> 0;
  for (let i = n - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    const t = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = t;
  }
  return order;
}

/**
 * Softmax regression over neither / user / secret (neither is the zero reference) by AdaGrad SGD on hashed features.
 * Fixed seed and order, so the same lines and settings give the same weights, byte for byte.
 */
export function trainContextModel(
  lines: readonly LabeledLine[],
  settings: TrainingSettings = defaultTrainingSettings,
): TrainedContextModel {
  const { dimension } = settings;
  const vocabulary = buildVocabulary(lines);
  const triggers = settings.gated ? buildTriggers(lines) : undefined;
  const { features, offsets, labels, uncovered } = contextExamples(lines, dimension, new Set(vocabulary), triggers);
  const weights = [new Float64Array(dimension), new Float64Array(dimension)] as const;
  const squares = [new Float64Array(dimension).fill(1e-8), new Float64Array(dimension).fill(1e-8)] as const;
  const n = labels.length;
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (const i of shuffled(n, settings.seed + epoch)) {
      const from = offsets[i] ?? 0;
      const to = offsets[i + 1] ?? 0;
      let su = 0;
      let ss = 0;
      for (let f = from; f < to; f++) {
        const h = features[f] ?? 0;
        su += weights[0][h] ?? 0;
        ss += weights[1][h] ?? 0;
      }
      const eu = Math.exp(su);
      const es = Math.exp(ss);
      const gradients = [
        eu / (1 + eu + es) - (labels[i] === 1 ? 1 : 0),
        es / (1 + eu + es) - (labels[i] === 2 ? 1 : 0),
      ];
      for (let c = 0; c < 2; c++) {
        const g = gradients[c] ?? 0;
        const w = weights[c as 0 | 1];
        const sq = squares[c as 0 | 1];
        for (let f = from; f < to; f++) {
          const h = features[f] ?? 0;
          const step = g + settings.l2 * (w[h] ?? 0);
          sq[h] = (sq[h] ?? 0) + step * step;
          w[h] = (w[h] ?? 0) - (settings.learningRate * step) / Math.sqrt(sq[h] ?? 1);
        }
      }
    }
  }
  const positives = { user: 0, secret_kv: 0 };
  for (const l of labels) if (l !== 0) positives[l === 1 ? 'user' : 'secret_kv']++;
  return {
    file: {
      dimension,
      thresholds: settings.thresholds,
      vocabulary,
      triggers,
      user: packWeights(weights[0], settings.smallestWeight),
      secret_kv: packWeights(weights[1], settings.smallestWeight),
    },
    examples: n,
    positives,
    uncovered: uncovered.length,
  };
}
