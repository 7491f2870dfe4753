import { z } from 'zod';
import { ClassifyResult } from '@obs/schema';
import { SorterRequestError } from './errors';

// Results are checked strictly; other top-level fields (request_id, stats, future additions) are not the client's concern.
const ClassifyResponseWire = z.object({ results: z.array(ClassifyResult) });

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
