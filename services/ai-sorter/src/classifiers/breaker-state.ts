import type { breakerStates } from '@obs/schema';

export type BreakerState = (typeof breakerStates)[number];
