import { z } from 'zod';
import type { LogEntry } from '../entry';
import { stageDefinitions } from '../stages/registry';
import type { StageDefinition } from '../stages/stage';
import { expectStageCompliance } from './stage-compliance';

// Deliberately broken stages, registered only in this test file's module registry, to prove the checker catches them.
function register(
  type: string,
  process: (entry: LogEntry, out: LogEntry[], counters: { dropped(reason: string): { inc(): void } }) => void,
): void {
  const definition: StageDefinition<Record<string, never>> = {
    type,
    description: `test-only stage: ${type}`,
    config: z.strictObject({}),
    create: (_config, ctx) => ({ process: (entry, out) => process(entry, out, ctx.counters) }),
  };
  stageDefinitions[type] = definition;
}

register('test_throws_on_empty', (entry, out) => {
  if (entry.line === '') throw new Error('empty line');
  out.push(entry);
});
register('test_drops_silently', (entry, out) => {
  if (entry.line.length > 10) out.push(entry);
});
register('test_touches_labels', (entry, out) => {
  entry.labels.touched = 'yes';
  out.push(entry);
});
register('test_drops_and_counts', (entry, out, counters) => {
  if (entry.line.length > 10) out.push(entry);
  else counters.dropped('short').inc();
});

// Its batch path keeps only every other entry, where process keeps them all.
stageDefinitions.test_batch_differs = {
  type: 'test_batch_differs',
  description: 'test-only stage: test_batch_differs',
  config: z.strictObject({}),
  create: () => ({
    process: (entry: LogEntry, out: LogEntry[]) => out.push(entry),
    processBatch: (entries: readonly LogEntry[], out: LogEntry[]) =>
      entries.forEach((e, i) => i % 2 === 0 && out.push(e)),
  }),
} satisfies StageDefinition<Record<string, never>>;

// Its in-place batch path sets a label that process does not.
stageDefinitions.test_update_differs = {
  type: 'test_update_differs',
  description: 'test-only stage: test_update_differs',
  config: z.strictObject({}),
  create: () => ({
    process: (entry: LogEntry, out: LogEntry[]) => out.push(entry),
    updateBatch: (entries: readonly LogEntry[]) => entries.forEach((e) => (e.labels.batch = 'yes')),
  }),
} satisfies StageDefinition<Record<string, never>>;

describe('expectStageCompliance', () => {
  test.each([
    ['fails a stage that throws on odd input', 'test_throws_on_empty', []],
    ['fails a stage that drops entries without counting them', 'test_drops_silently', []],
    ['fails a stage that changes a field it did not declare', 'test_touches_labels', []],
    ['fails a stage whose batch path differs from its per-entry path', 'test_batch_differs', []],
    ['fails a stage whose in-place batch path differs from its per-entry path', 'test_update_differs', ['labels']],
  ] as const)('%s', async (_name, type, mayChange) => {
    await expect(expectStageCompliance(`- ${type}: {}`, { mayChange })).rejects.toThrow();
  });

  test('passes a stage that counts its drops and declares what it changes', async () => {
    await expect(expectStageCompliance('- test_drops_and_counts: {}', { mayChange: [] })).resolves.toBeUndefined();
    await expect(
      expectStageCompliance('- test_touches_labels: {}', { mayChange: ['labels'] }),
    ).resolves.toBeUndefined();
  });
});
