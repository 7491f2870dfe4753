/** What each listen error a user can cause means, in words: Node's `listen EADDRINUSE: address already in use` names
 * the code, not the cause. */
const causes = {
  EADDRINUSE: 'the port is already in use by another program',
  EACCES: 'the port needs privileges this process lacks (a port below 1024?)',
  EADDRNOTAVAIL: 'the host is not an address of this machine',
} as const;

export type ListenErrorCode = keyof typeof causes;

/** The codes listenErrorMessage words. */
export const listenErrorCodes = Object.keys(causes) as ListenErrorCode[];

export function isListenErrorCode(code: unknown): code is ListenErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(causes, code);
}

/** `cannot listen on ADDRESS: the cause (CODE)`: one wording for every server of the project. */
export function listenErrorMessage(code: ListenErrorCode, address: string): string {
  return `cannot listen on ${address}: ${causes[code]} (${code})`;
}
