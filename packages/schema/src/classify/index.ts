export * from './request';
export * from './response';
export * from './result';
