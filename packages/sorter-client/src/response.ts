import { z } from 'zod';
import { Category, DecidedBy, ForwardTo, Severity } from '@obs/schema';
import { SorterRequestError } from './errors';
import type { ClassifyResult } from './types';

// Only the fields the client relies on; unknown fields (batch stats, future additions) are ignored.
const ClassifyResultWire = z.object({
  id: z.string(),
  severity: Severity,
  category: Category,
  forward_to: ForwardTo,
  confidence: z.number().min(0).max(1),
  decided_by: DecidedBy,
  reason: z.string(),
  template: z.object({ id: z.string(), text: z.string() }),
});
const ClassifyResponseWire = z.object({ results: z.array(ClassifyResultWire) });

/** Parses a 200 body from POST /classify; a body of the wrong shape is the sorter's fault and counts against it. */
export function parseClassifyResponse(text: string): ClassifyResult[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SorterRequestError('sorter answered with malformed JSON', 'bad_response');
  }
  const parsed = ClassifyResponseWire.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? first.path.join('.') : '';
    throw new SorterRequestError(`sorter answered with an unexpected shape at ${where || '(root)'}`, 'bad_response');
  }
  return parsed.data.results;
}
