import type { CollectorConfig } from '../schema/collector-config';

/** The line `collector validate` prints for a valid config. */
export function validSummary(file: string, config: CollectorConfig): string {
  const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
  return `OK ${file}: ${count(config.sources.length, 'source')}, ${count(config.pipelines.length, 'pipeline')}, ${count(config.sinks.length, 'sink')}`;
}
