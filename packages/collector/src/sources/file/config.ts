import { z } from 'zod';
import { textCodec } from './encoding';

const target = z
  .object({
    __path__: z
      .string()
      .min(1)
      .describe(
        "Glob of files to tail (Promtail's doublestar: `*`, `?`, `**`, `[0-9]`, `{a,b}`); relative paths are resolved from the config file's folder",
      ),
    __path_exclude__: z
      .string()
      .min(1)
      .optional()
      .describe('Glob of files not to tail among those `__path__` matches, same syntax'),
  })
  .catchall(z.string())
  .describe('Files to tail; every other key is a label added to their lines');

export const fileSourceConfig = z
  .object({
    targets: z.array(target).min(1).describe('Globs with their labels, as in Alloy (`__path__` plus labels)'),
    tail_from_end: z
      .boolean()
      .default(false)
      .describe('Start files without a saved position at their end instead of their beginning'),
    poll_interval_ms: z
      .number()
      .int()
      .positive()
      .default(250)
      .describe('How often an idle file is checked for new data (fs.watch events wake it sooner)'),
    sync_period_ms: z
      .number()
      .int()
      .positive()
      .default(10_000)
      .describe('How often the globs are expanded again to pick up new files'),
    encoding: z
      .string()
      .refine((name) => textCodec(name) !== undefined, {
        message:
          'unknown encoding (expected a name such as UTF-8, UTF-16, UTF-16LE, ISO-8859-1, windows-1252, Shift_JIS)',
      })
      .optional()
      .describe(
        "The files' text encoding (IANA name, as Promtail's `encoding`); lines are decoded to UTF-8. `UTF-16` follows the file's byte order mark",
      ),
    max_line_size_bytes: z
      .number()
      .int()
      .positive()
      .default(256 * 1024)
      .describe('Longer lines are cut to this size and counted in collector_source_truncated_lines_total'),
    // A batch's entries stay alive until the sink has encoded it: batches much larger than V8's young generation
    // get promoted (1 MiB batches: 215 MiB peak RSS over 1M lines, 64 KiB: 121 MiB, bench/collector/README.md).
    read_chunk_bytes: z
      .number()
      .int()
      .positive()
      .default(64 * 1024)
      .describe('Most bytes read (and handed on as one batch) per step'),
    promtail_positions: z
      .object({
        filename: z.string().min(1).describe("Promtail's positions.yaml"),
        ignore_invalid_yaml: z
          .boolean()
          .default(false)
          .describe('Start without it when it cannot be read, instead of failing'),
      })
      .strict()
      .optional()
      .describe(
        'On the first start (no positions of its own yet), continue each file at the byte offset Promtail saved for it',
      ),
    removed_file_grace_ms: z
      .number()
      .int()
      .min(0)
      .default(5000)
      .describe(
        'How long a file whose path vanished is still watched for late writes before it is closed and its position forgotten',
      ),
  })
  .strict();

export type FileSourceConfig = z.infer<typeof fileSourceConfig>;
