import * as fs from 'node:fs';
import { parse } from 'yaml';
import type { Logger } from '../../component';
import type { FilePosition } from './positions';

export interface PromtailPositionsConfig {
  filename: string;
  ignore_invalid_yaml: boolean;
}

/**
 * The byte offsets in Promtail's positions file (`positions: { /path/file.log: "12345" }`) of the files `wanted` selects,
 * as positions of the files there now. Entries that are not byte offsets (journal cursors) are skipped.
 * A missing file is no hand-over; an unreadable one fails unless `ignore_invalid_yaml`, as in Promtail.
 */
export async function readPromtailPositions(
  config: PromtailPositionsConfig,
  wanted: (file: string) => boolean,
  logger: Logger,
): Promise<FilePosition[]> {
  let text: string;
  try {
    text = await fs.promises.readFile(config.filename, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  let offsets: Record<string, unknown>;
  try {
    const doc = parse(text) as { positions?: unknown } | null;
    const positions = doc?.positions ?? {};
    if (positions === null || typeof positions !== 'object' || Array.isArray(positions))
      throw new Error('`positions` is not a map');
    offsets = positions as Record<string, unknown>;
  } catch (err) {
    const message = `Promtail positions file ${config.filename} is not valid (${(err as Error).message.split('\n')[0]})`;
    if (!config.ignore_invalid_yaml)
      throw new Error(`${message}; set positions.ignore_invalid_yaml: true to start without it`);
    logger.warn(`${message}; ignored as ignore_invalid_yaml is set`);
    return [];
  }
  const out: FilePosition[] = [];
  for (const [file, value] of Object.entries(offsets)) {
    const offset =
      typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
    if (offset === undefined || !wanted(file)) continue;
    const st = await fs.promises.stat(file).catch(() => undefined);
    if (!st?.isFile()) continue;
    out.push({ path: file, dev: st.dev, ino: st.ino, offset, size: st.size });
  }
  return out;
}
