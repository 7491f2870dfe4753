import { WILDCARD, maskTokens } from './masking';
import { templateIdOf } from './template-id';

export interface TemplateMinerOptions {
  /** How many leading tokens route a line through the parse tree before the similarity search (default 2). */
  depth?: number;
  /** Share of a cluster's constant tokens a line must equal to join it, 0..1 (default 0.5). */
  similarityThreshold?: number;
  /** Children per tree node; further distinct tokens share the wildcard child (default 100). */
  maxChildren?: number;
  /** Clusters kept; the least recently used one is forgotten beyond this (default 10000). */
  maxClusters?: number;
}

export interface TemplateMatch {
  templateId: string;
  template: string;
  isNew: boolean;
  /** Lines the cluster has taken so far. */
  size: number;
}

/** A streaming Drain-style template miner with bounded memory. `templateId` is a hash of the template text, so it is
 * stable across restarts and replicas; when a cluster generalises, its id follows the new template text. */
export interface TemplateMiner {
  /** Learns from the line and returns the template it belongs to (possibly generalised by this line). */
  add(text: string): TemplateMatch;
  /** Returns the current template a line belongs to without learning; undefined when no cluster fits. */
  match(text: string): TemplateMatch | undefined;
  readonly clusterCount: number;
}

interface Cluster {
  tokens: string[];
  template: string;
  templateId: string;
  size: number;
  /** The tree leaf that holds this cluster, so eviction can unlink it and prune emptied branches. */
  readonly leaf: TreeNode;
}

interface TreeNode {
  readonly children: Map<string, TreeNode>;
  readonly clusters: Cluster[];
  readonly parent: TreeNode | undefined;
  /** This node's key in its parent: a token count at the first level, a leading token below. */
  readonly key: string;
}

interface ResolvedOptions {
  readonly depth: number;
  readonly similarityThreshold: number;
  readonly maxChildren: number;
  readonly maxClusters: number;
}

const hasDigit = /\d/;
const digit = /\d/g;
const letter = /[a-zA-Z]/g;
const allHex = /^[0-9a-fA-F]+$/;
// Distinct words seen at one position before it is treated as a variable: "start"/"end" stay two templates, user names merge.
const WORD_VARIETY = 3;

function resolveOptions(options: TemplateMinerOptions): ResolvedOptions {
  const resolved = {
    depth: options.depth ?? 2,
    similarityThreshold: options.similarityThreshold ?? 0.5,
    maxChildren: options.maxChildren ?? 100,
    maxClusters: options.maxClusters ?? 10_000,
  };
  if (!Number.isInteger(resolved.depth) || resolved.depth < 1) throw new RangeError(`templates.depth must be an integer >= 1, got ${resolved.depth}`);
  if (!(resolved.similarityThreshold >= 0 && resolved.similarityThreshold <= 1)) {
    throw new RangeError(`templates.similarityThreshold must be within 0..1, got ${resolved.similarityThreshold}`);
  }
  if (!Number.isInteger(resolved.maxChildren) || resolved.maxChildren < 2) {
    throw new RangeError(`templates.maxChildren must be an integer >= 2, got ${resolved.maxChildren}`);
  }
  if (!Number.isInteger(resolved.maxClusters) || resolved.maxClusters < 1) {
    throw new RangeError(`templates.maxClusters must be an integer >= 1, got ${resolved.maxClusters}`);
  }
  return Object.freeze(resolved);
}

function newNode(parent: TreeNode | undefined, key: string): TreeNode {
  return { children: new Map(), clusters: [], parent, key };
}

// Tokens that carry digits or a masked part are likely variables, so they route to the wildcard branch instead of splitting the tree.
function routingKey(token: string): string {
  return hasDigit.test(token) || token.includes(WILDCARD) ? WILDCARD : token;
}

/** Share of the template's constant tokens that the line repeats; wildcards fit anything and do not count. */
function similarity(template: readonly string[], tokens: readonly string[]): number {
  let constants = 0;
  let equal = 0;
  for (let i = 0; i < template.length; i++) {
    if (template[i] === WILDCARD) continue;
    constants++;
    if (template[i] === tokens[i]) equal++;
  }
  return constants === 0 ? 1 : equal / constants;
}

function constantCount(template: readonly string[]): number {
  let constants = 0;
  for (const token of template) if (token !== WILDCARD) constants++;
  return constants;
}

/** A word (more letters than digits, not hex, no wildcard) is constant text until its position shows WORD_VARIETY
 * distinct values: "SOCKS5" and "ssh2" are words, "t761" and "9f4ef63" are not. */
function isWord(token: string): boolean {
  if (token.includes(WILDCARD)) return false;
  const digits = countMatches(token, digit);
  if (digits === 0) return true;
  return !allHex.test(token) && digits < countMatches(token, letter);
}

function countMatches(token: string, pattern: RegExp): number {
  return token.match(pattern)?.length ?? 0;
}

/** True when the line differs from the template's constant tokens at a position where both hold words. */
function differsInWords(template: readonly string[], tokens: readonly string[]): boolean {
  for (let i = 0; i < template.length; i++) {
    const constant = template[i] as string;
    if (constant !== WILDCARD && constant !== tokens[i] && isWord(constant) && isWord(tokens[i] as string)) return true;
  }
  return false;
}

/** True when every constant token of the template is repeated by the other token list. */
function fits(template: readonly string[], tokens: readonly string[]): boolean {
  for (let i = 0; i < template.length; i++) if (template[i] !== WILDCARD && template[i] !== tokens[i]) return false;
  return true;
}

class DrainTemplateMiner implements TemplateMiner {
  readonly #options: ResolvedOptions;
  readonly #root = newNode(undefined, '');
  // Insertion order is recency order: a touched cluster is re-inserted at the end; the first one is evicted.
  readonly #recency = new Map<Cluster, true>();

  constructor(options: TemplateMinerOptions) {
    this.#options = resolveOptions(options);
  }

  get clusterCount(): number {
    return this.#recency.size;
  }

  add(text: string): TemplateMatch {
    const tokens = maskTokens(text);
    const leaf = this.#leafFor(tokens, true) as TreeNode;
    const cluster = this.#bestCluster(leaf.clusters, tokens);
    if (cluster === undefined) return this.#create(leaf, tokens);
    if (differsInWords(cluster.tokens, tokens) && !this.#absorbSiblings(cluster, leaf, tokens)) return this.#create(leaf, tokens);
    this.#generalise(cluster, tokens);
    cluster.size++;
    this.#touch(cluster);
    return { templateId: cluster.templateId, template: cluster.template, isNew: false, size: cluster.size };
  }

  match(text: string): TemplateMatch | undefined {
    const tokens = maskTokens(text);
    const leaf = this.#leafFor(tokens, false);
    if (leaf === undefined) return undefined;
    const cluster = this.#bestCluster(leaf.clusters, tokens);
    if (cluster === undefined || differsInWords(cluster.tokens, tokens)) return undefined;
    this.#touch(cluster);
    return { templateId: cluster.templateId, template: cluster.template, isNew: false, size: cluster.size };
  }

  #leafFor(tokens: readonly string[], create: boolean): TreeNode | undefined {
    let node = this.#child(this.#root, String(tokens.length), create);
    const depth = Math.min(this.#options.depth, tokens.length);
    for (let i = 0; i < depth && node !== undefined; i++) node = this.#child(node, routingKey(tokens[i] as string), create);
    return node;
  }

  /** The child for a key; when creating and the node is full, new keys share the wildcard child. */
  #child(node: TreeNode, key: string, create: boolean): TreeNode | undefined {
    const existing = node.children.get(key) ?? (create ? undefined : node.children.get(WILDCARD));
    if (existing !== undefined || !create) return existing;
    const childKey = node !== this.#root && key !== WILDCARD && node.children.size >= this.#options.maxChildren - 1 ? WILDCARD : key;
    let child = node.children.get(childKey);
    if (child === undefined) {
      child = newNode(node, childKey);
      node.children.set(childKey, child);
    }
    return child;
  }

  #bestCluster(leaf: readonly Cluster[], tokens: readonly string[]): Cluster | undefined {
    let best: Cluster | undefined;
    let bestScore = -1;
    let bestConstants = -1;
    for (const cluster of leaf) {
      const score = similarity(cluster.tokens, tokens);
      const constants = constantCount(cluster.tokens);
      // On equal similarity the more specific template wins, so a catch-all cluster does not swallow a closer one.
      if (score > bestScore || (score === bestScore && constants > bestConstants)) {
        best = cluster;
        bestScore = score;
        bestConstants = constants;
      }
    }
    return bestScore >= this.#options.similarityThreshold ? best : undefined;
  }

  /** Folds into `cluster` every sibling its generalisation by `tokens` covers, when the differing word positions show
   * enough distinct values to be variables; returns false (and changes nothing) otherwise. */
  #absorbSiblings(cluster: Cluster, leaf: TreeNode, tokens: readonly string[]): boolean {
    const generalised = cluster.tokens.map((token, i) => (token === tokens[i] ? token : WILDCARD));
    const covered = leaf.clusters.filter((sibling) => fits(generalised, sibling.tokens));
    for (let i = 0; i < generalised.length; i++) {
      if (generalised[i] !== WILDCARD || !isWord(cluster.tokens[i] as string) || !isWord(tokens[i] as string)) continue;
      const values = new Set<string>([tokens[i] as string]);
      for (const sibling of covered) values.add(sibling.tokens[i] as string);
      if (!values.has(WILDCARD) && values.size < WORD_VARIETY) return false;
    }
    for (const sibling of covered) {
      if (sibling === cluster) continue;
      cluster.size += sibling.size;
      this.#forget(sibling);
    }
    return true;
  }

  #create(leaf: TreeNode, tokens: string[]): TemplateMatch {
    const template = tokens.join(' ');
    const cluster: Cluster = { tokens, template, templateId: templateIdOf(template), size: 1, leaf };
    leaf.clusters.push(cluster);
    this.#recency.set(cluster, true);
    if (this.#recency.size > this.#options.maxClusters) this.#evictOldest();
    return { templateId: cluster.templateId, template, isNew: true, size: 1 };
  }

  #generalise(cluster: Cluster, tokens: readonly string[]): void {
    let changed = false;
    for (let i = 0; i < cluster.tokens.length; i++) {
      if (cluster.tokens[i] !== WILDCARD && cluster.tokens[i] !== tokens[i]) {
        cluster.tokens[i] = WILDCARD;
        changed = true;
      }
    }
    if (!changed) return;
    cluster.template = cluster.tokens.join(' ');
    cluster.templateId = templateIdOf(cluster.template);
  }

  #touch(cluster: Cluster): void {
    this.#recency.delete(cluster);
    this.#recency.set(cluster, true);
  }

  #evictOldest(): void {
    this.#forget(this.#recency.keys().next().value as Cluster);
  }

  #forget(cluster: Cluster): void {
    this.#recency.delete(cluster);
    const clusters = cluster.leaf.clusters;
    clusters.splice(clusters.indexOf(cluster), 1);
    // Emptied branches go too, so the tree never outgrows the clusters it holds.
    let node = cluster.leaf;
    while (node.parent !== undefined && node.clusters.length === 0 && node.children.size === 0) {
      node.parent.children.delete(node.key);
      node = node.parent;
    }
  }
}

/** Creates a streaming template miner; see TemplateMinerOptions for the defaults. */
export function createTemplateMiner(options: TemplateMinerOptions = {}): TemplateMiner {
  return new DrainTemplateMiner(options);
}
