import type { RequestHandler } from 'express';
import {
  createSortRequestSchema,
  type Severity,
  type SortClassification,
  type SortItem,
  type SortResponse,
} from '@obs/schema';
import type { RedactedItem } from '../classifiers/classifier';
import type { Redactor } from '../items/prepare';
import type { Admission } from '../middleware/admission';
import { isPlainId } from '../middleware/request-id';
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

/** An item as the sorter's per-item step redacted it: a string content is the redacted line, an object content (sent
 * without attributes) the redacted record its fields became. */
function echoOf(item: SortItem, prepared: RedactedItem): SortItem {
  const content = typeof item.content === 'string' ? prepared.text : prepared.attributes;
  // The per-item step redacts every object payload as a record; a gap here is a programming error.
  if (content === undefined) throw new Error('a structured content came back without its redacted record');
  const echoed: SortItem = { type: item.type, content: content as SortItem['content'] };
  if (prepared.timestamp !== undefined) echoed.timestamp = prepared.timestamp;
  return echoed;
}

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
    const items = body.items.map((item) => ({
      type: itemType[item.type],
      payload: item.content,
      timestamp: item.timestamp,
    }));
    const onPrepared = () => deps.admission.release(res);
    const requestId = String(res.locals.requestId);
    const {
      results,
      stats,
      items: prepared,
    } = await deps.sorter.sort(items, {
      signal: clientSignal(res),
      requestId,
      onPrepared,
    });
    const answer: SortResponse = {
      items: body.items.map((item, i) => {
        const r = results[i];
        const p = prepared[i];
        // sort() answers every item in order; the guard only satisfies the type checker.
        if (!r || !p) throw new Error('sorter returned fewer results than items');
        return {
          item: echoOf(item, p),
          classification: {
            category: seedCategory[r.severity],
            forward_to: r.forward_to,
            confidence: r.confidence,
            reasoning: r.reason,
          },
          processing_time_ms: stats.duration_ms,
        };
      }),
      // A caller's request_id is echoed like an X-Request-Id: only when the redactor finds nothing in it.
      request_id:
        body.request_id !== undefined && isPlainId(deps.redactor, body.request_id) ? body.request_id : requestId,
      total_processing_time_ms: stats.duration_ms,
      success_count: results.length,
      failure_count: 0,
    };
    res.json(answer);
  };
}
