import type { RequestHandler } from 'express';
import { createClassifyRequestSchema, type ClassifyResponse } from '@obs/schema';
import type { Admission } from '../middleware/admission';
import type { Sorter } from '../sorter';
import { clientSignal } from './client-signal';

/** POST /classify: validate, classify, answer one result per item matched by id. */
export function classifyRoute(deps: { sorter: Sorter; admission: Admission; maxBatchItems: number }): RequestHandler {
  const schema = createClassifyRequestSchema(deps.maxBatchItems);
  return async (req, res) => {
    const body = schema.parse(req.body);
    const items = body.items.map((item) => ({
      id: item.id,
      type: item.type,
      // The schema guarantees exactly one of body and content.
      payload: (item.body ?? item.content) as string | Record<string, unknown>,
      attributes: item.attributes,
    }));
    const onPrepared = () => deps.admission.release(res);
    const { results, stats } = await deps.sorter.sort(items, {
      signal: clientSignal(res),
      requestId: String(res.locals.requestId),
      onPrepared,
    });
    const answer: ClassifyResponse = { request_id: String(res.locals.requestId), results, stats };
    res.json(answer);
  };
}
