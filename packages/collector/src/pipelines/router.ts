import type { Counter, Registry } from 'prom-client';
import { counter } from '../telemetry/metric-factory';
import type { PipelineConfig } from '../schema/collector-config';
import type { Consumer } from '../consumer';
import type { LogBatch, LogEntry } from '../entry';
import type { LogSelector } from '../logql';
import { changesEntries, fanOut, type Delivery } from './fanout';

export interface RouterContext {
  registry: Registry;
  resolve(target: string): Consumer<LogBatch>;
}

/** Sends a pipeline's output on: to every `forward_to` target, or per entry by the first matching route. */
export interface Router extends Consumer<LogBatch> {
  /** The targets one entry goes to (for dry-run); empty when it matches no route and there is no default. */
  targetsFor(entry: LogEntry): readonly string[];
}

interface CompiledRoute {
  selector: LogSelector;
  targets: number[];
  continue: boolean;
}

/** Creates the router of a pipeline; targets are resolved once, here. */
export function createRouter(pipeline: PipelineConfig, ctx: RouterContext): Router {
  const names: string[] = [];
  const indexOf = (name: string): number => {
    const i = names.indexOf(name);
    if (i >= 0) return i;
    names.push(name);
    return names.length - 1;
  };
  // forward_to's targets are resolved too: a pipeline without routes sends everything to them.
  for (const name of pipeline.forward_to) indexOf(name);
  const routes: CompiledRoute[] = pipeline.routes.map((r) => ({
    selector: r.selector,
    targets: r.forward_to.map(indexOf),
    continue: r.continue,
  }));
  const defaults = pipeline.default_forward_to.map(indexOf);
  const consumers = names.map((n) => ctx.resolve(n));
  const unrouted = unroutedCounter(ctx.registry).labels({ pipeline: pipeline.id });

  // Marks the targets of one entry in `hit` (indexes into names).
  const select = (entry: LogEntry, hit: boolean[]): void => {
    let matched = false;
    for (const route of routes) {
      if (!route.selector.matches(entry)) continue;
      matched = true;
      for (const t of route.targets) hit[t] = true;
      if (!route.continue) break;
    }
    if (!matched) for (const t of defaults) hit[t] = true;
  };

  const changers = names.map(changesEntries);

  if (routes.length === 0) {
    return {
      consume: (batch, signal) =>
        fanOut(
          consumers.map((target, t) => ({ target, entries: batch.entries, changesEntries: changers[t] })),
          signal,
        ),
      targetsFor: () => pipeline.forward_to,
    };
  }
  return {
    async consume(batch: LogBatch, signal: AbortSignal): Promise<void> {
      const buckets: LogEntry[][] = names.map(() => []);
      const hit: boolean[] = names.map(() => false);
      let dropped = 0;
      for (const entry of batch.entries) {
        hit.fill(false);
        select(entry, hit);
        let routed = false;
        for (let t = 0; t < hit.length; t++) {
          if (!hit[t]) continue;
          buckets[t].push(entry);
          routed = true;
        }
        if (!routed) dropped++;
      }
      if (dropped > 0) unrouted.inc(dropped);
      const deliveries: Delivery[] = [];
      buckets.forEach((entries, t) => {
        if (entries.length > 0) deliveries.push({ target: consumers[t], entries, changesEntries: changers[t] });
      });
      if (deliveries.length > 0) await fanOut(deliveries, signal);
    },
    targetsFor(entry: LogEntry): readonly string[] {
      const hit = names.map(() => false);
      select(entry, hit);
      return names.filter((_, t) => hit[t]);
    },
  };
}

function unroutedCounter(registry: Registry): Counter<string> {
  return counter(
    registry,
    'collector_route_unmatched_entries_total',
    'Entries that matched no route and had no default_forward_to; they are dropped.',
    ['pipeline'],
  );
}
