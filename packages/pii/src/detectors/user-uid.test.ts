import { findValues } from '../testing';
import { createUserUidDetector } from './user-uid';

describe('user uid detector', () => {
  const detector = createUserUidDetector();

  test.each([
    ['a quoted number under a uid key', '{"columns":{"uid":"2044","shell":"/bin/zsh"}}', ['2044']],
    ['a uid flag', 'runner --uid 30015 --gid 30015; tool -uid=2210 start', ['30015', '2210']],
    ['a uid ending a line', 'account added\nuid 1307\ngid staff', ['1307']],
    ['a uid ending an escaped line', 'name kfaro\\nuid 1308\\nhome /home/kfaro', ['1308']],
    ['a uid in parentheses before a comma', 'users: ops, mlind (uid 1022), last seen today', ['1022']],
    ['an LDAP uidNumber', 'modify uidNumber=52110 gidNumber=100', ['52110']],
    ['the uid of a process', 'crash pid 4121 uid 10233 signal 6; [applet pid:88 uid:1001]: changed', ['10233', '1001']],
  ])('finds %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ["root's uid", '{"uid":"0"} --uid 0 pid 7 uid 0 uidNumber=0'],
    ['a uid with more configuration after it', 'set system login user auto uid 2010 class super-user'],
    ['a uid flag with no number', 'podman run --uid-map 0:1:65536 x; --uid=$UID'],
    ['a generated uid', '{"uid":"Ct4Lq2wPz8YkR5nB0m"}'],
  ])('ignores %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
