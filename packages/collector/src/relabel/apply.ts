import { createHash } from 'node:crypto';
import type { Labels } from '../entry';
import type { CompiledRe2, RelabelRule } from './config';
import { present } from '../errors';

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * Applies Prometheus relabel rules in order to a copy of `labels`; undefined when a keep/drop rule drops
 * the target (or entry). Labels whose value becomes empty are removed, as in Prometheus.
 */
export function applyRelabel(rules: readonly RelabelRule[], labels: Labels): Labels | undefined {
  const out: Labels = {};
  for (const name in labels) out[name] = labels[name];
  for (const rule of rules) if (!applyRule(rule, out)) return undefined;
  return out;
}

function applyRule(rule: RelabelRule, labels: Labels): boolean {
  const value = rule.source_labels.map((name) => labels[name] ?? '').join(rule.separator);
  const regex = rule.regex.regex;
  switch (rule.action) {
    case 'keep':
      return regex.test(value);
    case 'drop':
      return !regex.test(value);
    case 'keepequal':
      return value === (labels[targetLabel(rule)] ?? '');
    case 'dropequal':
      return value !== (labels[targetLabel(rule)] ?? '');
    case 'replace': {
      const m = regex.exec(value);
      if (!m) return true;
      const target = expand(targetLabel(rule), m, rule.regex);
      if (!LABEL_NAME.test(target)) return true;
      const result = expand(rule.replacement, m, rule.regex);
      if (result === '') delete labels[target];
      else labels[target] = result;
      return true;
    }
    case 'lowercase':
      set(labels, targetLabel(rule), value.toLowerCase());
      return true;
    case 'uppercase':
      set(labels, targetLabel(rule), value.toUpperCase());
      return true;
    case 'hashmod':
      set(
        labels,
        targetLabel(rule),
        String(hashmod(value, present(rule.modulus, 'hashmod modulus (the schema requires it)'))),
      );
      return true;
    case 'labelmap':
      for (const name of Object.keys(labels)) {
        const m = regex.exec(name);
        if (m) set(labels, expand(rule.replacement, m, rule.regex), labels[name]);
      }
      return true;
    case 'labeldrop':
      for (const name of Object.keys(labels)) if (regex.test(name)) delete labels[name];
      return true;
    case 'labelkeep':
      for (const name of Object.keys(labels)) if (!regex.test(name)) delete labels[name];
      return true;
  }
}

function set(labels: Labels, name: string, value: string): void {
  if (value === '') delete labels[name];
  else labels[name] = value;
}

function targetLabel(rule: RelabelRule): string {
  return present(rule.target_label, 'target_label (the schema requires it for this action)');
}

/** Prometheus's hashmod: the last 8 bytes of the MD5 of the value as a big-endian integer, modulo `modulus`. */
function hashmod(value: string, modulus: number): bigint {
  return createHash('md5').update(value).digest().readBigUInt64BE(8) % BigInt(modulus);
}

/**
 * Go's Regexp.Expand: `$1`, `${1}`, `$name`, `${name}` take a group (empty when absent or unmatched; `$1x` names a
 * group `1x`, as in Go), `$$` is a `$`, and a `$` not followed by a name stays as it is.
 */
function expand(template: string, m: RegExpExecArray, compiled: CompiledRe2): string {
  if (!template.includes('$')) return template;
  let out = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    if (template[i + 1] === '$') {
      out += '$';
      i += 2;
      continue;
    }
    let name: string | undefined;
    let end: number;
    if (template[i + 1] === '{') {
      const close = template.indexOf('}', i + 2);
      const inner = close === -1 ? '' : template.slice(i + 2, close);
      name = /^\w+$/.test(inner) ? inner : undefined;
      end = close + 1;
    } else {
      const run = /^\w+/.exec(template.slice(i + 1));
      name = run?.[0];
      end = i + 1 + (run?.[0].length ?? 0);
    }
    if (name === undefined) {
      out += '$';
      i++;
      continue;
    }
    out += group(name, m, compiled) ?? '';
    i = end;
  }
  return out;
}

function group(name: string, m: RegExpExecArray, compiled: CompiledRe2): string | undefined {
  if (/^\d+$/.test(name)) return m[Number(name)];
  const at = compiled.groupNames.indexOf(name);
  return at === -1 ? undefined : m[compiled.groupIndexes[at]];
}
