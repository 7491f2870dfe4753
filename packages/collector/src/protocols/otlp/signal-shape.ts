import type { Attributes, InstrumentationScope, Resource, Signal, SignalData } from './types';

/**
 * Every signal has the same three levels: resources -> scopes -> items (spans, metrics, log records). These
 * helpers walk, filter, merge and split any signal through that shape, so processors are written once.
 */
interface ResourceLevel {
  resource: Resource;
  schemaUrl: string;
}
interface ScopeLevel {
  scope: InstrumentationScope;
  schemaUrl: string;
}

/** Each signal's field names for its resources, scopes and items. */
export const signalKeys = {
  traces: ['resourceSpans', 'scopeSpans', 'spans'],
  metrics: ['resourceMetrics', 'scopeMetrics', 'metrics'],
  logs: ['resourceLogs', 'scopeLogs', 'logRecords'],
} as const;

type Loose = Record<string, unknown>;

export function resourcesOf(signal: Signal, data: SignalData[Signal]): (ResourceLevel & Loose)[] {
  return (data as unknown as Loose)[signalKeys[signal][0]] as (ResourceLevel & Loose)[];
}

export function scopesOf(signal: Signal, resource: ResourceLevel): (ScopeLevel & Loose)[] {
  return (resource as unknown as Loose)[signalKeys[signal][1]] as (ScopeLevel & Loose)[];
}

export function itemsOf(signal: Signal, scope: ScopeLevel): unknown[] {
  return (scope as unknown as Loose)[signalKeys[signal][2]] as unknown[];
}

function setItems(signal: Signal, scope: ScopeLevel, items: unknown[]): void {
  (scope as unknown as Loose)[signalKeys[signal][2]] = items;
}

export function emptyData<S extends Signal>(signal: S): SignalData[S] {
  return { [signalKeys[signal][0]]: [] } as unknown as SignalData[S];
}

/** Items a processor counts: spans, log records, and for metrics their data points. */
export function itemWeight(signal: Signal, item: unknown): number {
  return signal === 'metrics' ? (item as { data: { dataPoints: unknown[] } }).data.dataPoints.length : 1;
}

/** Keeps the items for which `keep` is true, removing scopes and resources left empty; returns how many went. */
export function filterItems(
  signal: Signal,
  data: SignalData[Signal],
  keep: (item: unknown, resource: Resource, scope: InstrumentationScope) => boolean,
): number {
  let removed = 0;
  const resources = resourcesOf(signal, data);
  let r = 0;
  for (const res of resources) {
    const scopes = scopesOf(signal, res);
    let s = 0;
    for (const scope of scopes) {
      const items = itemsOf(signal, scope);
      const kept = items.filter((item) => keep(item, res.resource, scope.scope));
      removed += items.length - kept.length;
      if (kept.length > 0) {
        setItems(signal, scope, kept);
        scopes[s++] = scope;
      }
    }
    scopes.length = s;
    if (s > 0) resources[r++] = res;
  }
  resources.length = r;
  return removed;
}

/** Concatenates the resources of several requests into one (items keep their resource and scope). */
export function mergeData<S extends Signal>(signal: S, parts: readonly SignalData[S][]): SignalData[S] {
  const merged = emptyData(signal);
  const into = resourcesOf(signal, merged);
  for (const part of parts) for (const res of resourcesOf(signal, part)) into.push(res);
  return merged;
}

/** Splits data into chunks of at most `max` weight (a single heavier item still travels alone). */
export function splitData<S extends Signal>(signal: S, data: SignalData[S], max: number): SignalData[S][] {
  const out: SignalData[S][] = [];
  let current = emptyData(signal);
  let weight = 0;
  for (const res of resourcesOf(signal, data)) {
    let resCopy: (ResourceLevel & Loose) | undefined;
    for (const scope of scopesOf(signal, res)) {
      let scopeCopy: (ScopeLevel & Loose) | undefined;
      for (const item of itemsOf(signal, scope)) {
        const w = itemWeight(signal, item);
        if (weight > 0 && weight + w > max) {
          out.push(current);
          current = emptyData(signal);
          weight = 0;
          resCopy = undefined;
          scopeCopy = undefined;
        }
        if (resCopy === undefined) {
          resCopy = { ...res, [signalKeys[signal][1]]: [] };
          resourcesOf(signal, current).push(resCopy);
        }
        if (scopeCopy === undefined) {
          scopeCopy = { ...scope, [signalKeys[signal][2]]: [] };
          scopesOf(signal, resCopy).push(scopeCopy);
        }
        itemsOf(signal, scopeCopy).push(item);
        weight += w;
      }
    }
  }
  if (weight > 0) out.push(current);
  return out;
}

/** Record-level attributes: span, log record, or every data point of a metric. */
export function recordAttributes(signal: Signal, item: unknown): Attributes[] {
  if (signal !== 'metrics') return [(item as { attributes: Attributes }).attributes];
  return (item as { data: { dataPoints: { attributes: Attributes }[] } }).data.dataPoints.map((p) => p.attributes);
}
