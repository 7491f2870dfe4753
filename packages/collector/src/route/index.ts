export * from './fanout';
export * from './router';
