export * from './item';
export * from './json-value';
export * from './json-text';
