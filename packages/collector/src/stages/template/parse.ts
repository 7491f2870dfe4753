import type { Command, Operand, Pipeline, TemplateNode } from './ast';
import { present } from '../../errors';

/** A template that Go's text/template would reject, or that uses what we do not support; names the position. */
export class TemplateSyntaxError extends Error {
  override readonly name = 'TemplateSyntaxError';
}

type Token =
  | { kind: 'field'; path: string[] }
  | { kind: 'dot' }
  | { kind: 'ident'; name: string }
  | { kind: 'variable'; name: string }
  | { kind: 'literal'; value: string | number | boolean | undefined }
  | { kind: 'pipe' | 'open' | 'close' };

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue']);
const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  '"': '"',
  "'": "'",
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
};

/** Splits one action's text (between the delimiters) into tokens. */
function lexAction(text: string, at: number): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (message: string): never => {
    throw new TemplateSyntaxError(`template: ${message} at offset ${at + i}`);
  };
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '|') {
      tokens.push({ kind: 'pipe' });
      i++;
    } else if (c === '(') {
      tokens.push({ kind: 'open' });
      i++;
    } else if (c === ')') {
      tokens.push({ kind: 'close' });
      i++;
    } else if (c === '"') {
      let value = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\') {
          const e = text[i + 1];
          if (e === undefined || ESCAPES[e] === undefined) fail(`unknown escape \\${e ?? ''} in string`);
          value += ESCAPES[e];
          i += 2;
        } else value += text[i++];
      }
      if (i >= text.length) fail('unterminated quoted string');
      i++;
      tokens.push({ kind: 'literal', value });
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end < 0) fail('unterminated raw string');
      tokens.push({ kind: 'literal', value: text.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '.' && !/[0-9]/.test(text[i + 1] ?? '')) {
      const m = /^(?:\.[A-Za-z_][A-Za-z0-9_]*)+/.exec(text.slice(i));
      if (m === null) {
        tokens.push({ kind: 'dot' });
        i++;
      } else {
        tokens.push({ kind: 'field', path: m[0].slice(1).split('.') });
        i += m[0].length;
      }
    } else if (c === '$') {
      const name = present(/^\$[A-Za-z0-9_]*/.exec(text.slice(i)), 'a variable name (a $ always matches)')[0];
      tokens.push({ kind: 'variable', name });
      i += name.length;
      const after = text.slice(i).trimStart();
      if (after.startsWith(':=') || (after[0] === '=' && after[1] !== '='))
        fail('variables are not supported (only $ for the root)');
    } else if (/[-+0-9.]/.test(c)) {
      const m = /^[-+]?(?:0x[0-9a-fA-F]+|\d*\.?\d+(?:[eE][-+]?\d+)?)/.exec(text.slice(i));
      if (m === null) return fail(`bad number syntax "${text.slice(i, i + 8)}"`);
      tokens.push({ kind: 'literal', value: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const word = present(/^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i)), 'a word (a letter always matches)')[0];
      if (word === 'true' || word === 'false') tokens.push({ kind: 'literal', value: word === 'true' });
      else if (word === 'nil') tokens.push({ kind: 'literal', value: undefined });
      else tokens.push({ kind: 'ident', name: word });
      i += word.length;
    } else {
      fail(`unexpected "${c}" in action`);
    }
  }
  return tokens;
}

/** Parses the tokens of one action into a pipeline, checking every function name against `functions`. */
function parsePipeline(tokens: Token[], functions: ReadonlySet<string>, at: number): Pipeline {
  let i = 0;
  const fail = (message: string): never => {
    throw new TemplateSyntaxError(`template: ${message} in action at offset ${at}`);
  };

  function operand(): Operand {
    const t = tokens[i++];
    switch (t.kind) {
      case 'field':
        return { kind: 'field', path: t.path };
      case 'dot':
        return { kind: 'dot' };
      case 'variable':
        if (t.name !== '$') fail(`undefined variable "${t.name}"`);
        return { kind: 'dot' };
      case 'literal':
        return { kind: 'literal', value: t.value };
      case 'open': {
        const inner = pipeline(true);
        if (tokens[i]?.kind !== 'close') fail('unclosed left paren');
        i++;
        return { kind: 'pipeline', pipeline: inner };
      }
      case 'ident':
        return fail(`function "${t.name}" used as an argument; wrap it in parentheses`);
      default:
        return fail(`unexpected "${t.kind === 'pipe' ? '|' : ')'}" in operand`);
    }
  }

  function command(): Command {
    const first = tokens[i];
    if (first === undefined || first.kind === 'pipe' || first.kind === 'close') fail('missing value for command');
    if (first.kind === 'ident') {
      const name = first.name;
      if (KEYWORDS.has(name)) fail(`"${name}" is not supported here (supported: if, else, else if, end)`);
      if (!functions.has(name)) fail(`function "${name}" not defined`);
      i++;
      const args: Operand[] = [];
      while (i < tokens.length && tokens[i].kind !== 'pipe' && tokens[i].kind !== 'close') args.push(operand());
      return { kind: 'call', name, args };
    }
    if (
      first.kind === 'literal' &&
      first.value === undefined &&
      (tokens.length === i + 1 || tokens[i + 1].kind === 'pipe' || tokens[i + 1].kind === 'close')
    ) {
      fail('nil is not a command');
    }
    const single = operand();
    if (i < tokens.length && tokens[i].kind !== 'pipe' && tokens[i].kind !== 'close')
      fail("can't give an argument to a non-function");
    return { kind: 'operand', operand: single };
  }

  function pipeline(nested: boolean): Pipeline {
    const commands: Command[] = [command()];
    while (tokens[i]?.kind === 'pipe') {
      i++;
      commands.push(command());
    }
    if (!nested && i < tokens.length) fail('unexpected ")"');
    return commands;
  }

  if (tokens.length === 0) fail('missing value for command');
  return pipeline(false);
}

interface Frame {
  nodes: TemplateNode[];
  node?: Extract<TemplateNode, { kind: 'if' }>;
  inElse: boolean;
}

/** Parses a Go text/template (the subset documented for the template stage) into an AST. */
export function parseTemplate(source: string, functions: ReadonlySet<string>): TemplateNode[] {
  const root: TemplateNode[] = [];
  const stack: Frame[] = [{ nodes: root, inElse: false }];
  let pos = 0;
  let trimNext = false;
  const top = (): Frame => stack[stack.length - 1];
  while (pos < source.length) {
    const open = source.indexOf('{{', pos);
    let text = source.slice(pos, open < 0 ? undefined : open);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (open < 0) {
      if (text !== '') top().nodes.push({ kind: 'text', text });
      break;
    }
    let start = open + 2;
    if (source.startsWith('- ', start) || source.startsWith('-\t', start) || source.startsWith('-\n', start)) {
      text = text.replace(/\s+$/, '');
      start += 1;
    }
    if (text !== '') top().nodes.push({ kind: 'text', text });
    const close = findClose(source, start);
    if (close < 0) throw new TemplateSyntaxError(`template: unclosed action starting at offset ${open}`);
    let end = close;
    trimNext = false;
    if (/\s-$/.test(source.slice(start, close))) {
      end = close - 1;
      trimNext = true;
    }
    pos = close + 2;
    const body = source.slice(start, end).trim();
    if (body.startsWith('/*')) {
      if (!body.endsWith('*/')) throw new TemplateSyntaxError(`template: unclosed comment at offset ${open}`);
      continue;
    }
    const tokens = lexAction(body, start);
    const head = tokens[0];
    const keyword = head?.kind === 'ident' ? head.name : '';
    if (keyword === 'if') {
      const node: Extract<TemplateNode, { kind: 'if' }> = {
        kind: 'if',
        branches: [{ condition: parsePipeline(tokens.slice(1), functions, open), body: [] }],
        otherwise: [],
      };
      top().nodes.push(node);
      stack.push({ nodes: node.branches[0].body, node, inElse: false });
    } else if (keyword === 'else') {
      const frame = top();
      if (frame.node === undefined || frame.inElse)
        throw new TemplateSyntaxError(`template: unexpected {{else}} at offset ${open}`);
      if (tokens[1]?.kind === 'ident' && tokens[1].name === 'if') {
        const branch = { condition: parsePipeline(tokens.slice(2), functions, open), body: [] as TemplateNode[] };
        frame.node.branches.push(branch);
        frame.nodes = branch.body;
      } else {
        if (tokens.length > 1) throw new TemplateSyntaxError(`template: unexpected text after else at offset ${open}`);
        frame.nodes = frame.node.otherwise;
        frame.inElse = true;
      }
    } else if (keyword === 'end') {
      if (stack.length === 1) throw new TemplateSyntaxError(`template: unexpected {{end}} at offset ${open}`);
      if (tokens.length > 1) throw new TemplateSyntaxError(`template: unexpected text after end at offset ${open}`);
      stack.pop();
    } else {
      top().nodes.push({ kind: 'action', pipeline: parsePipeline(tokens, functions, open) });
    }
  }
  if (stack.length > 1) throw new TemplateSyntaxError('template: unexpected EOF (an {{if}} has no {{end}})');
  return root;
}

/** The `}}` closing an action, skipping quoted strings that may contain braces. */
function findClose(source: string, from: number): number {
  let i = from;
  while (i < source.length) {
    const c = source[i];
    if (c === '"') {
      i++;
      while (i < source.length && source[i] !== '"') i += source[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '`') {
      const end = source.indexOf('`', i + 1);
      if (end < 0) return -1;
      i = end + 1;
    } else if (c === '}' && source[i + 1] === '}') return i;
    else i++;
  }
  return -1;
}
