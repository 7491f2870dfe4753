import type { Labels } from '../../entry';

/** Renders a label set the way Loki and Prometheus write it: `{a="b", c="d"}`, names sorted. */
export function formatLabels(labels: Labels): string {
  const names = Object.keys(labels).sort();
  let out = '{';
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (i > 0) out += ', ';
    out += `${name}=${JSON.stringify(labels[name])}`;
  }
  return out + '}';
}

/** Loki/Prometheus label names: `[a-zA-Z_][a-zA-Z0-9_]*`. */
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const NAME_START = /[a-zA-Z_]/;
const NAME_CHAR = /[a-zA-Z0-9_]/;

/** Parses `{a="b", c="d"}`; throws an Error saying at which character the text went wrong. */
export function parseLabels(text: string): Labels {
  const labels: Labels = {};
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at character ${i + 1} of ${JSON.stringify(text)}`);
  };
  const skipSpace = (): void => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  skipSpace();
  if (text[i] !== '{') fail('expected "{"');
  i++;
  skipSpace();
  if (text[i] === '}') return (++i, skipSpace(), i === text.length ? labels : fail('unexpected text after "}"'));
  for (;;) {
    skipSpace();
    const start = i;
    if (!NAME_START.test(text[i] ?? '')) fail('expected a label name');
    while (i < text.length && NAME_CHAR.test(text[i])) i++;
    const name = text.slice(start, i);
    // A plain-object label set cannot hold it: refused rather than silently lost.
    if (name === '__proto__') {
      i = start;
      fail('the label name __proto__ is not accepted');
    }
    skipSpace();
    if (text[i] !== '=') fail('expected "="');
    i++;
    skipSpace();
    if (text[i] !== '"') fail('expected a quoted label value');
    const valueStart = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail('unterminated label value');
    i++;
    try {
      labels[name] = JSON.parse(text.slice(valueStart, i)) as string;
    } catch {
      fail(`invalid escape in the value of label ${name}`);
    }
    skipSpace();
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === '}') break;
    fail('expected "," or "}"');
  }
  i++;
  skipSpace();
  if (i !== text.length) fail('unexpected text after "}"');
  return labels;
}

/** Makes a name valid for Loki (`[a-zA-Z_][a-zA-Z0-9_]*`): other characters become `_`. */
export function sanitizeLabelName(name: string): string {
  if (LABEL_NAME.test(name)) return name;
  const replaced = name.replace(/[^a-zA-Z0-9_]/g, '_');
  return /^[0-9]/.test(replaced) ? `_${replaced}` : replaced || '_';
}
