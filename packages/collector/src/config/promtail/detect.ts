// Root keys only a Promtail file has; a collector config has sources/pipelines/sinks instead.
const PROMTAIL_KEYS = new Set([
  'clients',
  'client',
  'scrape_configs',
  'positions',
  'limits_config',
  'target_config',
  'file_watch_config',
  'global',
  'options',
  'tracing',
]);
const COLLECTOR_KEYS = new Set(['sources', 'pipelines', 'sinks', 'imports', 'storage_path', 'grafana_cloud']);

/** The root keys of config text, read without parsing the YAML. */
function rootKeys(text: string): string[] {
  return [...text.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)\s*:/gm)].map((m) => m[1]);
}

/** Whether config text is a Promtail file, judged by its root keys. */
export function looksLikePromtail(text: string): boolean {
  const keys = rootKeys(text);
  return !keys.some((k) => COLLECTOR_KEYS.has(k)) && keys.some((k) => PROMTAIL_KEYS.has(k));
}

/** Whether config text has a root key only a collector config has (sources, pipelines, sinks ...). */
export function looksLikeCollectorConfig(text: string): boolean {
  return rootKeys(text).some((k) => COLLECTOR_KEYS.has(k));
}
