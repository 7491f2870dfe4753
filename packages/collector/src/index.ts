export * from './entry';
export * from './consumer';
export * from './errors';
export * from './component';
export type { Stage, StageDefinition, StageContext, StageCounters } from './stages/stage';
