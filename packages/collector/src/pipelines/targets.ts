import type { Sink, SignalTargets } from '../component';
import type { Consumer } from '../consumer';
import type { LogBatch } from '../entry';
import { fanOutSignal } from './fanout';

/** Resolves `forward_to` names to the consumers the runtime built: log entries and, from sinks, traces and metrics. */
export interface Targets {
  /** The consumer of `pipelines.<id>` or `sinks.<id>` for log entries. */
  logs(target: string): Consumer<LogBatch>;
  /** The sinks of `traces_forward_to` / `metrics_forward_to` as one consumer; throws naming a target that cannot take the signal. */
  signals: SignalTargets;
}

export function createTargets(
  sinks: ReadonlyMap<string, Sink>,
  pipelines: ReadonlyMap<string, Consumer<LogBatch>>,
): Targets {
  return {
    logs(target) {
      const consumer = target.startsWith('sinks.') ? sinks.get(target) : pipelines.get(target);
      if (!consumer) throw new Error(`forward_to target ${target} is not built`);
      return consumer;
    },
    signals(signal, targets) {
      return fanOutSignal(
        targets.map((target) => {
          const sink = sinks.get(target);
          if (sink === undefined) throw new Error(`no such sink ${target}`);
          const consumer = sink.signals?.[signal];
          if (consumer === undefined) throw new Error(`${target} does not take ${signal}`);
          return consumer;
        }),
      );
    },
  };
}
