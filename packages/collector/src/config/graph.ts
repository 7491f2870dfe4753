import type { PathIssue } from './issues';

export interface GraphNode {
  /** `sources.x`, `pipelines.x` or `sinks.x`. */
  id: string;
  /** Each target with the key path where it is written. */
  targets: { target: string; path: PropertyKey[] }[];
}

export interface GraphCheck {
  issues: PathIssue[];
  /** Pipeline ids, each after every pipeline it forwards to. */
  pipelineOrder: string[];
}

/** Every target exists, and pipelines forwarding to pipelines form no cycle. */
export function checkGraph(nodes: readonly GraphNode[], known: ReadonlySet<string>): GraphCheck {
  const issues: PathIssue[] = [];
  for (const node of nodes) {
    for (const t of node.targets) {
      if (!known.has(t.target)) issues.push({ path: t.path, message: `target ${t.target} does not exist` });
    }
  }
  const pipelines = new Map(nodes.filter((n) => n.id.startsWith('pipelines.')).map((n) => [n.id, n]));
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    const s = state.get(id);
    if (s === 'done') return;
    const node = pipelines.get(id);
    if (!node) return;
    if (s === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      issues.push({ path: node.targets.find((t) => t.target === cycle[1])?.path ?? [], message: `cycle: ${cycle.join(' -> ')}` });
      return;
    }
    state.set(id, 'visiting');
    for (const t of node.targets) visit(t.target, [...trail, id]);
    state.set(id, 'done');
    order.push(id.slice('pipelines.'.length));
  };
  for (const id of pipelines.keys()) visit(id, []);
  return { issues, pipelineOrder: order };
}

/** A listen address some component claims, with where it is configured. */
export interface ListenClaim {
  address: string;
  port: number;
  path: PropertyKey[];
}

/**
 * Finds the addresses components listen on: `listen_address` + `listen_port` pairs and `endpoint: host:port`
 * keys anywhere in a source's config (OTLP receivers nest them under `http`/`grpc`).
 */
export function findListenClaims(config: unknown, path: PropertyKey[]): ListenClaim[] {
  if (config === null || typeof config !== 'object') return [];
  const claims: ListenClaim[] = [];
  const obj = config as Record<string, unknown>;
  if (typeof obj.listen_port === 'number') {
    claims.push({ address: typeof obj.listen_address === 'string' ? obj.listen_address : '0.0.0.0', port: obj.listen_port, path: [...path, 'listen_port'] });
  }
  if (typeof obj.endpoint === 'string') {
    const m = /^(.*):(\d+)$/.exec(obj.endpoint);
    if (m && !/^[a-z]+:\/\//.test(obj.endpoint)) claims.push({ address: m[1] || '0.0.0.0', port: Number(m[2]), path: [...path, 'endpoint'] });
  }
  for (const [key, value] of Object.entries(obj)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) claims.push(...findListenClaims(value, [...path, key]));
  }
  return claims;
}

/** No two components listen on one port of overlapping addresses (0.0.0.0 overlaps every address). */
export function checkListenClaims(claims: readonly ListenClaim[]): PathIssue[] {
  const issues: PathIssue[] = [];
  const wildcard = (a: string): boolean => a === '0.0.0.0' || a === '::' || a === '';
  claims.forEach((c, i) => {
    if (c.port === 0) return;
    const earlier = claims.slice(0, i).find((o) => o.port === c.port && (o.address === c.address || wildcard(o.address) || wildcard(c.address)));
    if (earlier) {
      issues.push({ path: c.path, message: `${c.address}:${c.port} is already claimed by ${earlier.path.slice(0, 2).join('.')}` });
    }
  });
  return issues;
}
