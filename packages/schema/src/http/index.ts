export { parseRetryAfter } from './retry-after';
