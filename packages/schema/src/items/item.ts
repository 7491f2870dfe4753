import { z } from 'zod';
import { JsonObject, jsonTypeOf, maxNestingDepth, stringOrObject } from './json-value';

export const itemTypes = ['log', 'span', 'metric', 'event'] as const;
export const ItemType = z
  .enum(itemTypes)
  .describe('What kind of telemetry the item is: log line, span, metric sample or event');
export type ItemType = z.infer<typeof ItemType>;

export const ItemId = z
  .string()
  .min(1)
  .max(256)
  .describe(
    'Caller-chosen id, unique within the batch; results are matched to items by this id (assigned when absent)',
  );

const Attributes = JsonObject;

const Payload = stringOrObject().describe(
  `The message: a string, or an object whose "message"/"msg"/"body" field (or its JSON) is classified; objects nest at most ${maxNestingDepth} deep`,
);

/** One item of a /classify batch: a log line, span, metric sample or event. */
export const Item = z
  .object({
    id: ItemId.optional(),
    type: ItemType,
    body: Payload.optional().describe(
      'The message (OpenTelemetry log body, span name, metric description, event text)',
    ),
    content: Payload.optional().describe('Alias of body, as the seed sorter called it; give body or content, not both'),
    attributes: Attributes.optional().describe(
      `Key/value attributes of the item (redacted before use); nested at most ${maxNestingDepth} deep`,
    ),
    resource: Attributes.optional().describe(
      `Resource attributes (service.name, host.name, ...); nested at most ${maxNestingDepth} deep`,
    ),
    timestamp: z
      .union([z.string().min(1), z.number()], {
        error: (issue) => `expected an RFC 3339 string or a Unix epoch number, got ${jsonTypeOf(issue.input)}`,
      })
      .optional()
      .describe('When it happened: RFC 3339 string or Unix epoch number (passed through, not interpreted)'),
  })
  .strict()
  .superRefine((item, ctx) => {
    const given = Number(item.body !== undefined) + Number(item.content !== undefined);
    if (given !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: given === 0 ? ['body'] : ['content'],
        message: given === 0 ? 'one of body or content is required' : 'give body or content, not both',
      });
    }
  })
  .describe('A telemetry item to classify');
export type Item = z.infer<typeof Item>;
