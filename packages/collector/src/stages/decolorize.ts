import { z } from 'zod';
import type { LogEntry } from '../entry';
import type { Stage, StageDefinition } from './stage';

// ANSI escape sequences (colors, cursor movement, OSC titles), the same set Loki's decolorize removes.
const ANSI =
  /[\u001B\u009B][[\]()#;?]*(?:(?:(?:[a-zA-Z\d]*(?:;[a-zA-Z\d]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PRZcf-ntqry=><~]))/g;

const config = z.object({}).strict();

export type DecolorizeStageConfig = z.infer<typeof config>;

class DecolorizeStage implements Stage {
  process(entry: LogEntry, out: LogEntry[]): void {
    // indexOf first: most lines have no escape at all, and then the line is left as the same string.
    if (entry.line.indexOf('\u001B') >= 0 || entry.line.indexOf('\u009B') >= 0)
      entry.line = entry.line.replace(ANSI, '');
    out.push(entry);
  }
}

export const decolorizeStage: StageDefinition<DecolorizeStageConfig> = {
  type: 'decolorize',
  description: 'Removes ANSI color and terminal escape codes from the line.',
  config,
  create: () => new DecolorizeStage(),
};
