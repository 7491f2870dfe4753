import type { z } from 'zod';

/**
 * One component type of any kind (source, stage, processor, sink): the key it uses in YAML, what it is for, its
 * strict zod config and the factory that builds it from the parsed config.
 */
export interface Definition<C, T, X> {
  /** The YAML key or `type:` value, e.g. `regex`, `batch`, `loki_push`, `loki`. */
  type: string;
  description: string;
  config: z.ZodType<C>;
  create(config: C, ctx: X): T;
}

/**
 * What a registry holds: a definition whose config type is erased, since each parses its own. create is a method,
 * so every Definition<SomeConfig, T, X> is one of these.
 */
export type RegisteredDefinition<T, X> = Definition<unknown, T, X>;
