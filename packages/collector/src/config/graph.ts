import type { Signal } from '../protocols/otlp/types';
import type { PathIssue } from '../schema/issues';

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
      issues.push({
        path: node.targets.find((t) => t.target === cycle[1])?.path ?? [],
        message: `cycle: ${cycle.join(' -> ')}`,
      });
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

/** A built sink's id (`sinks.x`), type and what it takes (its definition's `takes`; omitted means logs only). */
export interface SinkSignals {
  id: string;
  type: string;
  takes?: readonly Signal[];
}

/** Every sink target takes what is sent to it, so a log pipeline into a metrics-only sink fails at load, not at runtime. */
export function checkSignals(nodes: readonly GraphNode[], sinks: readonly SinkSignals[]): PathIssue[] {
  const byId = new Map(sinks.map((s) => [s.id, s]));
  const issues: PathIssue[] = [];
  for (const node of nodes) {
    for (const t of node.targets) {
      const sink = byId.get(t.target);
      if (sink === undefined) continue;
      const signal = signalOf(t.path);
      const takes = sink.takes ?? ['logs'];
      if (!takes.includes(signal)) {
        issues.push({
          path: t.path,
          message: `${t.target} is a ${sink.type} sink: it takes ${takes.map(describeSignal).join(' and ')}, not ${describeSignal(signal)}`,
        });
      }
    }
  }
  return issues;
}

/** The signal a target carries, by the key it is listed under: `traces_forward_to`, `metrics_forward_to`, else log entries. */
function signalOf(path: readonly PropertyKey[]): Signal {
  const key = [...path].reverse().find((k) => typeof k === 'string');
  if (key === 'traces_forward_to') return 'traces';
  if (key === 'metrics_forward_to') return 'metrics';
  return 'logs';
}

function describeSignal(signal: Signal): string {
  return signal === 'logs' ? 'log entries' : signal;
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
    claims.push({
      address: typeof obj.listen_address === 'string' ? obj.listen_address : '0.0.0.0',
      port: obj.listen_port,
      path: [...path, 'listen_port'],
    });
  }
  if (typeof obj.endpoint === 'string') {
    const m = /^(.*):(\d+)$/.exec(obj.endpoint);
    if (m && !/^[a-z]+:\/\//.test(obj.endpoint))
      claims.push({ address: m[1] || '0.0.0.0', port: Number(m[2]), path: [...path, 'endpoint'] });
  }
  for (const [key, value] of Object.entries(obj)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      claims.push(...findListenClaims(value, [...path, key]));
  }
  return claims;
}

/** No two components listen on one port of overlapping addresses (0.0.0.0 overlaps every address). */
export function checkListenClaims(claims: readonly ListenClaim[]): PathIssue[] {
  const issues: PathIssue[] = [];
  const wildcard = (a: string): boolean => a === '0.0.0.0' || a === '::' || a === '';
  claims.forEach((c, i) => {
    if (c.port === 0) return;
    const earlier = claims
      .slice(0, i)
      .find((o) => o.port === c.port && (o.address === c.address || wildcard(o.address) || wildcard(c.address)));
    if (earlier) {
      issues.push({
        path: c.path,
        message: `${c.address}:${c.port} is already claimed by ${earlier.path.slice(0, 2).join('.')}`,
      });
    }
  });
  return issues;
}
