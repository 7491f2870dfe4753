import { afterAnyBut, blanks } from '../keyword-scan';
import { isCommonWord } from './common-words';
import { combineDetectors, type Detector } from './detector';
import { createRuleDetector, rule } from './rules';
import { isPlaceholderValue } from './secret-kv';
import { notAName } from './user';
import { userName as name } from './user-name';

// A generated key, not a login: 16+ letters and digits, 3+ of them digits (an API key's id before its secret).
const generatedKey = /^(?=(?:[A-Za-z]*\d){3})[A-Za-z0-9]{16,}$/;

// The word for an account standing in for one (documentation's `curl -u user:pass`).
const standIn = /^(?:user|username|login)$/i;

/** A login where the syntax says one stands: no prose word, placeholder, stand-in or generated key. */
function accountName(value: string): boolean {
  return (
    !notAName.has(value.toLowerCase()) &&
    !isPlaceholderValue(value) &&
    !standIn.test(value) &&
    !generatedKey.test(value)
  );
}
/** Where prose could stand as well, also no single English word (`login attempt with password`). */
function unquotedAccountName(value: string): boolean {
  return accountName(value) && !(/^[a-z]+$/.test(value) && isCommonWord(value));
}

// `login`/`logon`, and a word that may join it to the name (`login of`, `login for`, `login with`).
const loginWord = `log(?:in|on)(?:\\s+(?:of|for|with|as|name))?`;

/**
 * Logins by the syntax around the word login, whatever the software: quoted after it (`login of "ssteiner" from`,
 * `Failed login attempt with login 'admin'`, `Cannot alter the login 'old_sync'`), in parentheses (`member M10442
 * (login vermeulen.jan) logged in`), or with a password after it (`partner login edi_ops password …`, `IMAP login for
 * inbox-7 with password …`, `portal login J8812044 pin=…`); and the login of a `NAME:SECRET` pair given to a flag that
 * takes credentials (`-auth ana:…`, `-credentials ops:…`, `--user 'svc.x':'…'`, `heritrix -a admin:…`).
 */
export function createUserLoginSyntaxDetector(): Detector {
  // Where the syntax is certain: a quoted name after the login word, the name of a credentials pair.
  const certain = createRuleDetector(
    'user',
    [
      [
        rule(
          ['login', 'logon'].flatMap((word) => blanks.map((b) => `${word}${b}`)),
          `\\b${loginWord}\\s+\\\\?["'\u201c\u2018](${name}?)\\\\?["'\u201d\u2019]`,
          undefined,
          'gi',
        ),
        // A flag's `NAME:SECRET`: the secret is no number (a port, `-a host:8443`), list or variable.
        rule(
          // (`-u` and `-a` after a word character, BGL's `R12-M1-N0-J12-U01`, cannot start a match: not words there.)
          [...afterAnyBut(/\w/, '-u'), '--user', '-auth', '-credentials', 'basicauth=', ...afterAnyBut(/\w/, '-a')],
          `(?<![\\w-])(?:-u|--user|--?auth|--?credentials|--?basic-?auth|basicauth=|-a)(?:=|\\s+)["']?(${name}?)["']?:["']?(?![\\d,]*(?:[\\s"']|$))(?=[^\\s:/,$]+(?:[\\s"']|$))`,
        ),
      ],
    ],
    accountName,
  );
  // Where prose could stand: no single English word.
  const plain = createRuleDetector(
    'user',
    [
      [
        rule(['(login', '(logon'], `\\(log(?:in|on)[:=]?\\s+(${name}?)\\)`, undefined, 'gi'),
        // (Both words must be in the text: the rule runs only where `login` and a password word are.)
        rule(
          ['login', 'logon'].flatMap((word) => blanks.map((b) => `${word}${b}`)),
          `\\b${loginWord}\\s+(${name}?)\\s+(?:with\\s+)?(?:password|passwd|pass|pw|pin)\\b`,
          undefined,
          'gi',
          [['password', 'passwd', 'pass ', 'pw', 'pin']],
        ),
      ],
    ],
    unquotedAccountName,
  );
  return combineDetectors('user', [certain, plain]);
}
