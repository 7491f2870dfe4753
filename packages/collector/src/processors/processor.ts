import type { Definition } from '../definition';
import type { ComponentContext } from '../component';
import type { Consumer, Lifecycle } from '../consumer';
import type { Signal, SignalData } from '../protocols/otlp/types';

/**
 * A built processor. `wrap` is called once per signal when the receiver is built and returns the consumer that
 * runs before `next`; it may modify the data in place (the caller hands ownership over) or drop all of it.
 */
export interface Processor extends Lifecycle {
  wrap<S extends Signal>(signal: S, next: Consumer<SignalData[S]>): Consumer<SignalData[S]>;
}

export type ProcessorContext = Omit<ComponentContext, 'dataDir'>;

/** One processor type: its YAML key (`batch`), its strict zod config, and its factory. */
export type ProcessorDefinition<C> = Definition<C, Processor, ProcessorContext>;
