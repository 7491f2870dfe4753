import { Registry } from 'prom-client';
import type { Logger } from '../../component';
import { createMemoryConsumer } from '../../testing/memory-consumer';
import { GelfError } from './chunks';
import { gelfSourceConfig } from './config';
import { GelfIntake } from './intake';

describe('GelfIntake', () => {
  test('counts every dropped message by reason and logs the first of each reason in 10 s', async () => {
    const warnings: Record<string, unknown>[] = [];
    const logger: Logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: (_message, fields) => void warnings.push(fields ?? {}),
      error: () => undefined,
    };
    const registry = new Registry();
    const intake = new GelfIntake(gelfSourceConfig.parse({}), {
      id: 'sources.gelf',
      logger,
      registry,
      dataDir: '',
      next: createMemoryConsumer(),
    });
    intake.drop(new GelfError('invalid_json', 'invalid JSON: Unexpected end'));
    intake.drop(new GelfError('invalid_json', 'a GELF message is a JSON object'));
    intake.drop(new GelfError('too_large', 'message over max_message_bytes (10) skipped'), 3);
    const counts = (await registry.getSingleMetric('collector_source_dropped_lines_total')?.get())?.values ?? [];
    expect(Object.fromEntries(counts.map((v) => [v.labels.reason, v.value]))).toEqual({
      invalid_json: 2,
      too_large: 3,
    });
    expect(warnings).toEqual([
      { source: 'sources.gelf', reason: 'invalid_json', error: 'invalid JSON: Unexpected end' },
      { source: 'sources.gelf', reason: 'too_large', error: 'message over max_message_bytes (10) skipped' },
    ]);
  });
});
