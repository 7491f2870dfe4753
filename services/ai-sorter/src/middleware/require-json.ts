import type { RequestHandler } from 'express';
import { HttpError } from '../errors';

/** POST bodies must be JSON: anything else is 415 before the body is read. */
export function requireJson(): RequestHandler {
  return (req, _res, next) => {
    next(req.is('application/json') ? undefined : new HttpError('unsupported_media_type'));
  };
}
