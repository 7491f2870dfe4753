export * from './header';
export * from './templates';
export * from './rules';
export * from './evaluation';
