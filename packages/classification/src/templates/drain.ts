import { WILDCARD, maskTokens } from './masking';
import { RecencyList, type RecencyNode } from './recency-list';
import { templateIdOf } from './template-id';
import { differOnlyInValue, isWord } from './token-kind';

export interface TemplateMinerOptions {
  /** How many leading tokens route a line through the parse tree before the similarity search (default 2). */
  depth?: number;
  /** Share of a cluster's constant tokens a line must equal to join it, 0..1 (default 0.5). */
  similarityThreshold?: number;
  /** Children per tree node; further distinct tokens share the wildcard child (default 100). */
  maxChildren?: number;
  /** Clusters kept; the least recently used one is forgotten beyond this (default 10000). */
  maxClusters?: number;
  /** Clusters of one leaf compared with a line that fits none exactly, most recently used first (default 16). */
  maxCandidates?: number;
}

export interface TemplateMatch {
  /** The cluster's id: the id of the template its first line made, kept while the cluster lives, also when it generalises. */
  templateId: string;
  template: string;
  /** What an answer about this template is keyed by: `templateId` until the cluster generalises over a word (a
   * position that carries meaning), then `templateId~positions`, so an answer given for the narrower template is
   * never reused for the wider one. */
  answerKey: string;
  isNew: boolean;
  /** Lines the cluster has taken so far. */
  size: number;
}

/** A streaming Drain-style template miner with bounded memory and bounded work per line. */
export interface TemplateMiner {
  /** Learns from the line and returns the template it belongs to (possibly generalised by this line). */
  add(text: string): TemplateMatch;
  /** add() for a line already split by maskTokens(), which is stateless and can run elsewhere (the sorter's worker threads). */
  addMasked(tokens: string[]): TemplateMatch;
  /** Returns the current template a line belongs to without learning; undefined when no cluster fits. */
  match(text: string): TemplateMatch | undefined;
  /** The id that stands for `templateId` now: the surviving cluster's id when it was merged away, else itself. */
  resolve(templateId: string): string;
  readonly clusterCount: number;
}

interface Cluster {
  readonly id: string;
  tokens: string[];
  template: string;
  answerKey: string;
  /** Positions generalised over words, ascending. */
  wordPositions: number[];
  /** The narrower templates this one grew from (before it generalised over a word, or merged), with their answer keys. */
  narrower: Narrower[];
  constants: number;
  size: number;
  readonly leaf: Leaf;
  /** Where the cluster sits in the exact-fit index of its leaf. */
  shapeKey: string;
  fitKey: string;
  recency: RecencyNode<Cluster>;
  leafRecency: RecencyNode<Cluster>;
}

/** A template a cluster was before it generalised over a word: a line that still fits it keeps that template's answer. */
interface Narrower {
  readonly tokens: readonly string[];
  readonly answerKey: string;
}

/** The wildcard positions shared by some templates of a leaf, and those templates by their constant tokens. */
interface Shape {
  readonly wild: readonly boolean[];
  readonly byConstants: Map<string, Cluster>;
  recency: RecencyNode<Shape>;
}

// Parts are made when first needed: a stream of one-off lines makes and forgets many nodes, and less garbage means a lower peak RSS.
interface TreeNode {
  children: Map<string, TreeNode> | undefined;
  readonly parent: TreeNode | undefined;
  /** This node's key in its parent: a token count at the first level, a leading token below. */
  readonly key: string;
  leaf: Leaf | undefined;
}

interface Leaf {
  readonly node: TreeNode;
  /** Templates ending here, most recently used first. */
  readonly clusters: RecencyList<Cluster>;
  /** Exact-fit index of the generalised templates: a line that repeats every constant of one finds it without a scan. */
  shapes: Shapes | undefined;
}

interface Shapes {
  readonly byKey: Map<string, Shape>;
  /** The same shapes, most recently fitted first: the order they are tried in. */
  readonly recency: RecencyList<Shape>;
}

interface ResolvedOptions {
  readonly depth: number;
  readonly similarityThreshold: number;
  readonly maxChildren: number;
  readonly maxClusters: number;
  readonly maxCandidates: number;
}

const hasDigit = /\d/;
// Distinct words seen at one position before it is treated as a variable: "start"/"end" stay two templates, user names merge.
const WORD_VARIETY = 3;
// Shapes of one leaf tried for an exact fit, most recently used first; beyond them the similarity scan still finds a fit.
const MAX_SHAPES = 8;
// Narrower templates remembered per cluster: the first few words a position showed keep their own answers.
const MAX_NARROWER = 8;
// Steps followed through recorded merges: a chain is never longer than this in practice.
const MAX_RESOLVE_STEPS = 16;
const keySeparator = '\u0000';

function resolveOptions(options: TemplateMinerOptions): ResolvedOptions {
  const resolved = {
    depth: options.depth ?? 2,
    similarityThreshold: options.similarityThreshold ?? 0.5,
    maxChildren: options.maxChildren ?? 100,
    maxClusters: options.maxClusters ?? 10_000,
    maxCandidates: options.maxCandidates ?? 16,
  };
  if (!Number.isInteger(resolved.depth) || resolved.depth < 1)
    throw new RangeError(`templates.depth must be an integer >= 1, got ${resolved.depth}`);
  if (!(resolved.similarityThreshold >= 0 && resolved.similarityThreshold <= 1)) {
    throw new RangeError(`templates.similarityThreshold must be within 0..1, got ${resolved.similarityThreshold}`);
  }
  if (!Number.isInteger(resolved.maxChildren) || resolved.maxChildren < 2) {
    throw new RangeError(`templates.maxChildren must be an integer >= 2, got ${resolved.maxChildren}`);
  }
  if (!Number.isInteger(resolved.maxClusters) || resolved.maxClusters < 1) {
    throw new RangeError(`templates.maxClusters must be an integer >= 1, got ${resolved.maxClusters}`);
  }
  if (!Number.isInteger(resolved.maxCandidates) || resolved.maxCandidates < 1) {
    throw new RangeError(`templates.maxCandidates must be an integer >= 1, got ${resolved.maxCandidates}`);
  }
  return Object.freeze(resolved);
}

function newNode(parent: TreeNode | undefined, key: string): TreeNode {
  return { children: undefined, parent, key, leaf: undefined };
}

// Tokens that carry digits or a masked part are likely variables, so they route to the wildcard branch instead of splitting the tree.
function routingKey(token: string): string {
  return hasDigit.test(token) || token.includes(WILDCARD) ? WILDCARD : token;
}

/** Share of the template's constant tokens that the line repeats (wildcards fit anything and do not count), or -1 as soon
 * as it cannot reach `floor`: most clusters of a crowded leaf differ early, so they cost a few comparisons. */
function similarity(cluster: Cluster, tokens: readonly string[], floor: number): number {
  if (cluster.constants === 0) return 1;
  const template = cluster.tokens;
  const allowedMisses = cluster.constants * (1 - floor);
  let misses = 0;
  for (let i = 0; i < template.length; i++) {
    const constant = template[i];
    if (constant !== WILDCARD && constant !== tokens[i] && ++misses > allowedMisses) return -1;
  }
  return 1 - misses / cluster.constants;
}

function constantCount(template: readonly string[]): number {
  let constants = 0;
  for (const token of template) if (token !== WILDCARD) constants++;
  return constants;
}

function shapeKeyOf(template: readonly string[]): string {
  let key = '';
  for (let i = 0; i < template.length; i++) if (template[i] === WILDCARD) key += `${i},`;
  return key;
}

/** The line's tokens at the shape's constant positions: equal to a template's key exactly when the line fits it. */
function constantsKey(wild: readonly boolean[], tokens: readonly string[]): string {
  let key = '';
  for (let i = 0; i < tokens.length; i++) if (!wild[i]) key += tokens[i] + keySeparator;
  return key;
}

/** True when the line differs from the template's constant tokens at a position where both hold words that differ in
 * more than a value. */
function differsInWords(template: readonly string[], tokens: readonly string[]): boolean {
  for (let i = 0; i < template.length; i++) {
    const constant = template[i];
    const token = tokens[i];
    if (
      constant !== WILDCARD &&
      constant !== token &&
      isWord(constant) &&
      isWord(token) &&
      !differOnlyInValue(constant, token)
    )
      return true;
  }
  return false;
}

/** True when every constant token of the template is repeated by the other token list. */
function fits(template: readonly string[], tokens: readonly string[]): boolean {
  for (let i = 0; i < template.length; i++) if (template[i] !== WILDCARD && template[i] !== tokens[i]) return false;
  return true;
}

// A node needs its value and the value holds its node: this placeholder is replaced by list.add() right after.
function unlinked<T>(): RecencyNode<T> {
  return undefined as unknown as RecencyNode<T>;
}

/** True when the line, which fits the cluster, has the narrower template's words at every position the cluster
 * generalised over words (its other positions are values, which do not change an answer). */
function repeatsWords(
  wordPositions: readonly number[],
  narrower: readonly string[],
  tokens: readonly string[],
): boolean {
  for (const position of wordPositions)
    if (narrower[position] !== WILDCARD && narrower[position] !== tokens[position]) return false;
  return true;
}

function answerKeyOf(id: string, wordPositions: readonly number[]): string {
  return wordPositions.length === 0 ? id : `${id}~${wordPositions.join('.')}`;
}

/** The answer key for a line of the cluster: a narrower template's when the line fits one, so an answer serves only the
 * lines of the template it was given for; the cluster's own otherwise. */
function matchOf(cluster: Cluster, tokens: readonly string[], isNew: boolean): TemplateMatch {
  let answerKey = cluster.answerKey;
  for (const narrower of cluster.narrower) {
    if (repeatsWords(cluster.wordPositions, narrower.tokens, tokens)) {
      answerKey = narrower.answerKey;
      break;
    }
  }
  return { templateId: cluster.id, template: cluster.template, answerKey, isNew, size: cluster.size };
}

class DrainTemplateMiner implements TemplateMiner {
  readonly #options: ResolvedOptions;
  readonly #root = newNode(undefined, '');
  readonly #recency = new RecencyList<Cluster>();
  readonly #byId = new Map<string, Cluster>();
  /** Every cluster by its current template text: a line that equals a template finds it with one lookup. */
  readonly #byTemplate = new Map<string, Cluster>();
  /** Merged-away id -> the id that absorbed it; insertion order bounds it like the clusters. */
  readonly #merged = new Map<string, string>();

  constructor(options: TemplateMinerOptions) {
    this.#options = resolveOptions(options);
  }

  get clusterCount(): number {
    return this.#recency.size;
  }

  add(text: string): TemplateMatch {
    return this.addMasked(maskTokens(text));
  }

  addMasked(tokens: string[]): TemplateMatch {
    const masked = tokens.join(' ');
    const same = this.#byTemplate.get(masked);
    if (same !== undefined) return this.#joined(same, tokens);
    const node = this.#nodeFor(tokens, true) as TreeNode;
    const leaf = (node.leaf ??= { node, clusters: new RecencyList(), shapes: undefined });
    const fit = this.#exactFit(leaf, tokens);
    if (fit !== undefined) return this.#joined(fit, tokens);
    const best = this.#bestCandidate(leaf, tokens);
    if (best === undefined) return this.#create(leaf, tokens, masked);
    let cluster: Cluster | undefined = best;
    if (differsInWords(best.tokens, tokens)) {
      cluster = this.#absorbSiblings(best, leaf, tokens);
      if (cluster === undefined) return this.#create(leaf, tokens, masked);
    } else {
      cluster = this.#retemplate(
        cluster,
        cluster.tokens.map((token, i) => (token === tokens[i] ? token : WILDCARD)),
        tokens,
      );
    }
    return this.#joined(cluster, tokens);
  }

  match(text: string): TemplateMatch | undefined {
    const tokens = maskTokens(text);
    const leaf = this.#nodeFor(tokens, false)?.leaf;
    if (leaf === undefined) return undefined;
    const cluster =
      this.#byTemplate.get(tokens.join(' ')) ?? this.#exactFit(leaf, tokens) ?? this.#bestCandidate(leaf, tokens);
    if (cluster === undefined || differsInWords(cluster.tokens, tokens)) return undefined;
    this.#touch(cluster);
    return matchOf(cluster, tokens, false);
  }

  resolve(templateId: string): string {
    let id = templateId;
    for (let step = 0; step < MAX_RESOLVE_STEPS; step++) {
      const next = this.#merged.get(id);
      if (next === undefined) break;
      id = next;
    }
    return id;
  }

  #joined(cluster: Cluster, tokens: readonly string[]): TemplateMatch {
    cluster.size++;
    this.#touch(cluster);
    return matchOf(cluster, tokens, false);
  }

  #nodeFor(tokens: readonly string[], create: boolean): TreeNode | undefined {
    let node = this.#child(this.#root, String(tokens.length), create);
    const depth = Math.min(this.#options.depth, tokens.length);
    for (let i = 0; i < depth && node !== undefined; i++) node = this.#child(node, routingKey(tokens[i]), create);
    return node;
  }

  /** The child for a key; when creating and the node is full, new keys share the wildcard child. */
  #child(node: TreeNode, key: string, create: boolean): TreeNode | undefined {
    const children = node.children;
    const existing = children?.get(key) ?? (create ? undefined : children?.get(WILDCARD));
    if (existing !== undefined || !create) return existing;
    const size = children?.size ?? 0;
    const childKey = node !== this.#root && key !== WILDCARD && size >= this.#options.maxChildren - 1 ? WILDCARD : key;
    let child = children?.get(childKey);
    if (child === undefined) {
      child = newNode(node, childKey);
      (node.children ??= new Map()).set(childKey, child);
    }
    return child;
  }

  /** The most specific template whose every constant the line repeats, looked up per shape instead of scanned. */
  #exactFit(leaf: Leaf, tokens: readonly string[]): Cluster | undefined {
    const shapes = leaf.shapes;
    if (shapes === undefined) return undefined;
    let best: Cluster | undefined;
    let tried = 0;
    for (let entry = shapes.recency.newest(); entry !== undefined && tried < MAX_SHAPES; entry = entry.next, tried++) {
      const cluster = entry.value.byConstants.get(constantsKey(entry.value.wild, tokens));
      if (cluster !== undefined && (best === undefined || cluster.constants > best.constants)) best = cluster;
    }
    // The shape that fitted moves to the front, so a leaf's common shapes are tried first.
    if (best !== undefined) shapes.recency.touch((shapes.byKey.get(best.shapeKey) as Shape).recency);
    return best;
  }

  /** The most similar of the leaf's most recently used templates, if similar enough; ties go to the more specific. */
  #bestCandidate(leaf: Leaf, tokens: readonly string[]): Cluster | undefined {
    let best: Cluster | undefined;
    let bestScore = this.#options.similarityThreshold;
    let scanned = 0;
    for (
      let entry = leaf.clusters.newest();
      entry !== undefined && scanned < this.#options.maxCandidates;
      entry = entry.next, scanned++
    ) {
      const cluster = entry.value;
      const score = similarity(cluster, tokens, bestScore);
      if (score < 0) continue;
      if (best === undefined || score > bestScore || (score === bestScore && cluster.constants > best.constants)) {
        best = cluster;
        bestScore = score;
      }
    }
    return best;
  }

  /** Folds into one cluster every recent sibling that the generalisation of `cluster` by `tokens` covers, when the
   * differing word positions show enough distinct values to be variables; returns undefined (and changes nothing) otherwise.
   * The largest of them survives, so the fewest lines have been served an id that is now merged away. */
  #absorbSiblings(cluster: Cluster, leaf: Leaf, tokens: readonly string[]): Cluster | undefined {
    const generalised = cluster.tokens.map((token, i) => (token === tokens[i] ? token : WILDCARD));
    const covered: Cluster[] = [];
    let scanned = 0;
    for (
      let entry = leaf.clusters.newest();
      entry !== undefined && scanned < this.#options.maxCandidates;
      entry = entry.next, scanned++
    ) {
      if (fits(generalised, entry.value.tokens)) covered.push(entry.value);
    }
    const meaning: number[] = [];
    for (let i = 0; i < generalised.length; i++) {
      const constant = cluster.tokens[i];
      const token = tokens[i];
      if (generalised[i] !== WILDCARD || !isWord(constant) || !isWord(token) || differOnlyInValue(constant, token))
        continue;
      const values = new Set<string>([token]);
      for (const sibling of covered) values.add(sibling.tokens[i]);
      if (!values.has(WILDCARD) && values.size < WORD_VARIETY) return undefined;
      meaning.push(i);
    }
    let survivor = cluster;
    for (const sibling of covered) if (sibling.size > survivor.size) survivor = sibling;
    for (const sibling of covered) if (sibling !== survivor) this.#mergeInto(sibling, survivor);
    return this.#retemplate(survivor, generalised, tokens, meaning);
  }

  #create(leaf: Leaf, tokens: string[], template: string): TemplateMatch {
    const id = templateIdOf(template);
    // The same first template text gives the same id: a live cluster with it is the line's template, found by id.
    const existing = this.#byId.get(id);
    if (existing !== undefined) return this.#joined(existing, tokens);
    const cluster: Cluster = {
      id,
      tokens,
      template,
      answerKey: id,
      wordPositions: [],
      narrower: [],
      constants: constantCount(tokens),
      size: 1,
      leaf,
      shapeKey: '',
      fitKey: '',
      recency: unlinked<Cluster>(),
      leafRecency: unlinked<Cluster>(),
    };
    cluster.recency = this.#recency.add(cluster);
    cluster.leafRecency = leaf.clusters.add(cluster);
    this.#byId.set(id, cluster);
    this.#byTemplate.set(template, cluster);
    this.#merged.delete(id);
    if (this.#recency.size > this.#options.maxClusters) this.#forget(this.#recency.oldest() as Cluster);
    return matchOf(cluster, tokens, true);
  }

  /** Gives the cluster a wider template; positions that held a word, where the line that widens it has a word that
   * differs in more than a value (or that `meaning` names), change its answer key. When another cluster of the leaf already has that exact
   * template, the two merge and the larger survives. */
  #retemplate(cluster: Cluster, tokens: string[], line: readonly string[], meaning: readonly number[] = []): Cluster {
    let changed = false;
    let wordsChanged = false;
    for (let i = 0; i < tokens.length; i++) {
      const before = cluster.tokens[i];
      if (tokens[i] !== WILDCARD || before === WILDCARD) continue;
      changed = true;
      if (isWord(before) && !differOnlyInValue(before, line[i]) && !cluster.wordPositions.includes(i)) {
        cluster.wordPositions.push(i);
        wordsChanged = true;
      }
    }
    // Merged siblings held other words where this cluster may hold the line's: those positions carry meaning too.
    for (const i of meaning) {
      if (cluster.wordPositions.includes(i)) continue;
      cluster.wordPositions.push(i);
      wordsChanged = true;
    }
    if (!changed) return cluster;
    if (wordsChanged) remember(cluster, { tokens: cluster.tokens, answerKey: cluster.answerKey });
    this.#unindex(cluster);
    cluster.tokens = tokens;
    cluster.template = tokens.join(' ');
    cluster.constants = constantCount(tokens);
    if (wordsChanged) {
      cluster.wordPositions.sort((a, b) => a - b);
      cluster.answerKey = answerKeyOf(cluster.id, cluster.wordPositions);
    }
    const twin = this.#byTemplate.get(cluster.template);
    if (twin === undefined) {
      this.#index(cluster);
      return cluster;
    }
    if (twin.size >= cluster.size) {
      this.#mergeInto(cluster, twin);
      return twin;
    }
    this.#mergeInto(twin, cluster);
    this.#index(cluster);
    return cluster;
  }

  /** Files a generalised cluster under its template text and its shape; one that never generalised is only found by text. */
  #index(cluster: Cluster): void {
    this.#byTemplate.set(cluster.template, cluster);
    const shapeKey = shapeKeyOf(cluster.tokens);
    const shapes = (cluster.leaf.shapes ??= { byKey: new Map(), recency: new RecencyList() });
    let shape = shapes.byKey.get(shapeKey);
    if (shape === undefined) {
      shape = { wild: cluster.tokens.map((t) => t === WILDCARD), byConstants: new Map(), recency: unlinked<Shape>() };
      shape.recency = shapes.recency.add(shape);
      shapes.byKey.set(shapeKey, shape);
    }
    cluster.shapeKey = shapeKey;
    cluster.fitKey = constantsKey(shape.wild, cluster.tokens);
    shape.byConstants.set(cluster.fitKey, cluster);
  }

  #unindex(cluster: Cluster): void {
    if (this.#byTemplate.get(cluster.template) === cluster) this.#byTemplate.delete(cluster.template);
    const shapes = cluster.leaf.shapes;
    const shape = shapes?.byKey.get(cluster.shapeKey);
    if (shapes === undefined || shape === undefined || shape.byConstants.get(cluster.fitKey) !== cluster) return;
    shape.byConstants.delete(cluster.fitKey);
    if (shape.byConstants.size > 0) return;
    shapes.byKey.delete(cluster.shapeKey);
    shapes.recency.remove(shape.recency);
  }

  /** Forgets `from` and records that its id now stands for `into`'s lines. */
  #mergeInto(from: Cluster, into: Cluster): void {
    into.size += from.size;
    remember(into, { tokens: from.tokens, answerKey: from.answerKey });
    for (const narrower of from.narrower) remember(into, narrower);
    this.#forget(from);
    this.#merged.set(from.id, into.id);
    if (this.#merged.size > this.#options.maxClusters) this.#merged.delete(this.#merged.keys().next().value as string);
  }

  #touch(cluster: Cluster): void {
    this.#recency.touch(cluster.recency);
    cluster.leaf.clusters.touch(cluster.leafRecency);
  }

  #forget(cluster: Cluster): void {
    this.#recency.remove(cluster.recency);
    cluster.leaf.clusters.remove(cluster.leafRecency);
    this.#unindex(cluster);
    if (this.#byId.get(cluster.id) === cluster) this.#byId.delete(cluster.id);
    // Emptied branches go too, so the tree never outgrows the clusters it holds.
    let node = cluster.leaf.node;
    if (cluster.leaf.clusters.size === 0) node.leaf = undefined;
    while (
      node.parent !== undefined &&
      node.leaf === undefined &&
      (node.children === undefined || node.children.size === 0)
    ) {
      node.parent.children?.delete(node.key);
      node = node.parent;
    }
  }
}

function remember(cluster: Cluster, narrower: Narrower): void {
  if (cluster.narrower.length < MAX_NARROWER) cluster.narrower.push(narrower);
}

/** Creates a streaming template miner; see TemplateMinerOptions for the defaults. */
export function createTemplateMiner(options: TemplateMinerOptions = {}): TemplateMiner {
  return new DrainTemplateMiner(options);
}
