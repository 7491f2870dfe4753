export { findValues } from './find-values';
export { parseCorpus, scoreCorpus } from './score-corpus';
export type { CorpusMistake, CorpusScore, LabeledLine, LabeledSpan, Score, UntypedScore } from './score-corpus';
export { plantedSecrets } from './planted-secrets';
export type { PlantedSecret } from './planted-secrets';
