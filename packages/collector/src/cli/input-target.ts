import * as path from 'node:path';
import type { CollectorConfig } from '../schema/collector-config';
import type { Labels } from '../entry';
import type { FileSourceConfig } from '../sources/file/config';
import { compileExclude, compileGlob } from '../sources/file/glob';

/** What a file source feeding a pipeline would make of a file: its lines' labels and the file's encoding. */
export interface InputTarget {
  labels: Labels;
  encoding?: string;
}

/**
 * The labels a file source feeding `pipeline` would give the lines of `file` (its target's labels plus `filename`)
 * and that source's encoding, so `dry-run --input` shows what `run` would send; none when no such target matches the file.
 */
export function inputTarget(config: CollectorConfig, pipeline: string, file: string): InputTarget {
  const absolute = path.resolve(file);
  for (const source of config.sources) {
    if (source.type !== 'file' || !source.forward_to.includes(`pipelines.${pipeline}`)) continue;
    const { targets, encoding } = source.config as FileSourceConfig;
    for (const { __path__, __path_exclude__, ...labels } of targets) {
      if (compileGlob(__path__).matches(absolute) && !compileExclude(__path_exclude__)?.(absolute))
        return { labels: { ...labels, filename: absolute }, encoding };
    }
  }
  return { labels: {} };
}
