// Keywords, modifiers and literals that look like identifiers in PromQL but name no metric.
const NOT_METRICS = new Set([
  'and',
  'or',
  'unless',
  'bool',
  'offset',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'inf',
  'nan',
  'start',
  'end',
]);

/**
 * Metric names a PromQL expression (or a Grafana `label_values(...)` variable query) selects: the identifiers left
 * once strings, Grafana variables, label matchers, ranges and grouping label lists are taken out, except those
 * followed by `(` (functions, aggregations) and keywords.
 */
export function promqlMetricNames(expr: string): string[] {
  let text = expr.trim();
  const labelValues = /^label_values\((.*)\)$/s.exec(text);
  if (labelValues) {
    // label_values(label) names no metric; label_values(selector, label) selects with its first argument.
    const args = labelValues[1];
    const lastComma = args.lastIndexOf(',');
    text = lastComma === -1 ? '' : args.slice(0, lastComma);
  }
  text = text
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, ' ')
    .replace(/\$\{[^}]*\}|\$\w+/g, ' ')
    .replace(/\{[^{}]*\}/g, '{}')
    .replace(/\[[^\]]*\]/g, '[]')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = new Set<string>();
  for (const m of text.matchAll(/(?<![\w:.])[a-zA-Z_:][\w:]*/g)) {
    const name = m[0];
    const next = text.slice((m.index ?? 0) + name.length).trimStart()[0];
    if (next === '(' || NOT_METRICS.has(name.toLowerCase())) continue;
    names.add(name);
  }
  return [...names].sort();
}
