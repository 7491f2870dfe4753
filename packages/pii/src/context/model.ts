import { createGate, type Gate } from './gate';

/** The committed form of the model: hashed feature weights per class (the "neither" class is the zero reference). */
export interface ContextModelFile {
  /** Size of the feature hash table (a power of two). */
  dimension: number;
  /** Probability at or above which a candidate is taken, per type, chosen by leave-one-part-out. */
  thresholds: { user: number; secret_kv: number };
  /** Common non-PII words: the only candidates whose own text is a feature. */
  vocabulary: string[];
  /** Words that stand next to user names and secrets: only candidates next to one are scored (see gate.ts); absent,
   * every candidate is. */
  triggers?: string[];
  /** Per class: hash indexes as gaps from the previous one, and weights in hundredths. */
  user: { index: number[]; weight: number[] };
  secret_kv: { index: number[]; weight: number[] };
}

export interface ContextModel {
  dimension: number;
  thresholds: { user: number; secret_kv: number };
  vocabulary: ReadonlySet<string>;
  gate: Gate;
  user: Float32Array;
  secret: Float32Array;
}

/** FNV-1a over the feature's UTF-16 units, folded into the table. */
export function featureIndex(feature: string, dimension: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (dimension - 1);
}

function unpack(where: string, packed: { index: number[]; weight: number[] }, dimension: number): Float32Array {
  const table = new Float32Array(dimension);
  if (packed.index.length !== packed.weight.length)
    throw new Error(`pii context model: ${where} index/weight lengths differ`);
  let at = 0;
  packed.index.forEach((delta, i) => {
    at += delta;
    if (at < 0 || at >= dimension) throw new Error(`pii context model: ${where}.index[${i}] is outside the table`);
    table[at] = (packed.weight[i] ?? 0) / 100;
  });
  return table;
}

export function loadContextModel(file: ContextModelFile): ContextModel {
  const { dimension } = file;
  if (!Number.isInteger(dimension) || dimension <= 0 || (dimension & (dimension - 1)) !== 0) {
    throw new Error('pii context model: dimension must be a power of two');
  }
  return {
    dimension,
    thresholds: file.thresholds,
    vocabulary: new Set(file.vocabulary),
    gate: createGate(file.triggers),
    user: unpack('user', file.user, dimension),
    secret: unpack('secret_kv', file.secret_kv, dimension),
  };
}

/** Packs trained weights: rounded to hundredths, those below `smallest` in size dropped (features seen too rarely to
 * matter), indexes as gaps (small numbers, short JSON). */
export function packWeights(weights: Float64Array, smallest: number): { index: number[]; weight: number[] } {
  const index: number[] = [];
  const weight: number[] = [];
  let last = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = Math.round((weights[i] ?? 0) * 100);
    if (w === 0 || Math.abs(weights[i] ?? 0) < smallest) continue;
    index.push(i - last);
    weight.push(w);
    last = i;
  }
  return { index, weight };
}
