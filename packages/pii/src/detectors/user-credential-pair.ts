import type { Detector } from './detector';
import { createRuleDetector, rule } from './rules';
import { isPlaceholderValue } from './secret-kv';

// The keys that name the account of a credential pair: a name or an id, an account, a login, a system's id (SMPP's
// `system_id`), and the user keys.
const accountKeys =
  'name|id|account|acct|login|system_id|uname|identity|principal|user|username|user_name|userid|user_id|usr';
// The keys of its password, in any case and after any prefix (`Password`, `userPWD`, `passwd`, `bind_pw`).
const passwordWords = ['password', 'passwd', 'pass', 'pwd', 'passphrase', 'secret', 'pw'];
const quote = `\\\\?["']?`;
// A value: a login (a `$` may start an account, Azure's deployment user `$site`), up to its quote or separator.
const value = '([\\w$][\\w.$-]{0,63})';

/** A record's or an application's id, not a login: capitals, `-` and a number (`ACC-334909`), a letter after a digit
 * (a generated key, `SK2386…`), a number of one or two digits. */
const notALogin = /^[A-Z]{1,8}-\d+$|\d[A-Za-z]|^\d{1,2}$/;

/**
 * The account of a credential pair: the value of a name, id, account or user key that the pair's password key follows
 * right after it (`system_id=acme_tx password=…`, `?Name=Kestrel77?Password=…`, `<login id="kiosk2" password="…"`,
 * `{name: feed17, password: "…"}`, `account=dsmapi&passwd=…`). Whatever the word is (`user=as&password=`), a password
 * beside it says it is a login. Not an address (an `email`), a stand-in, or a record's or generated id.
 */
export function createUserCredentialPairDetector(): Detector {
  return createRuleDetector(
    'user',
    [
      [
        rule(
          passwordWords.flatMap((word) => ['=', ':', '"', "'", '\\'].map((next) => `${word}${next}`)),
          `(?<![\\w.$-])(?:${accountKeys})${quote}\\s*[:=]\\s*${quote}${value}${quote}\\s*[,;&?]?\\s*${quote}(?:[A-Za-z]{1,20}[_.-]?)?(?:${passwordWords.join('|')})${quote}\\s*[:=]`,
          undefined,
          'gi',
        ),
      ],
    ],
    (login) => !notALogin.test(login) && !isPlaceholderValue(login),
  );
}
