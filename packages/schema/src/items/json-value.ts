import { z } from 'zod';

/** Objects and arrays nested deeper than this are refused at validation, so no recursive code after it can overflow. */
export const maxNestingDepth = 64;

/** Whether a parsed JSON value nests objects and arrays more than `limit` deep; iterative, so it cannot overflow itself. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, depth] = next;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(current))
      if (typeof child === 'object' && child !== null) pending.push([child, depth + 1]);
  }
  return false;
}

/** The JSON type of a parsed value, as a user would name it in an error message. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * A JSON object with any fields, nested at most maxNestingDepth deep. Taken as parsed, not copied: a copy drops a
 * `__proto__` field (it sets the prototype instead), and nothing a client sent may vanish silently.
 */
export const JsonObject = z
  .custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
    error: (issue) => `expected an object, got ${jsonTypeOf(issue.input)}`,
  })
  // The JSON Schema a record of any values has, for the OpenAPI document.
  .meta({ type: 'object', propertyNames: { type: 'string' }, additionalProperties: {} })
  .superRefine((value, ctx) => {
    if (nestsDeeperThan(value, maxNestingDepth)) {
      ctx.addIssue({ code: 'custom', message: `objects and arrays nested more than ${maxNestingDepth} deep` });
    }
  });

/** A non-empty string or a JSON object (nested at most maxNestingDepth deep); other types are named in the error. */
export function stringOrObject(object: z.ZodType<Record<string, unknown>> = JsonObject) {
  return z.union([z.string().min(1, 'expected a non-empty string'), object], {
    error: (issue) => `expected a non-empty string or an object, got ${jsonTypeOf(issue.input)}`,
  });
}
