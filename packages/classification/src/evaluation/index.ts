export { parseCsv, parseCsvRecords } from './csv';
export { groupingAccuracy } from './grouping-accuracy';
export { classificationScores } from './classification-scores';
export type { ClassificationScores } from './classification-scores';
export { loghubLevelMaps, loghubLevelSeverity } from './loghub-levels';
export { keywordSeverity, mostFrequentLabel } from './severity-baselines';
