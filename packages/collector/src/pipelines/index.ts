export * from './fanout';
export * from './router';
export * from './targets';
export { createPipelineConsumer, type PipelineConsumer, type PipelineContext } from './pipeline';
