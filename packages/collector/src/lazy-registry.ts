/**
 * A registry keyed by type whose definitions load on first use: validating or running a config loads the modules of
 * the component types it names and no others (the classify stage alone pulls in the sorter client and its schemas).
 * `Object.keys` lists every type without loading any.
 */
export function lazyRegistry<D>(loaders: Readonly<Record<string, () => D>>): Record<string, D> {
  const registry: Record<string, D> = {};
  for (const [type, load] of Object.entries(loaders)) {
    let loaded: D | undefined;
    Object.defineProperty(registry, type, { enumerable: true, get: () => (loaded ??= load()) });
  }
  return registry;
}
