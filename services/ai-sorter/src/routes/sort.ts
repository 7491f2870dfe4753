import type { RequestHandler } from 'express';
import {
  createSortRequestSchema,
  type Severity,
  type SortClassification,
  type SortItem,
  type SortResponse,
} from '@obs/schema';
import type { Redactor } from '../items/prepare';
import type { Admission } from '../middleware/admission';
import type { Sorter } from '../sorter';
import { clientSignal } from './client-signal';

// The seed had three levels: our error joins critical (both page someone), debug joins info.
const seedCategory: Record<Severity, SortClassification['category']> = {
  critical: 'critical',
  error: 'critical',
  warning: 'warning',
  info: 'info',
  debug: 'info',
};

// Seed item types map onto ours; the seed said "trace" for a span.
const itemType = { log: 'log', metric: 'metric', trace: 'span', event: 'event' } as const;

/** POST /sort: the seed sorter's contract, answered by the same sorter; echoed items are the redacted ones. */
export function sortRoute(deps: {
  sorter: Sorter;
  admission: Admission;
  redactor: Redactor;
  maxBatchItems: number;
}): RequestHandler {
  const schema = createSortRequestSchema(deps.maxBatchItems);
  return async (req, res) => {
    const body = schema.parse(req.body);
    const items = body.items.map((item) => ({ type: itemType[item.type], payload: item.content }));
    const onPrepared = () => deps.admission.release(res);
    const { results, stats } = await deps.sorter.sort(items, {
      signal: clientSignal(res),
      requestId: String(res.locals.requestId),
      onPrepared,
    });
    // The echoed contents are redacted as one batch of records.
    const contents = deps.redactor.redactRecords(body.items.map((item) => item.content));
    const answer: SortResponse = {
      items: body.items.map((item, i) => {
        const r = results[i];
        const content = contents[i];
        // sort() answers every item in order; the guard only satisfies the type checker.
        if (!r || !content) throw new Error('sorter returned fewer results than items');
        const echoed: SortItem = { type: item.type, content: content.value as SortItem['content'] };
        if (item.timestamp !== undefined) echoed.timestamp = item.timestamp;
        return {
          item: echoed,
          classification: {
            category: seedCategory[r.severity],
            forward_to: r.forward_to,
            confidence: r.confidence,
            reasoning: r.reason,
          },
          processing_time_ms: stats.duration_ms,
        };
      }),
      request_id: body.request_id ?? String(res.locals.requestId),
      total_processing_time_ms: stats.duration_ms,
      success_count: results.length,
      failure_count: 0,
    };
    res.json(answer);
  };
}
