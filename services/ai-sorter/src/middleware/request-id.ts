import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Redactor } from '@obs/pii';

// A caller's id is echoed only when it is short and plain, so it can't smuggle anything into logs or headers.
const acceptable = /^[A-Za-z0-9._:-]{1,128}$/;

/** Whether the redactor finds nothing in a caller's id (a token, an email, an address): only such an id is echoed. */
export function isPlainId(redactor: Redactor, id: string): boolean {
  return redactor.redact(id).text === id;
}

/**
 * Takes X-Request-Id from the caller (or makes one), exposes it as res.locals.requestId and echoes it. A given id
 * in which the redactor finds anything (a token, an email, an address) is replaced by a new one, never logged.
 */
export function requestId(redactor: Redactor): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const plain = given !== undefined && acceptable.test(given) && isPlainId(redactor, given);
    const id = plain ? given : randomUUID();
    res.locals.requestId = id;
    res.set('X-Request-Id', id);
    next();
  };
}
