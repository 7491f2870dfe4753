import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorBody } from '@obs/schema';
import type { Logger } from 'winston';
import { ZodError } from 'zod';
import { HttpError } from '../errors';

interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(err: unknown): err is BodyParserError {
  return typeof err === 'object' && err !== null && typeof (err as BodyParserError).type === 'string' && typeof (err as BodyParserError).status === 'number';
}

/** Maps any error to the catalogue once, here; unknown errors become 500 internal, logged, never with a stack in the body. */
function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof ZodError) {
    return new HttpError(
      'invalid_request',
      'the request body failed validation',
      err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  if (isBodyParserError(err)) {
    if (err.type === 'entity.too.large') return new HttpError('body_too_large');
    if (err.type === 'entity.parse.failed') return new HttpError('invalid_request', 'the request body is not valid JSON');
    if (err.status === 415) return new HttpError('unsupported_media_type', 'unsupported body encoding or charset');
    if (err.status >= 400 && err.status < 500) return new HttpError('invalid_request', 'the request body could not be read');
  }
  return new HttpError('internal', undefined, undefined, { cause: err });
}

export function errorHandler(deps: { logger: Logger }): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const httpError = toHttpError(err);
    const requestId = String(res.locals.requestId ?? '');
    if (httpError.code === 'internal') {
      deps.logger.error('unhandled error', { request_id: requestId, error: err instanceof Error ? err.message : 'unknown', stack: err instanceof Error ? err.stack : undefined });
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
