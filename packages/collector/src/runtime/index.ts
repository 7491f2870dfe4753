export { runCollector, type RunOptions, type RunningCollector } from './run-collector';
export { startHttpServer, type CollectorHttpServer, type HealthState } from './http-server';
export { createLogger, type LoggerOptions, type LogLevel } from './logger';
