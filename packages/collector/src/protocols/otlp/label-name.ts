const invalid = /[^a-zA-Z0-9_]/g;

/** OTLP attribute key -> Loki label name, as Loki's own OTLP ingestion does: `service.name` -> `service_name`. */
export function toLabelName(key: string): string {
  const name = key.replace(invalid, '_');
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** Memoises toLabelName: attribute keys repeat on every record, so each is sanitised once. */
export function createLabelNameCache(limit = 10_000): (key: string) => string {
  const cache = new Map<string, string>();
  return (key) => {
    let name = cache.get(key);
    if (name === undefined) {
      name = toLabelName(key);
      if (cache.size < limit) cache.set(key, name);
    }
    return name;
  };
}
