/** A malformed OTLP payload; `path` names the field, e.g. `resourceSpans[0].scopeSpans[1].spans[2].traceId`. */
export class OtlpWireError extends Error {
  override readonly name = 'OtlpWireError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(path ? `${path}: ${reason}` : reason);
  }
}

/** `err` with `segment` prepended to its path. */
export function prefixPath(err: OtlpWireError, segment: string): OtlpWireError {
  const joined = err.path === '' ? segment : err.path.startsWith('[') ? segment + err.path : `${segment}.${err.path}`;
  return new OtlpWireError(joined, err.reason);
}

/** Re-throws `err` with `segment` prepended to its path, so the outermost catch reports the full field path. */
export function withPath(err: unknown, segment: string): never {
  if (err instanceof OtlpWireError) throw prefixPath(err, segment);
  throw err;
}

/** What protobufjs threw while decoding a request, as the 400 it answers. */
export function invalidProtobuf(err: unknown): OtlpWireError {
  if (err instanceof RangeError) return new OtlpWireError('', 'invalid protobuf: messages nested too deeply to decode');
  return new OtlpWireError('', `invalid protobuf: ${(err as Error).message}`);
}

/** What `read` returns, or the OtlpWireError it threw (other errors are thrown). */
export function caught<T>(read: () => T): T | OtlpWireError {
  try {
    return read();
  } catch (err) {
    if (err instanceof OtlpWireError) return err;
    throw err;
  }
}

/** Throws the problem found in a level's children, if any (for `levelFromWire`'s children). */
export function failed(problem: OtlpWireError | undefined): undefined {
  if (problem !== undefined) throw problem;
  return undefined;
}
