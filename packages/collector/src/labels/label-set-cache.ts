import type { Labels } from '../entry';

interface Node<T> {
  // Edges (name, value) -> child, scanned in turn while few: comparing short strings beats hashing a
  // fresh value string for a Map; past LINEAR_EDGES the node moves its edges to `byName`.
  readonly names: string[];
  readonly values: string[];
  readonly next: Node<T>[];
  byName: Map<string, Map<string, Node<T>>> | undefined;
  /** Set once `compute` ran for the label set ending at this node. */
  done: boolean;
  value: T | undefined;
}

const LINEAR_EDGES = 8;

function node<T>(): Node<T> {
  return { names: [], values: [], next: [], byName: undefined, done: false, value: undefined };
}

function child<T>(at: Node<T>, name: string, value: string): Node<T> {
  if (at.byName === undefined) {
    const { names, values } = at;
    for (let i = 0; i < names.length; i++) if (names[i] === name && values[i] === value) return at.next[i];
    const created = node<T>();
    if (names.length < LINEAR_EDGES) {
      names.push(name);
      values.push(value);
      at.next.push(created);
      return created;
    }
    at.byName = new Map();
    for (let i = 0; i < names.length; i++) byValue(at.byName, names[i]).set(values[i], at.next[i]);
    byValue(at.byName, name).set(value, created);
    return created;
  }
  const values = byValue(at.byName, name);
  let next = values.get(value);
  if (next === undefined) values.set(value, (next = node()));
  return next;
}

function byValue<T>(byName: Map<string, Map<string, Node<T>>>, name: string): Map<string, Node<T>> {
  let values = byName.get(name);
  if (values === undefined) byName.set(name, (values = new Map()));
  return values;
}

/**
 * Memoises a value computed from a label set (its canonical key, a resolved stream) without building a
 * string per lookup: a trie of (name, value) edges walked in the labels' own property order, so a lookup
 * is a few string compares per label and allocates nothing once the set was seen. The same labels inserted in
 * another order take another path to an equal value. Past `maxSets` distinct paths the trie starts
 * over, so memory stays bounded however many label sets pass.
 */
export class LabelSetCache<T> {
  readonly #compute: (labels: Labels) => T;
  readonly #maxSets: number;
  #root: Node<T> = node();
  #sets = 0;

  constructor(compute: (labels: Labels) => T, maxSets = 4096) {
    if (!(maxSets >= 1)) throw new RangeError(`LabelSetCache maxSets must be at least 1, got ${maxSets}`);
    this.#compute = compute;
    this.#maxSets = maxSets;
  }

  /** Distinct label-set paths cached now. */
  get size(): number {
    return this.#sets;
  }

  get(labels: Labels): T {
    let at = this.#root;
    for (const name in labels) at = child(at, name, labels[name]);
    if (at.done) return at.value as T;
    if (this.#sets >= this.#maxSets) {
      this.#root = node();
      this.#sets = 0;
      return this.get(labels);
    }
    at.value = this.#compute(labels);
    at.done = true;
    this.#sets++;
    return at.value;
  }
}
