export { createSorterClient } from './client';
export type { SorterClient, SorterClientOptions, SorterBreakerOptions, SorterBreakerState } from './client';
export { SorterRequestError } from './errors';
export type {
  ClassifyItem,
  ClassifyResult,
  ClassifyOutcome,
  FallbackHook,
  FallbackReason,
  SorterClientObserver,
} from './types';
