/** An extracted value as Alloy's getString() renders it; undefined for maps, lists, null and missing values. */
export function extractedString(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      // Go's FormatFloat(v, 'f', -1): never exponent notation.
      return Number.isInteger(value) || Math.abs(value) >= 1e-6 ? String(value) : value.toFixed(20).replace(/0+$/, '');
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return undefined;
  }
}
