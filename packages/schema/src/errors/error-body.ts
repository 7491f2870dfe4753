import { z } from 'zod';

export const errorCodes = [
  'invalid_request',
  'body_too_large',
  'unsupported_media_type',
  'unauthorized',
  'not_found',
  'internal',
] as const;
export const ErrorCode = z.enum(errorCodes).describe('Machine-readable error code, one of a fixed catalogue');
export type ErrorCode = z.infer<typeof ErrorCode>;

export const Issue = z
  .object({
    path: z.string().describe('Dotted path of the failing field, e.g. items.3.type'),
    message: z.string().describe('What is wrong with that field'),
  })
  .strict()
  .describe('One validation issue');
export type Issue = z.infer<typeof Issue>;

export const ErrorBody = z
  .object({
    error: z
      .object({
        code: ErrorCode,
        message: z.string().describe('Human-readable message; never a stack trace or a secret'),
        request_id: z.string().describe('The request id (X-Request-Id), for finding the log line'),
        issues: z.array(Issue).optional().describe('Validation issues, for invalid_request'),
      })
      .strict()
      .describe('The error'),
  })
  .strict()
  .describe('The body of every error response');
export type ErrorBody = z.infer<typeof ErrorBody>;
