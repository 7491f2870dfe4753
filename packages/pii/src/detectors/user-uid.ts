import type { Detector } from './detector';
import { createRuleDetector, rule } from './rules';

// A uid; root's 0 is the same on every system and names no person.
const uidNumber = '(?!0(?!\\d))(\\d{1,10})';

/**
 * Numeric user ids in the syntaxes a `uid` key takes that the key/value and prose rules do not read: a quoted number
 * (`"uid":"1003"`, osquery's columns), a flag (`--uid 10093`, `-uid=2001`), the end of a line of a multi-line text
 * (`uid 1209` then a line break), a parenthesis a clause goes on after (`(uid 1003), last login`), LDAP's
 * `uidNumber=48122`, and a process's `pid N uid N` (`pid 15906 uid 10113 signal 11`, `[tool pid:3312 uid:1000]`).
 */
export function createUserUidDetector(): Detector {
  return createRuleDetector(
    'user',
    [
      [
        rule(["uid'", 'uid"', 'uid\\'], `\\buid\\\\?["']\\s*:\\s*\\\\?["']${uidNumber}\\\\?["']`, undefined, 'gi'),
        rule(['-uid'], `(?<![\\w-])--?uid(?:=|\\s+)${uidNumber}(?![\\w.:-])`, undefined, 'gi'),
        // (After a line break, also one written `\\n`.)
        rule(['uid '], `(?:(?<=\\\\n)|(?<![\\w.-]))uid\\s+${uidNumber}(?=[ \\t]*(?:\\r?\\n|\\\\n))`, undefined, 'gi'),
        rule(['(uid '], `\\(uid\\s+${uidNumber}\\)(?=[,;:])`, undefined, 'gi'),
        rule(['uidnumber='], `\\buidNumber=${uidNumber}(?![\\w.])`, undefined, 'gi'),
        rule(['pid'], `\\bpid[: ]\\d+[,;]?\\s+uid[: ]${uidNumber}(?![\\w.])`, undefined, 'gi'),
      ],
    ],
    () => true,
  );
}
