import type { Consumer } from './consumer';
import type { Signal, SignalData } from './protocols/otlp/types';

/** A sink that also takes OTLP traces and/or metrics (the otlp sink, prometheus remote write for metrics). */
export interface SignalSink {
  readonly signals: { readonly [S in Signal]?: Consumer<SignalData[S]> };
}

export function isSignalSink(component: unknown): component is SignalSink {
  return typeof component === 'object' && component !== null && typeof (component as SignalSink).signals === 'object';
}

/** All-or-nothing fan-out of OTLP data: resolves when every target accepted, rejects with the first failure. */
export function fanOutSignal<T>(targets: readonly Consumer<T>[]): Consumer<T> {
  if (targets.length === 1) return targets[0]!;
  return {
    async consume(batch, signal) {
      await Promise.all(targets.map((t) => t.consume(batch, signal)));
    },
  };
}
