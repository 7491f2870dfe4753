/** What a `${…}` reference resolves to: a value, or a message saying why it cannot. */
export type VariableResolver = (
  name: string,
  fallback: string | undefined,
) => { value: string } | { error: string } | undefined;

export interface ExpandedText {
  text: string;
  /** Maps an offset in the expanded text back to the offset in the original text. */
  originalOffset(offset: number): number;
  /** Unresolvable references, with their offset in the original text. */
  problems: { offset: number; message: string }[];
}

// `${NAME}`, `${NAME:-default}` (and envsubst's `${NAME:=default}`, `${NAME=default}`), `${args.NAME}`; `$${` is a
// literal `${`; the last group catches any other `${…}`.
const REFERENCE = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_.]*)(?:(?::[-=]|=)([^}]*))?\}|\$\{([^}]*)\}/g;

/**
 * Replaces `${…}` references in text; a resolver answering `undefined` leaves the reference as written
 * (the main file leaves `${args.x}` to modules). References on comment lines are left alone. Any other `${…}` is
 * left as written, or with `otherReferences` reported with that message.
 */
export function expandVariables(
  text: string,
  resolve: VariableResolver,
  otherReferences?: (reference: string) => string,
): ExpandedText {
  const segments: { expandedEnd: number; delta: number; originalStart: number; expandedStart: number }[] = [];
  const problems: ExpandedText['problems'] = [];
  let out = '';
  let last = 0;
  let delta = 0;
  for (const m of text.matchAll(REFERENCE)) {
    const start = m.index ?? 0;
    if (isCommentAt(text, start)) continue;
    if (m[3] !== undefined) {
      if (otherReferences) problems.push({ offset: start, message: otherReferences(m[0]) });
      continue;
    }
    let value: string;
    if (m[0] === '$${') {
      value = '${';
    } else {
      const resolved = resolve(m[1], m[2]);
      if (resolved === undefined) continue;
      if ('error' in resolved) {
        problems.push({ offset: start, message: resolved.error });
        value = '';
      } else {
        value = resolved.value;
      }
    }
    out += text.slice(last, start);
    const expandedStart = out.length;
    out += value;
    last = start + m[0].length;
    delta += value.length - m[0].length;
    segments.push({ expandedStart, expandedEnd: out.length, delta, originalStart: start });
  }
  out += text.slice(last);
  return {
    text: out,
    problems,
    originalOffset(offset: number): number {
      let shift = 0;
      for (const s of segments) {
        if (offset < s.expandedStart) break;
        if (offset < s.expandedEnd) return s.originalStart;
        shift = s.delta;
      }
      return offset - shift;
    },
  };
}

function isCommentAt(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^\s*#/.test(text.slice(lineStart, offset + 1));
}

/** Resolves `${VAR}` and `${VAR:-default}` from the environment; leaves `${args.*}` for modules. */
export function environmentResolver(env: NodeJS.ProcessEnv): VariableResolver {
  return (name, fallback) => {
    if (name.startsWith('args.')) return undefined;
    if (name.includes('.')) return { error: `invalid variable name "${name}"` };
    const value = env[name];
    if (value !== undefined && !(value === '' && fallback !== undefined)) return { value };
    if (fallback !== undefined) return { value: fallback };
    return { error: `environment variable ${name} is not set (write \${${name}:-} to allow it to be empty)` };
  };
}

/** Resolves `${args.NAME}` from a module's arguments, and everything else from the environment. */
export function moduleResolver(env: NodeJS.ProcessEnv, args: Record<string, string>): VariableResolver {
  const fromEnv = environmentResolver(env);
  return (name, fallback) => {
    if (!name.startsWith('args.')) return fromEnv(name, fallback);
    const arg = name.slice('args.'.length);
    if (Object.prototype.hasOwnProperty.call(args, arg)) return { value: args[arg] };
    if (fallback !== undefined) return { value: fallback };
    return { error: `module argument ${arg} is not declared under arguments` };
  };
}
