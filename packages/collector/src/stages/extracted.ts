/** An extracted value as a string, the way Alloy's getString converts it; undefined for maps, lists and null. */
export function extractedString(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string': return value;
    case 'number':
    case 'boolean':
    case 'bigint': return String(value);
    default: return undefined;
  }
}
