/**
 * Property readers and writers generated for a stage's fixed names. A loop writing `target[names[i]]`
 * (or one reader class used with many names) is one access site that sees every name and goes
 * megamorphic (~40 ns an access); a generated function has one site per name with a constant key, which
 * V8 caches like `target.name`. Names are embedded with JSON.stringify, so no name escapes its literal.
 */

/**
 * Copies `source[keys[k]]` to `columns[k][row]` for every k, or `absent` when the key is not `in` source
 * (a key present with the value undefined is copied as undefined).
 */
export function compileColumnReader(
  keys: readonly string[],
): (source: Record<string, unknown>, columns: unknown[][], row: number, absent: unknown) => void {
  const body = keys
    .map(
      (key, k) =>
        `v = source[${JSON.stringify(key)}];\ncolumns[${k}][row] = v !== undefined || ${JSON.stringify(key)} in source ? v : absent;`,
    )
    .join('\n');
  return new Function('source', 'columns', 'row', 'absent', `'use strict';\nlet v;\n${body}`) as (
    source: Record<string, unknown>,
    columns: unknown[][],
    row: number,
    absent: unknown,
  ) => void;
}

/** Writes `match[indexes[i]] ?? ''` to `target[names[i]]` for every i (a regex's groups into a map). */
export function compileGroupWriter(
  names: readonly string[],
  indexes: readonly number[],
): (target: Record<string, unknown>, match: ArrayLike<string | undefined>) => void {
  if (names.length !== indexes.length)
    throw new RangeError(`compileGroupWriter got ${names.length} names for ${indexes.length} indexes`);
  const body = names
    .map((name, i) => `target[${JSON.stringify(name)}] = match[${Number(indexes[i])}] ?? '';`)
    .join('\n');
  return new Function('target', 'match', `'use strict';\n${body}`) as (
    target: Record<string, unknown>,
    match: ArrayLike<string | undefined>,
  ) => void;
}

/** Writes each fixed `[name, value]` pair to `target` (static labels). */
export function compileConstantWriter(
  pairs: readonly (readonly [string, string])[],
): (target: Record<string, string>) => void {
  const body = pairs.map(([name, value]) => `target[${JSON.stringify(name)}] = ${JSON.stringify(value)};`).join('\n');
  return new Function('target', `'use strict';\n${body}`) as (target: Record<string, string>) => void;
}

/**
 * Copies `from[key]`, converted by `convert`, to `target[name]` for each `[name, key]` pair, skipping a
 * pair whose value converts to undefined (the labels stage).
 */
export function compileConvertingCopier(
  pairs: readonly (readonly [string, string])[],
): (
  from: Record<string, unknown>,
  target: Record<string, string>,
  convert: (value: unknown) => string | undefined,
) => void {
  const body = pairs
    .map(
      ([name, key]) =>
        `v = convert(from[${JSON.stringify(key)}]);\nif (v !== undefined) target[${JSON.stringify(name)}] = v;`,
    )
    .join('\n');
  return new Function('from', 'target', 'convert', `'use strict';\nlet v;\n${body}`) as (
    from: Record<string, unknown>,
    target: Record<string, string>,
    convert: (value: unknown) => string | undefined,
  ) => void;
}
