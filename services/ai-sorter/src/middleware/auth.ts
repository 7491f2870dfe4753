import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from '../errors';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** When keys are configured, requires one as `Authorization: Bearer <key>` or `X-API-Key`; compared in constant time. */
export function requireApiKey(keys: readonly string[]): RequestHandler {
  // Comparing fixed-length digests keeps the time independent of the key's length and content.
  const digests = keys.map(digest);
  return (req, _res, next) => {
    if (digests.length === 0) return next();
    const bearer = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '')?.[1];
    const presented = bearer ?? req.get('x-api-key');
    if (!presented) return next(new HttpError('unauthorized'));
    const candidate = digest(presented.trim());
    let ok = false;
    for (const d of digests) ok = timingSafeEqual(candidate, d) || ok;
    next(ok ? undefined : new HttpError('unauthorized'));
  };
}
