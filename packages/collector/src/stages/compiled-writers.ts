/**
 * Property writers generated for a stage's fixed set of names. A loop writing `target[names[i]]` is one
 * store site that sees every name and goes megamorphic (~40 ns a write); a generated function has one
 * site per name with a constant key, which V8 caches like `target.name = ...`. Names are embedded with
 * JSON.stringify, so no name can escape its string literal.
 */

/** Writes `match[indexes[i]] ?? ''` to `target[names[i]]` for every i (a regex's groups into a map). */
export function compileGroupWriter(names: readonly string[], indexes: readonly number[]): (target: Record<string, unknown>, match: ArrayLike<string | undefined>) => void {
  if (names.length !== indexes.length) throw new RangeError(`compileGroupWriter got ${names.length} names for ${indexes.length} indexes`);
  const body = names.map((name, i) => `target[${JSON.stringify(name)}] = match[${Number(indexes[i])}] ?? '';`).join('\n');
  return new Function('target', 'match', `'use strict';\n${body}`) as (target: Record<string, unknown>, match: ArrayLike<string | undefined>) => void;
}

/** Writes each fixed `[name, value]` pair to `target` (static labels). */
export function compileConstantWriter(pairs: readonly (readonly [string, string])[]): (target: Record<string, string>) => void {
  const body = pairs.map(([name, value]) => `target[${JSON.stringify(name)}] = ${JSON.stringify(value)};`).join('\n');
  return new Function('target', `'use strict';\n${body}`) as (target: Record<string, string>) => void;
}
