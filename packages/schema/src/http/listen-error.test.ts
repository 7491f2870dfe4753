import { isListenErrorCode, listenErrorCodes, listenErrorMessage } from './listen-error';

describe('listenErrorMessage', () => {
  test.each([
    [
      'EADDRINUSE',
      '127.0.0.1:3500',
      'cannot listen on 127.0.0.1:3500: the port is already in use by another program (EADDRINUSE)',
    ],
    [
      'EACCES',
      '0.0.0.0:80',
      'cannot listen on 0.0.0.0:80: the port needs privileges this process lacks (a port below 1024?) (EACCES)',
    ],
    [
      'EADDRNOTAVAIL',
      '10.9.9.9:3500',
      'cannot listen on 10.9.9.9:3500: the host is not an address of this machine (EADDRNOTAVAIL)',
    ],
  ] as const)('says what %s means and names the address', (code, address, expected) => {
    expect(listenErrorMessage(code, address)).toBe(expected);
  });

  test('knows the three codes and nothing else', () => {
    expect(listenErrorCodes).toEqual(['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL']);
    expect(listenErrorCodes.every(isListenErrorCode)).toBe(true);
    for (const other of ['ECONNREFUSED', 'toString', undefined, 98]) expect(isListenErrorCode(other)).toBe(false);
  });
});
