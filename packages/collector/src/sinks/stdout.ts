import { z } from 'zod';
import type { ComponentDefinition, Sink } from '../component';
import type { LogBatch } from '../entry';
import { ShutdownError } from '../errors';
import { createSinkMetrics } from '../delivery/sink-metrics';
import { formatNdjsonEntry, formatTextEntry } from './ndjson-entry';

export const stdoutSinkConfig = z
  .object({
    format: z
      .enum(['json', 'text'])
      .default('json')
      .describe('json: NDJSON like the file sink; text: `<ts> {labels} line` for people'),
  })
  .strict();

export type StdoutSinkConfig = z.infer<typeof stdoutSinkConfig>;

export const stdoutSinkDefinition: ComponentDefinition<StdoutSinkConfig, Sink> = {
  type: 'stdout',
  description: 'Writes every entry to standard output, as NDJSON or as text',
  config: stdoutSinkConfig,
  create(config, ctx) {
    return createStdoutSink(ctx.id, config, process.stdout, createSinkMetrics(ctx.registry, ctx.id));
  },
};

/** consume() resolves when the stream took the text (waits for 'drain' under back pressure). */
export function createStdoutSink(
  id: string,
  config: StdoutSinkConfig,
  out: NodeJS.WritableStream,
  metrics: ReturnType<typeof createSinkMetrics>,
): Sink {
  const format = config.format === 'json' ? formatNdjsonEntry : formatTextEntry;
  let stopping = false;
  return {
    id,
    async start() {},
    async consume(batch: LogBatch) {
      if (stopping) throw new ShutdownError(`sink ${id} is shutting down`);
      let text = '';
      for (const entry of batch.entries) text += format(entry);
      await new Promise<void>((resolve, reject) => out.write(text, (err) => (err ? reject(err) : resolve())));
      metrics.sentEntries.inc(batch.entries.length);
      metrics.sentBytes.inc(text.length);
    },
    async shutdown() {
      stopping = true;
    },
  };
}
