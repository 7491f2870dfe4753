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

/** Whether config text is a Promtail file, judged by its root keys (read without parsing the YAML). */
export function looksLikePromtail(text: string): boolean {
  let promtail = false;
  for (const m of text.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)\s*:/gm)) {
    if (COLLECTOR_KEYS.has(m[1])) return false;
    if (PROMTAIL_KEYS.has(m[1])) promtail = true;
  }
  return promtail;
}
