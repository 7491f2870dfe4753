export * from './re2';
export * from './selector';
