/** A malformed OTLP payload; `path` names the field, e.g. `resourceSpans[0].scopeSpans[1].spans[2].traceId`. */
export class OtlpWireError extends Error {
  override readonly name = 'OtlpWireError';
  constructor(readonly path: string, readonly reason: string) {
    super(path ? `${path}: ${reason}` : reason);
  }
}

/** Re-throws `err` with `segment` prepended to its path, so the outermost catch reports the full field path. */
export function withPath(err: unknown, segment: string): never {
  if (err instanceof OtlpWireError) {
    const joined = err.path === '' ? segment : err.path.startsWith('[') ? segment + err.path : `${segment}.${err.path}`;
    throw new OtlpWireError(joined, err.reason);
  }
  throw err;
}
