export * from './item';
export * from './json-value';
