/** A place in a config file where something is wrong. */
export interface ConfigIssue {
  file: string;
  line: number;
  col: number;
  path: string;
  message: string;
}

/** Raised at startup only; the CLI prints every issue and exits non-zero. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly issues: ConfigIssue[]) {
    super(issues.map(formatIssue).join('\n'));
  }
}

export function formatIssue(issue: ConfigIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.col}` : issue.file;
  return `${where} ${issue.path ? issue.path + ': ' : ''}${issue.message}`;
}

/** The next step could not take the batch now; the same batch may succeed later. */
export class RetryableError extends Error {
  override readonly name: string = 'RetryableError';
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A bounded queue is full under `overflow: block`; sources answer 429 with Retry-After. */
export class QueueFullError extends RetryableError {
  override readonly name = 'QueueFullError';
  /** `room`: resolves when the queue next delivers something (or after a while), for in-process callers to retry then. */
  constructor(
    message: string,
    retryAfterMs: number,
    readonly room?: Promise<void>,
  ) {
    super(message, retryAfterMs);
  }
}

/** The batch can never succeed (malformed, rejected by the backend with 4xx); never retried. */
export class PermanentError extends Error {
  override readonly name = 'PermanentError';
}

/** The collector is shutting down and takes no new data. */
export class ShutdownError extends Error {
  override readonly name = 'ShutdownError';
  constructor(message = 'collector is shutting down') {
    super(message);
  }
}

/** A request a receiver refuses, with the HTTP status to answer (400, 404, 405, 413, 415); its message is safe to send back. */
export class ProtocolError extends Error {
  override readonly name: string = 'ProtocolError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The one place errors become HTTP status codes. */
export function toHttpStatus(err: unknown): number {
  if (err instanceof ProtocolError) return err.status;
  if (err instanceof QueueFullError) return 429;
  if (err instanceof ShutdownError) return 503;
  if (err instanceof RetryableError) return 503;
  if (err instanceof PermanentError) return 400;
  return 500;
}

/** The one place errors become gRPC status codes (values of grpc.status). */
export function toGrpcStatus(err: unknown): number {
  if (err instanceof ProtocolError) return grpcStatusOfHttp(err.status);
  if (err instanceof QueueFullError) return 8; // RESOURCE_EXHAUSTED
  if (err instanceof ShutdownError || err instanceof RetryableError) return 14; // UNAVAILABLE
  if (err instanceof PermanentError) return 3; // INVALID_ARGUMENT
  return 13; // INTERNAL
}

// The gRPC code of an HTTP status, as the OpenTelemetry Collector maps them (OTLP/HTTP error bodies carry it).
function grpcStatusOfHttp(status: number): number {
  if (status === 400 || status === 413) return 3; // INVALID_ARGUMENT
  if (status === 429) return 8; // RESOURCE_EXHAUSTED
  if (status === 502 || status === 503 || status === 504) return 14; // UNAVAILABLE
  if (status === 404 || status === 405 || status === 415) return 12; // UNIMPLEMENTED
  return 13; // INTERNAL
}

/** Retry-After seconds to announce with a 429/503, rounded up. */
export function retryAfterSeconds(err: unknown, fallbackMs = 1000): number {
  const ms = err instanceof RetryableError && err.retryAfterMs !== undefined ? err.retryAfterMs : fallbackMs;
  return Math.max(1, Math.ceil(ms / 1000));
}

/** A state the collector's own code rules out (the schema checked it, the lifecycle set it): a bug, never bad input. */
export class InvariantError extends Error {
  override readonly name = 'InvariantError';
}

/** `value`, which the invariant named by `what` guarantees is there; throws InvariantError naming it when it is not. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new InvariantError(`${what} is missing`);
  return value;
}
