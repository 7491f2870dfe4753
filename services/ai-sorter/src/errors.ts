import type { ErrorCode, Issue } from '@obs/schema';

/** The one catalogue of client-facing errors: code -> HTTP status and default message. */
export const errorCatalogue: Readonly<Record<ErrorCode, { status: number; message: string }>> = Object.freeze({
  invalid_request: { status: 400, message: 'the request body is invalid' },
  unauthorized: { status: 401, message: 'a valid API key is required (Authorization: Bearer <key> or X-API-Key)' },
  not_found: { status: 404, message: 'no such route' },
  body_too_large: { status: 413, message: 'the request body exceeds the body limit' },
  unsupported_media_type: { status: 415, message: 'Content-Type must be application/json' },
  internal: { status: 500, message: 'internal error' },
});

export class HttpError extends Error {
  override name = 'HttpError';
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly issues?: readonly Issue[],
    options?: { cause?: unknown },
  ) {
    super(message ?? errorCatalogue[code].message, options);
    this.status = errorCatalogue[code].status;
  }
}

export type LlmErrorKind = 'http' | 'timeout' | 'connection' | 'aborted' | 'invalid_response' | 'rate_limited_locally';

/** Operational LLM failure: never reaches a client; the breaker ignores 4xx other than 429 and local limits. */
export class LlmError extends Error {
  override name = 'LlmError';
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get status(): number | undefined {
    return this.details.status;
  }

  /** True for failures that say nothing about the LLM's health (our request was wrong, we held it back, the client left). */
  get isNotLlmFailure(): boolean {
    if (this.kind === 'rate_limited_locally' || this.kind === 'aborted') return true;
    const s = this.details.status;
    return s !== undefined && s >= 400 && s < 500 && s !== 429;
  }
}
