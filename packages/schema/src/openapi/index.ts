export * from './document';
export * from './yaml';
