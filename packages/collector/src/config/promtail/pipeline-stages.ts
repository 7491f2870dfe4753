import { Block, type Conversion } from './block';
import { UNSUPPORTED_STAGES } from './unsupported';

// Stages whose Promtail keys are the collector's own: copied as written, then validated by the stage's schema.
const SAME_KEYS = new Set([
  'cri',
  'decolorize',
  'docker',
  'json',
  'limit',
  'logfmt',
  'multiline',
  'output',
  'pack',
  'regex',
  'replace',
  'sampling',
  'template',
  'tenant',
  'timestamp',
]);
// Promtail writes these as a bare map or list; the collector's stage takes it under `values`.
const UNDER_VALUES: Readonly<Record<string, string>> = {
  labels: 'labels',
  static_labels: 'static_labels',
  structured_metadata: 'structured_metadata',
  labeldrop: 'label_drop',
  labelallow: 'label_keep',
};
const METRIC_TYPES = ['counter', 'gauge', 'histogram'] as const;
// Promtail's metrics stage names its metrics promtail_custom_<name> unless a prefix is given.
const PROMTAIL_METRIC_PREFIX = 'promtail_custom_';

const KNOWN = [...SAME_KEYS, ...Object.keys(UNDER_VALUES), 'drop', 'match', 'metrics'].sort();

/**
 * Converts Promtail `pipeline_stages` (at Promtail path `at`) into collector stages (the list at converted path `outAt`,
 * from index `first` on). Stages keep their order; each is then validated by the collector's own stage schema.
 */
export function convertStages(
  list: unknown,
  at: PropertyKey[],
  outAt: PropertyKey[],
  conv: Conversion,
  first = 0,
): unknown[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    conv.issues.push({ path: at, message: 'expected a list of stages, each a one-key map such as `- regex: {...}`' });
    return [];
  }
  const out: unknown[] = [];
  list.forEach((item, i) => {
    const keys = item !== null && typeof item === 'object' && !Array.isArray(item) ? Object.keys(item) : [];
    if (keys.length !== 1) {
      conv.issues.push({
        path: [...at, i],
        message: 'expected a map with exactly one key, the stage name (e.g. `- regex: {...}`)',
      });
      return;
    }
    const name = keys[0];
    const value = (item as Record<string, unknown>)[name];
    const from = [...at, i, name];
    const stage = convertStage(name, value, from, [...outAt, first + out.length], conv);
    if (stage) out.push(stage);
  });
  return out;
}

function convertStage(
  name: string,
  value: unknown,
  from: PropertyKey[],
  outAt: PropertyKey[],
  conv: Conversion,
): Record<string, unknown> | undefined {
  if (SAME_KEYS.has(name)) {
    conv.origins.push({ out: [...outAt, name], from });
    return { [name]: value ?? {} };
  }
  const renamed = UNDER_VALUES[name];
  if (renamed !== undefined) {
    conv.origins.push({ out: [...outAt, renamed, 'values'], from }, { out: [...outAt, renamed], from });
    if (renamed !== name) conv.notes.push({ at: [...outAt, renamed], text: `Promtail stage "${name}"` });
    return { [renamed]: { values: value } };
  }
  switch (name) {
    case 'drop':
      return convertDrop(value, from, outAt, conv);
    case 'match':
      return convertMatch(value, from, outAt, conv);
    case 'metrics':
      return convertMetrics(value, from, outAt, conv);
  }
  const why = UNSUPPORTED_STAGES[name];
  conv.issues.push({
    path: from,
    message:
      why === undefined
        ? `unknown Promtail stage "${name}" (expected one of ${KNOWN.join(', ')})`
        : `stage "${name}" is not supported by the collector: ${why}`,
  });
  return undefined;
}

/** Promtail's drop takes `source` as a name or a list of names; the collector's as a comma-separated list. */
function convertDrop(
  value: unknown,
  from: PropertyKey[],
  outAt: PropertyKey[],
  conv: Conversion,
): Record<string, unknown> {
  conv.origins.push({ out: [...outAt, 'drop'], from });
  if (value !== null && typeof value === 'object' && Array.isArray((value as { source?: unknown }).source)) {
    const source = (value as { source: unknown[] }).source;
    return { drop: { ...value, source: source.map(String).join(',') } };
  }
  return { drop: value ?? {} };
}

function convertMatch(
  value: unknown,
  from: PropertyKey[],
  outAt: PropertyKey[],
  conv: Conversion,
): Record<string, unknown> {
  conv.origins.push({ out: [...outAt, 'match'], from });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { match: value };
  const { stages, ...rest } = value as Record<string, unknown>;
  if (stages === undefined) return { match: rest };
  return {
    match: { ...rest, stages: convertStages(stages, [...from, 'stages'], [...outAt, 'match', 'stages'], conv) },
  };
}

/** `metrics: { <name>: { type: Counter, ..., config: {...} } }` -> `metrics: { counter: [{ name, ..., <config keys> }] }`. */
function convertMetrics(
  value: unknown,
  from: PropertyKey[],
  outAt: PropertyKey[],
  conv: Conversion,
): Record<string, unknown> | undefined {
  const block = Block.of(value, from, conv);
  if (!block) return undefined;
  const lists: Record<string, Record<string, unknown>[]> = {};
  for (const name of Object.keys(block.value)) {
    const metric = block.block(name);
    if (!metric) continue;
    const type = metric.string('type');
    const kind = METRIC_TYPES.find((t) => t === type?.toLowerCase());
    if (kind === undefined) {
      metric.issue(
        'type',
        type === undefined
          ? 'required key is missing (expected Counter, Gauge or Histogram)'
          : `expected Counter, Gauge or Histogram, got ${JSON.stringify(type)}`,
      );
      continue;
    }
    const list = (lists[kind] ??= []);
    const at = [...outAt, 'metrics', kind, list.length];
    const settings = Block.of(metric.raw('config'), [...metric.at, 'config'], conv);
    const rest = Object.fromEntries(Object.entries(metric.value).filter(([key]) => key !== 'type' && key !== 'config'));
    conv.origins.push({ out: at, from: metric.at });
    for (const key of Object.keys(settings?.value ?? {}))
      conv.origins.push({ out: [...at, key], from: [...metric.at, 'config', key] });
    list.push({ name, prefix: PROMTAIL_METRIC_PREFIX, ...rest, ...settings?.value });
  }
  if (Object.keys(lists).length === 0) return undefined;
  return { metrics: lists };
}
