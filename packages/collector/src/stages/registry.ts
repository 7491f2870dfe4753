import type { AnyStageDefinition } from './stage';
import { classifyStage } from './classify';
import { criStage } from './cri';
import { decolorizeStage } from './decolorize';
import { dockerStage } from './docker';
import { dropStage } from './drop';
import { jsonStage } from './json';
import { labelDropStage } from './label-drop';
import { labelKeepStage } from './label-keep';
import { labelsStage } from './labels';
import { limitStage } from './limit';
import { logfmtStage } from './logfmt';
import { luhnStage } from './luhn';
import { matchStage } from './match';
import { metricsStage } from './metrics';
import { multilineStage } from './multiline';
import { outputStage } from './output';
import { packStage } from './pack';
import { patternStage } from './pattern';
import { redactStage } from './redact';
import { regexStage } from './regex';
import { relabelStage } from './relabel';
import { replaceStage } from './replace';
import { samplingStage } from './sampling';
import { staticLabelsStage } from './static-labels';
import { structuredMetadataStage } from './structured-metadata';
import { structuredMetadataDropStage } from './structured-metadata-drop';
import { templateStage } from './template';
import { tenantStage } from './tenant';
import { timestampStage } from './timestamp';
import { truncateStage } from './truncate';

/** Every stage type a pipeline may use, keyed by its YAML key (Alloy's stage name). One line per stage. */
export const stageDefinitions: Record<string, AnyStageDefinition> = {
  classify: classifyStage,
  cri: criStage,
  decolorize: decolorizeStage,
  docker: dockerStage,
  drop: dropStage,
  json: jsonStage,
  label_drop: labelDropStage,
  label_keep: labelKeepStage,
  labels: labelsStage,
  limit: limitStage,
  logfmt: logfmtStage,
  luhn: luhnStage,
  match: matchStage,
  metrics: metricsStage,
  multiline: multilineStage,
  output: outputStage,
  pack: packStage,
  pattern: patternStage,
  redact: redactStage,
  regex: regexStage,
  relabel: relabelStage,
  replace: replaceStage,
  sampling: samplingStage,
  static_labels: staticLabelsStage,
  structured_metadata: structuredMetadataStage,
  structured_metadata_drop: structuredMetadataDropStage,
  template: templateStage,
  tenant: tenantStage,
  timestamp: timestampStage,
  truncate: truncateStage,
};
