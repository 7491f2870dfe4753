export * from './templates';
export * from './evaluation';
