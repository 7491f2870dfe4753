import { findValues } from '../testing';
import { createUserRanAsDetector } from './user-ran-as';

describe('user ran-as detector', () => {
  const detector = createUserRanAsDetector();

  test.each([
    ['the account a build ran as', 'WARN build ran as gl-runner in /builds/app', ['gl-runner']],
    ['the account a transfer finished as', 'sync.sh: upload finished as tx0931, 12 files', ['tx0931']],
    ['the account of a clone', 'git clone https://git.example.com/a.git as deploy-bot (helper=store)', ['deploy-bot']],
    ['a plain account', 'denied (running as kwiatek)', ['kwiatek']],
  ])('finds %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['a word', 'job ran as expected; run this as an administrator'],
    ['an SQL alias', 'executed: SELECT t.* FROM orders AS t'],
    ['a capitalized word', 'run the installer as Administrator'],
    ['a clause break', 'upload finished, saved as report_v2'],
  ])('ignores %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
