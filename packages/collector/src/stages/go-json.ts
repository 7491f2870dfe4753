// Promtail and Alloy write JSON with Go's encoding/json: map keys sorted, `<`, `>`, `&`, U+2028/9 escaped.
const GO_ESCAPED = /[<>&\u2028\u2029]/g;

const escape = (json: string): string =>
  json.replace(GO_ESCAPED, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A JSON string as Go's json.Marshal writes it. */
export function goJsonString(text: string): string {
  return escape(JSON.stringify(text));
}

/** A decoded JSON value as Go's json.Marshal writes it back (what its json stage makes of an object or a list). */
export function goJsonMarshal(value: unknown): string {
  return escape(JSON.stringify(value, (_key, v: unknown) => (isMap(v) ? sortedKeys(v) : v)));
}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function sortedKeys(map: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(map).sort()) out[key] = map[key];
  return out;
}
