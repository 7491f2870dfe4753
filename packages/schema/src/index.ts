export * from './taxonomy';
export * from './items';
export * from './classify';
export * from './sort';
export * from './errors';
export * from './health';
export * from './openapi';
export * from './http';
