import type { Labels } from '../entry';

interface Node<T> {
  /** Label name -> label value -> the node for the labels walked so far. */
  readonly children: Map<string, Map<string, Node<T>>>;
  /** Set once `compute` ran for the label set ending at this node. */
  done: boolean;
  value: T | undefined;
}

function node<T>(): Node<T> {
  return { children: new Map(), done: false, value: undefined };
}

/**
 * Memoises a value computed from a label set (its canonical key, a resolved stream) without building a
 * string per lookup: a trie of name -> value walked in the labels' own property order, so a lookup is
 * two Map reads per label and allocates nothing once the set was seen. The same labels inserted in
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
    for (const name in labels) {
      const value = labels[name]!;
      let byValue = at.children.get(name);
      if (byValue === undefined) at.children.set(name, (byValue = new Map()));
      let next = byValue.get(value);
      if (next === undefined) byValue.set(value, (next = node()));
      at = next;
    }
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
