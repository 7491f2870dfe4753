import { candidate, keepAsIs, type Candidate, type Detector } from './detector';
import { isPlaceholderValue, isSecretKey, isSessionCookieName } from './secret-kv';
import { isShortSecret } from './secret-key-words';
import { stringPositions, type StringPositions } from './line-facts';
import { namedCredential } from './secret-position';

/**
 * A setting given as a name/value pair, whatever the product: one field names it and a sibling holds its value, so the
 * value is a secret when its name names one. In a JSON object, in any order and with other fields between
 * (`{"name":"DB_PASSWORD","value":"…"}`, `{"fieldName":"Password","itemValue":"…"}`, `{"id":"cvv",…,"value":"418"}`,
 * a cookie jar's `{"name":"__Host-session","value":"…"}`), and as attributes, pairs or flags written one after the other
 * (`<add key="smtp.password" value="…"/>`, `Key=api_token,Value=…`, `--name SENTRY_AUTH_TOKEN --value …`,
 * `setCookie name=session_id value=…`). The name decides: a secret-named key, a short secret with its shape (a PIN's
 * digits), or a session cookie holding a generated value.
 */

// The field that holds the value (`value`, `itemValue`, `parameterValue`, `secretValue`), found by its word; the text is
// searched for `value` only (every pair has it), then looked at around it.
const valueField = /value\\?"\s*:\s*\\?"/gi;
const valueFieldName = /(?:^|[^\w])(?:item|parameter|secret|field)?$/i;
const jsonString = /\\?"((?:[^"\\\n]|\\(?!"))*)\\?"/y;
// The fields that name it.
const nameField =
  /\\?"(?:name|key|id|_id|field|field_?name|item_?name|label|parameter_?(?:name|key)|variable)\\?"\s*:\s*\\?"((?:[^"\\\n]|\\(?!"))+)\\?"/gi;

// Written one after the other: the name, then `value` right after it.
const textValue = /(?<![\w-])-{0,2}value(?:\s*=\s*|[ \t]+)(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"',;&<>)\]}]+))/gi;
const textNameBefore =
  /(?<![\w-])-{0,2}(?:name|key)(?:\s*=\s*|[ \t]+)(?:"([^"\n]+)"|'([^'\n]+)'|([\w.:-]+))[ \t]*[,;]?[ \t]*$/i;

/** True when a field's name makes its value a secret. */
function namesSecret(name: string, value: string): boolean {
  if (value === '' || isPlaceholderValue(value)) return false;
  return isSecretKey(name) || isShortSecret(name, value) || (isSessionCookieName(name) && namedCredential(value));
}

/** A JSON object: its `{` and `}`, and the names its name fields hold. */
interface JsonObject {
  open: number;
  close: number;
  names: string[];
}

/**
 * The JSON object around [start, end), from its `{` to its `}` when no other brace stands between; each object is read
 * once however many values it holds (`{"value":"x",` repeated over 192 KB read it once per value: 10 s).
 */
function objectAround(
  text: string,
  braces: StringPositions,
  objects: Map<number, JsonObject>,
  start: number,
  end: number,
): JsonObject | undefined {
  const open = braces.lastBefore('{', start + 1);
  const close = braces.nextFrom('}', end);
  if (open === -1 || close === -1 || braces.lastBefore('}', start + 1) > open) return undefined;
  const nextOpen = braces.nextFrom('{', end);
  if (nextOpen !== -1 && nextOpen < close) return undefined;
  let object = objects.get(open);
  if (object === undefined || object.close !== close) {
    object = { open, close, names: namesIn(text, open, close) };
    objects.set(open, object);
  }
  return object;
}

/** The distinct names the name fields of text[open, close) hold, in their order. */
function namesIn(text: string, open: number, close: number): string[] {
  const fields = text.slice(open, close);
  const names = new Set<string>();
  nameField.lastIndex = 0;
  for (let n = nameField.exec(fields); n !== null; n = nameField.exec(fields)) names.add(n[1] as string);
  return [...names];
}

function findInJson(text: string, out: Candidate[]): void {
  const braces = stringPositions(text, ['{', '}']);
  const objects = new Map<number, JsonObject>();
  valueField.lastIndex = 0;
  for (let m = valueField.exec(text); m !== null; m = valueField.exec(text)) {
    // The field's name is `value` or a prefix and `value`, in quotes (`"value"`, `\"itemValue\"`).
    const keyEnd = m.index;
    const quote = text.lastIndexOf('"', keyEnd);
    if (quote === -1 || !valueFieldName.test(text.slice(quote + 1, keyEnd))) continue;
    jsonString.lastIndex = m.index + m[0].length - (text[m.index + m[0].length - 2] === '\\' ? 2 : 1);
    const held = jsonString.exec(text);
    if (held === null) continue;
    const value = held[1] as string;
    const valueStart = held.index + held[0].indexOf(value);
    const object = objectAround(text, braces, objects, quote, held.index + held[0].length);
    if (object === undefined || !object.names.some((name) => namesSecret(name, value))) continue;
    out.push(candidate('secret_kv', valueStart, valueStart + value.length, object.open, object.close + 1));
  }
}

function findInText(text: string, out: Candidate[]): void {
  textValue.lastIndex = 0;
  for (let m = textValue.exec(text); m !== null; m = textValue.exec(text)) {
    const named = textNameBefore.exec(text.slice(Math.max(0, m.index - 160), m.index));
    if (named === null) continue;
    const name = named[1] ?? named[2] ?? (named[3] as string);
    const value = m[1] ?? m[2] ?? (m[3] as string);
    if (!namesSecret(name, value)) continue;
    const end = m.index + m[0].length - (m[3] === undefined ? 1 : 0);
    out.push(candidate('secret_kv', end - value.length, end, m.index - named[0].length, m.index + m[0].length));
  }
}

export function createNameValuePairDetector(): Detector {
  return {
    type: 'secret_kv',
    keywordGroups: [['value']],
    mayMatch: (text) => /value/i.test(text),
    find(text: string, out: Candidate[]): void {
      if (text.includes('"')) findInJson(text, out);
      findInText(text, out);
    },
    normalize: keepAsIs,
  };
}
