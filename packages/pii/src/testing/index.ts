export { findValues } from './find-values';
export { parseCorpus, scoreCorpus } from './score-corpus';
export type { CorpusMistake, CorpusScore, LabeledLine, LabeledSpan, Score, UntypedScore } from './score-corpus';
export { plantedSecrets } from './planted-secrets';
export type { PlantedSecret } from './planted-secrets';
export { createScannerWithContextModel } from './context-scanner';
export { defaultTrainingSettings, trainContextModel } from '../context/train';
export type { TrainedContextModel, TrainingSettings } from '../context/train';
export type { ContextModelFile } from '../context/model';
