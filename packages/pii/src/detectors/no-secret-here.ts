import { isCommonWord } from './common-words';

/**
 * Values that stand where a secret or an account could, but are text about one: what every secret and user rule
 * drops, whatever software wrote the line (README, "values that say no secret here").
 */

/** Prose or structure after a password word: a word in brackets (`(empty`, `(hidden)`, `(not set)`), a command
 * substitution (`$(sudo cat f)`, a backquote), a bracket that opens a structure (`{`), a template that closes before the
 * value (`}}@db:5432{{`), a value masked between dollars (`$encrypted$`), an auth scheme without its credential
 * (`Bearer`), the fixed accounts of anonymous and API-key logins, and a word that reports on a password
 * (`Password Mismatch`, `password updated`). The whole value is one of these: `isPlaceholderValue` tests them in one
 * pattern with its own whole-value forms (one pattern a value less: it runs on every value the rules find). */
export const proseOrStructure =
  /^(?:\([a-z]+(?:[ -][a-z]+)*\)?|\$\(.*|`.*|[{[(]|\}\}.*|\$[a-z]+\$|bearer|basic|digest|negotiate|anonymous|apikey|mismatch(?:ed)?|(?:in)?correct|invalid|wrong|required|missing|expired|changed|updated|accepted|rejected|reset|saved|verified|unchanged|succeeded|successful|failed|denied)$/i;

/** Code: a call of a function or method (`read_secret(&cfg)?`, `os.getenv(` up to a quote), named in lower case first;
 * any name when the value stops at the quote of its argument (`System.get_env(`, `SecretStr(`, `os.environ[`). */
const functionCall = /^[a-z_]\w*(?:(?:\.|::)\w+)*\((?:.*\))?[?;!]*$|^[A-Za-z_]\w*(?:(?:\.|::)\w+)*[([]$/;

/** A variable of the environment or a secret store read in code or a pipeline: `process.env.API_KEY!`,
 * `secrets.TOWER_TOKEN`, `settings.SECRET_KEY` (lower-case names, then one in capitals). */
const variableReference = /^(?:[a-z_]\w*\.)+[A-Z][A-Z0-9_]*!?$/;

/** An elided value (`...`, `sk-...`, `…`): documentation or a truncated display, not the secret. */
const elided = /^[\w-]{0,8}(?:\.{3,}|…)$/;

/** A path names where a secret is kept, not the secret: `./run.sh`, `../x`, `~/.pgpass`, `/etc/nix/key.pub`,
 * `C:\Users\a\setup.exe`. A run of letters and digits that merely starts with `/` (base64) has no readable part. */
const path = /^(?:~?\/|\.{1,2}\/)[\w./-]*$|^[A-Za-z]:\\[^\s]*$/;
const readablePart = /(?:^|[/\\])[a-z][a-z-]{2,}(?:\.\w+)?(?:[/\\]|$)/i;

/** A key NAME given where the value goes (`config set --secret dbPassword VALUE`, `zmlocalconfig -s ldap_password`):
 * an identifier that joins words by `_`, `.` or camelCase and ends in a password word (`-` joins the words of account
 * names too: `gitlab-ci-token`). */
const keyName = /^[A-Za-z][\w.]{0,62}$(?<=(?:passw(?:or)?d|secret|token|api_?key))/i;
const joinedWords = /[a-z0-9](?:[_.][a-z]|[A-Z])/;

/** True when a value found after a secret or user word says there is no secret or account there by a mark in it: code,
 * a variable, an elision, a path or a key name (prose and structure, above, are whole values). */
export function hasNoSecretMark(value: string): boolean {
  // (Each pattern runs only on a value with its mark, a `(`, a path's start, a password word's last letter: this runs on
  // every value the rules find.)
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1) | 32;
  return (
    ((value.includes('(') || value.includes('[')) && functionCall.test(value)) ||
    (value.includes('.') && (variableReference.test(value) || elided.test(value))) ||
    value.endsWith('…') ||
    ((first === 47 || first === 126 || first === 46 || value.charCodeAt(1) === 58) &&
      path.test(value) &&
      readablePart.test(value)) ||
    ((last === 100 || last === 116 || last === 110 || last === 121) && keyName.test(value) && joinedWords.test(value))
  );
}

/** A record's number: a prefix in capitals (maybe with digits), then groups of digits joined by `-` (a season pass
 * `SP27-004418`, `AP-2027-118204`, a process's business key `LA-2026-11873`): the key into a system's records that the
 * staff reads out, not a credential. */
const recordNumber = /^[A-Z]{2,5}\d{0,4}(?:-\d{2,}){1,3}$/;

/** Keys under which a record's number stands for the record: a pass a person holds, the whole key (`pass=`,
 * `seapass=`, `season_pass=`, `boarding-pass`; not `password`), and a process's or a ticket's key (`businessKey`,
 * `ticket_key`). A system's pass (`db_pass`, `smtp_pass`, `admin_pass`) is its password, and under every other secret
 * key (password, secret, token, pwd, psk) a value of that shape is a chosen secret (`temp_password=TMP-483921`). */
const recordNumberKey =
  /^(?:(?:season|boarding|sea|ski|day|bus|rail|transit|guest|visitor|event|festival|park|press|backstage)[_.-]?)?pass$|(?:business|ticket)[_.-]?key$/i;

/** True when `value` under `key` is a record's number (see recordNumber and recordNumberKey). */
export function isRecordNumberUnder(key: string, value: string): boolean {
  return recordNumberKey.test(key) && isRecordNumber(value);
}

/** True when a value is a record's number (see recordNumber), 5+ digits after its prefix. */
export function isRecordNumber(value: string): boolean {
  const first = value.charCodeAt(0);
  if (first < 65 || first > 90 || !value.includes('-') || !recordNumber.test(value)) return false;
  return value.slice(value.indexOf('-')).replace(/\D/g, '').length >= 5;
}

/** Common words joined in camelCase (`grantType`) or one in lower case, maybe ending a sentence (`setup.`). */
const wordShape = /^[a-z]+(?:[A-Z][a-z]+)*\.?$/;
const blankField = /^_{2,}$/;
/** Right after a key that names a password (`password=`, `db_pass: `, `"passwd":"`), where a weak password may be a word. */
const afterPasswordKey = /(?:pass(?:w(?:or)?[dt]|phrase)?|pwd)\\?["']?\]?\s*(?:=>|[:=])?\s*\\?["']?$/i;

/**
 * True when a secret rule's value at `start..end` of `text` is a word where a secret would stand: one common word or
 * common words in camelCase (`pw:api`, `curl -u user:pass`, `token: grantType = …`, `client_secret setup.`), a blank form
 * field (`________`) or a single character (a miner's dummy `password=x`). A word right after a password key stays a
 * secret (`password=welcome`): people do choose words.
 */
export function isWordNotSecret(text: string, start: number, end: number): boolean {
  if (end - start === 1) return true;
  const value = text.slice(start, end);
  if (blankField.test(value)) return true;
  if (!wordShape.test(value)) return false;
  const words = value.replace(/\.$/, '').split(/(?=[A-Z])/);
  return (
    words.every((word) => isCommonWord(word)) && !afterPasswordKey.test(text.slice(Math.max(0, start - 24), start))
  );
}
