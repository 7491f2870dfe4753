import type { z } from 'zod';
import { lazyRegistry } from '../lazy-registry';
import type { StageConfig } from '../schema/collector-config';
import { oneKeyListSchema } from '../schema/one-key-list';
import type { AnyStageDefinition } from './stage';

/** Every stage type a pipeline may use, keyed by its YAML key (Alloy's stage name); each module loads when a config names it. */
export const stageDefinitions: Record<string, AnyStageDefinition> = lazyRegistry<AnyStageDefinition>({
  classify: () => (require('./classify') as typeof import('./classify')).classifyStage,
  cri: () => (require('./cri') as typeof import('./cri')).criStage,
  decolorize: () => (require('./decolorize') as typeof import('./decolorize')).decolorizeStage,
  docker: () => (require('./docker') as typeof import('./docker')).dockerStage,
  drop: () => (require('./drop') as typeof import('./drop')).dropStage,
  json: () => (require('./json') as typeof import('./json')).jsonStage,
  label_drop: () => (require('./label-drop') as typeof import('./label-drop')).labelDropStage,
  label_keep: () => (require('./label-keep') as typeof import('./label-keep')).labelKeepStage,
  labels: () => (require('./labels') as typeof import('./labels')).labelsStage,
  limit: () => (require('./limit') as typeof import('./limit')).limitStage,
  logfmt: () => (require('./logfmt') as typeof import('./logfmt')).logfmtStage,
  luhn: () => (require('./luhn') as typeof import('./luhn')).luhnStage,
  match: () => (require('./match') as typeof import('./match')).matchStage,
  metrics: () => (require('./metrics') as typeof import('./metrics')).metricsStage,
  multiline: () => (require('./multiline') as typeof import('./multiline')).multilineStage,
  output: () => (require('./output') as typeof import('./output')).outputStage,
  pack: () => (require('./pack') as typeof import('./pack')).packStage,
  pattern: () => (require('./pattern') as typeof import('./pattern')).patternStage,
  redact: () => (require('./redact') as typeof import('./redact')).redactStage,
  regex: () => (require('./regex') as typeof import('./regex')).regexStage,
  relabel: () => (require('./relabel') as typeof import('./relabel')).relabelStage,
  replace: () => (require('./replace') as typeof import('./replace')).replaceStage,
  sampling: () => (require('./sampling') as typeof import('./sampling')).samplingStage,
  static_labels: () => (require('./static-labels') as typeof import('./static-labels')).staticLabelsStage,
  structured_metadata: () =>
    (require('./structured-metadata') as typeof import('./structured-metadata')).structuredMetadataStage,
  structured_metadata_drop: () =>
    (require('./structured-metadata-drop') as typeof import('./structured-metadata-drop')).structuredMetadataDropStage,
  template: () => (require('./template') as typeof import('./template')).templateStage,
  tenant: () => (require('./tenant') as typeof import('./tenant')).tenantStage,
  timestamp: () => (require('./timestamp') as typeof import('./timestamp')).timestampStage,
  truncate: () => (require('./truncate') as typeof import('./truncate')).truncateStage,
});

/**
 * A list of stages in Promtail/Alloy order, each a one-key map `{<stage type>: {…arguments}}`, validated
 * against the stage registry when parsed (so types registered later are seen) and compiled by each schema.
 */
export const stageListSchema: z.ZodType<StageConfig[], unknown[]> = oneKeyListSchema(
  'stage',
  'regex',
  stageDefinitions,
).describe('Stages in order, each a one-key map: `- regex: { expression: ... }`.');
