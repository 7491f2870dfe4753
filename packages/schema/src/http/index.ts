export { parseRetryAfter } from './retry-after';
export { isListenErrorCode, listenErrorCodes, listenErrorMessage, type ListenErrorCode } from './listen-error';
