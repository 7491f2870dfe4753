/** A position in a RecencyList; the holder keeps it so that touch and remove are O(1). */
export interface RecencyNode<T> {
  readonly value: T;
  prev: RecencyNode<T> | undefined;
  next: RecencyNode<T> | undefined;
}

/** A doubly linked list in recency order (most recent first): add, touch, remove and oldest are O(1), no array splices. */
export class RecencyList<T> {
  #head: RecencyNode<T> | undefined;
  #tail: RecencyNode<T> | undefined;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Adds a value as the most recent and returns its node. */
  add(value: T): RecencyNode<T> {
    const node: RecencyNode<T> = { value, prev: undefined, next: undefined };
    this.#linkFront(node);
    this.#size++;
    return node;
  }

  /** Makes the node the most recent. */
  touch(node: RecencyNode<T>): void {
    if (this.#head === node) return;
    this.#unlink(node);
    this.#linkFront(node);
  }

  remove(node: RecencyNode<T>): void {
    this.#unlink(node);
    this.#size--;
  }

  /** The least recently used value, if any. */
  oldest(): T | undefined {
    return this.#tail?.value;
  }

  /** The most recent node; walk on with `next` (a plain walk: no iterator allocation on the hot path). */
  newest(): RecencyNode<T> | undefined {
    return this.#head;
  }

  #linkFront(node: RecencyNode<T>): void {
    node.prev = undefined;
    node.next = this.#head;
    if (this.#head !== undefined) this.#head.prev = node;
    this.#head = node;
    if (this.#tail === undefined) this.#tail = node;
  }

  #unlink(node: RecencyNode<T>): void {
    if (node.prev !== undefined) node.prev.next = node.next;
    else this.#head = node.next;
    if (node.next !== undefined) node.next.prev = node.prev;
    else this.#tail = node.prev;
    node.prev = undefined;
    node.next = undefined;
  }
}
