import type { z } from 'zod';

type ZodIssue = z.core.$ZodIssue;

/** A problem found in a config value, before it is given a place in a file. */
export interface PathIssue {
  path: PropertyKey[];
  message: string;
}

/** One message per zod issue, saying what was expected and what was found (never echoing long values). */
export function describeZodIssue(issue: ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `required key is missing (expected ${issue.expected})`;
      return `expected ${issue.expected}, got ${kindOf(input)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${shortValue(input)}`;
    case 'too_small':
    case 'too_big':
      return `${lowerFirst(issue.message)}, got ${
        issue.origin === 'array' || issue.origin === 'string'
          ? `length ${(input as { length?: number } | undefined)?.length ?? '?'}`
          : shortValue(input)
      }`;
    case 'invalid_format':
      return `${lowerFirst(issue.message)}, got ${shortValue(input)}`;
    case 'invalid_key':
      // The nested issue is about the key itself (e.g. a label name that does not match the pattern).
      return issue.issues[0] ? describeZodIssue({ ...issue.issues[0], path: [] }) : issue.message;
    default:
      return issue.message;
  }
}

/** Flattens zod issues (one per unknown key) under a path prefix. */
export function fromZodIssues(issues: readonly ZodIssue[], prefix: PropertyKey[] = []): PathIssue[] {
  const out: PathIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ path: [...prefix, ...issue.path, key], message: `unknown key "${key}"` });
    } else {
      out.push({ path: [...prefix, ...issue.path], message: describeZodIssue(issue) });
    }
  }
  return out;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  return typeof value;
}

/** Config values may hold secrets: only short strings (URL credentials masked), numbers and booleans are quoted back. */
function shortValue(value: unknown): string {
  if (typeof value === 'string') {
    return value.length <= 40
      ? JSON.stringify(value.replace(/\/\/[^/@\s]*@/g, '//***@'))
      : `a string of ${value.length} characters`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return kindOf(value);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Renders a key path the way the YAML reads: `pipelines.tx.stages[2].regex.expression`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += (out ? '.' : '') + String(seg);
  }
  return out;
}

/** Re-raises a nested schema's issues inside an outer transform, already worded, under a path prefix. */
export function forwardIssues(
  ctx: { addIssue(issue: { code: 'custom'; path: PropertyKey[]; message: string }): void },
  issues: readonly ZodIssue[],
  prefix: PropertyKey[],
): void {
  for (const issue of fromZodIssues(issues, prefix))
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
}
