/** A LogQL pattern expression (`<ip> - <_> [<ts>] "<method> <path> <_>"`) the way Loki's pattern parser reads it. */
export interface PatternExpression {
  /** The named captures in order (`<_>` skips are not listed). */
  readonly names: readonly string[];
  /**
   * Matches `input` and writes the text of each named capture to `captures[0..]`. Returns `names.length` when the
   * whole expression matched; otherwise `-1 - filled`, where `filled` captures at the start were written (0 when
   * the line does not match at all).
   */
  match(input: string, captures: string[]): number;
}

/** A pattern that cannot be compiled; the message names the problem and its offset. */
export class PatternSyntaxError extends Error {
  override name = 'PatternSyntaxError';
}

// Loki's lexer: `<` then a letter or `_`, then letters, digits or `_`, then `>`; anything else is literal text.
const CAPTURE = /<([A-Za-z_][A-Za-z0-9_]*)>/g;

interface Token {
  kind: 'literal' | 'capture';
  text: string;
  offset: number;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of source.matchAll(CAPTURE)) {
    if (m.index > last) tokens.push({ kind: 'literal', text: source.slice(last, m.index), offset: last });
    tokens.push({ kind: 'capture', text: m[1], offset: m.index });
    last = m.index + m[0].length;
  }
  if (last < source.length) tokens.push({ kind: 'literal', text: source.slice(last), offset: last });
  return tokens;
}

/**
 * The compiled form: an optional leading literal, then captures, each followed by the literal that ends it ('' for
 * a capture that runs to the end of the line). Each capture's slot is its index in `names`, or -1 for `<_>`.
 */
class CompiledPattern implements PatternExpression {
  readonly names: readonly string[];
  readonly #prefix: string;
  readonly #slots: readonly number[];
  readonly #ends: readonly string[];

  constructor(names: string[], prefix: string, slots: number[], ends: string[]) {
    this.names = names;
    this.#prefix = prefix;
    this.#slots = slots;
    this.#ends = ends;
  }

  // Captures are non-greedy: each ends at the first occurrence of its literal. Like Loki, a literal that is not
  // found makes its capture take the rest of the line and stops the match there, and text after the last literal is ignored.
  match(input: string, captures: string[]): number {
    if (input.length === 0 || !input.startsWith(this.#prefix)) return -1;
    const slots = this.#slots;
    const ends = this.#ends;
    let from = this.#prefix.length;
    let filled = 0;
    for (let i = 0; i < slots.length; i++) {
      const end = ends[i];
      const at = end === '' ? input.length : input.indexOf(end, from);
      const slot = slots[i];
      if (at === -1) {
        if (slot >= 0) captures[filled++] = input.slice(from);
        return -1 - filled;
      }
      if (slot >= 0) captures[filled++] = input.slice(from, at);
      from = at + end.length;
    }
    return filled;
  }
}

/** Compiles a pattern once (at config load); throws PatternSyntaxError naming what is wrong and where. */
export function compilePattern(source: string): PatternExpression {
  const tokens = tokenize(source);
  const names: string[] = [];
  const slots: number[] = [];
  const ends: string[] = [];
  let prefix = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'literal') {
      if (i === 0) prefix = token.text;
      continue;
    }
    const next = tokens[i + 1];
    // Loki's check only pairs captures at even positions, so `a<x><y>` gets past it; every adjacent pair is rejected here.
    if (next?.kind === 'capture') {
      throw new PatternSyntaxError(
        `captures <${token.text}> and <${next.text}> are side by side at offset ${next.offset}; put literal text between them`,
      );
    }
    if (token.text !== '_') {
      if (names.includes(token.text))
        throw new PatternSyntaxError(`duplicate capture name <${token.text}> at offset ${token.offset}`);
      names.push(token.text);
    }
    slots.push(token.text === '_' ? -1 : names.length - 1);
    ends.push(next?.text ?? '');
  }
  if (names.length === 0)
    throw new PatternSyntaxError('the pattern needs at least one named capture such as <name> (<_> only skips text)');
  return new CompiledPattern(names, prefix, slots, ends);
}
