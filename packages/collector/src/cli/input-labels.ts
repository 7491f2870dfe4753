import * as path from 'node:path';
import type { CollectorConfig } from '../schema/collector-config';
import type { Labels } from '../entry';
import type { FileSourceConfig } from '../sources/file/config';
import { compileExclude, compileGlob } from '../sources/file/glob';

/**
 * The labels a file source feeding `pipeline` would give the lines of `file` (its target's labels plus `filename`),
 * so `dry-run --input` shows what `run` would send; none when no such target matches the file.
 */
export function inputLabels(config: CollectorConfig, pipeline: string, file: string): Labels {
  const absolute = path.resolve(file);
  for (const source of config.sources) {
    if (source.type !== 'file' || !source.forward_to.includes(`pipelines.${pipeline}`)) continue;
    for (const { __path__, __path_exclude__, ...labels } of (source.config as FileSourceConfig).targets) {
      if (compileGlob(__path__).matches(absolute) && !compileExclude(__path_exclude__)?.(absolute))
        return { ...labels, filename: absolute };
    }
  }
  return {};
}
