import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

// A caller's id is echoed only when it is short and plain, so it can't smuggle anything into logs or headers.
const acceptable = /^[A-Za-z0-9._:-]{1,128}$/;

/** Takes X-Request-Id from the caller (or makes one), exposes it as res.locals.requestId and echoes it. */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const id = given !== undefined && acceptable.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.set('X-Request-Id', id);
    next();
  };
}
