import type { AnyStageDefinition } from './stage';
import { classifyStage } from './classify';
import { dropStage } from './drop';
import { jsonStage } from './json';
import { labelDropStage } from './label-drop';
import { labelKeepStage } from './label-keep';
import { labelsStage } from './labels';
import { logfmtStage } from './logfmt';
import { matchStage } from './match';
import { metricsStage } from './metrics';
import { multilineStage } from './multiline';
import { outputStage } from './output';
import { packStage } from './pack';
import { regexStage } from './regex';
import { replaceStage } from './replace';
import { staticLabelsStage } from './static-labels';
import { structuredMetadataStage } from './structured-metadata';
import { templateStage } from './template';
import { timestampStage } from './timestamp';

/** Every stage type a pipeline may use, keyed by its YAML key (Alloy's stage name). One line per stage. */
export const stageDefinitions: Record<string, AnyStageDefinition> = {
  classify: classifyStage,
  drop: dropStage,
  json: jsonStage,
  label_drop: labelDropStage,
  label_keep: labelKeepStage,
  labels: labelsStage,
  logfmt: logfmtStage,
  match: matchStage,
  metrics: metricsStage,
  multiline: multilineStage,
  output: outputStage,
  pack: packStage,
  regex: regexStage,
  replace: replaceStage,
  static_labels: staticLabelsStage,
  structured_metadata: structuredMetadataStage,
  template: templateStage,
  timestamp: timestampStage,
};
