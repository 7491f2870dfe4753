import { jsonText } from '@obs/schema';

// Promtail and Alloy write JSON with Go's encoding/json: map keys sorted, `<`, `>`, `&`, U+2028/9 escaped.
const GO_ESCAPED = /[<>&\u2028\u2029]/g;

const escape = (json: string): string =>
  json.replace(GO_ESCAPED, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A JSON string as Go's json.Marshal writes it. */
export function goJsonString(text: string): string {
  return escape(JSON.stringify(text));
}

/** A decoded JSON map or list as Go's json.Marshal writes it back (what its json stage makes of one), at any depth. */
export function goJsonMarshal(value: object): string {
  return escape(jsonText(value, { sortKeys: true }));
}
