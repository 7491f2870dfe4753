import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { ErrorBody } from '@obs/schema';
import type { Logger } from 'winston';
import type { Redactor } from '../items/prepare';
import { ZodError } from 'zod';
import { HttpError } from '../errors';

/** What body-parser and raw-body reject a body with (http-errors): a status, and a type except for decompression errors. */
interface BodyReadError {
  status: number;
  type?: string;
  limit?: number;
  /** The text that failed to parse (body-parser attaches it). */
  body?: unknown;
}

function isBodyReadError(err: unknown): err is BodyReadError {
  return typeof err === 'object' && err !== null && typeof (err as BodyReadError).status === 'number';
}

// The encodings body-parser decodes; only these are named back, the header itself is the client's text.
const decodedEncodings = new Set(['gzip', 'deflate', 'br']);

/** Maps any error to the catalogue once, here; unknown errors become 500 internal, logged, never with a stack in the body. */
function toHttpError(err: unknown, req: Request, redactor: Redactor): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof ZodError) {
    // An issue can quote the client's own text (zod names an unrecognized key): redacted like everything that leaves.
    const clean = (text: string) => redactor.redact(text).text;
    return new HttpError(
      'invalid_request',
      'the request body failed validation',
      err.issues.map((i) => ({ path: clean(i.path.join('.')), message: clean(i.message) })),
    );
  }
  if (isBodyReadError(err)) {
    if (err.type === 'entity.too.large')
      return new HttpError(
        'body_too_large',
        `the request body exceeds the body limit of ${err.limit} bytes (BODY_LIMIT)`,
      );
    if (err.type === 'entity.parse.failed')
      return new HttpError(
        'invalid_request',
        isJsonScalar(err.body)
          ? 'the request body must be a JSON object, {"items": [...]}'
          : 'the request body is not valid JSON',
      );
    if (err.status === 415) return new HttpError('unsupported_media_type', 'unsupported body encoding or charset');
    const encoding = (req.get('content-encoding') ?? '').trim().toLowerCase();
    if (err.type === undefined && decodedEncodings.has(encoding)) {
      return new HttpError(
        'invalid_request',
        `the request body is not valid ${encoding} data (Content-Encoding: ${encoding}): it could not be decompressed`,
      );
    }
    if (err.status >= 400 && err.status < 500)
      return new HttpError('invalid_request', 'the request body could not be read');
  }
  return new HttpError('internal', undefined, undefined, { cause: err });
}

/** body-parser takes only objects and arrays: `null`, `5` or `"text"` are JSON it refuses, not broken JSON. */
function isJsonScalar(body: unknown): boolean {
  if (typeof body !== 'string' || /^\s*[[{]/.test(body)) return false;
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

export function errorHandler(deps: { logger: Logger; redactor: Redactor }): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const httpError = toHttpError(err, req, deps.redactor);
    const requestId = String(res.locals.requestId ?? '');
    if (httpError.code === 'internal') {
      deps.logger.error('unhandled error', {
        request_id: requestId,
        error: err instanceof Error ? err.message : 'unknown',
        stack: err instanceof Error ? err.stack : undefined,
      });
    }
    const body: ErrorBody = { error: { code: httpError.code, message: httpError.message, request_id: requestId } };
    if (httpError.issues) body.error.issues = [...httpError.issues];
    if (httpError.code === 'unauthorized') res.set('WWW-Authenticate', 'Bearer');
    res.status(httpError.status).json(body);
  };
}

export function notFound(): RequestHandler {
  return (_req, _res, next) => next(new HttpError('not_found'));
}
