import { combineDetectors, filterCandidates, type Detector } from './detector';
import { createRuleDetector, rule } from './rules';
import { generatedValue, loginShaped, plainLogin } from './user-actor';
import { fieldLoginEnd as end, proseLogin as name } from './user-name';

// Keys compare in any case, in one spelling each (`loginId`, `LOGIN_ID`, `LogonId`): the patterns take the `i` flag.
const keyThenValue = (key: string) => `(?<![\\w.-])(?:${key})\\\\?["']?\\s*[:=]\\s*\\\\?["']?(${name})${end}`;

// A line that names its user under a key of its own (`user=ana.r account=chemlab`, `UserId=kim(1001) Account=p83`),
// or a storage, a queue or a warehouse: there `account` is a billing, a storage or a tenant account, no login. Tested
// once per line before the rule's matches are kept (a look-around on the pattern scanned the line at every candidate).
const notAnAccountLine =
  /\b(?:user(?:_?name|_?id)?|login)\\?["']?\s*[:=]|\b(?:container|bucket|blob|storage|partition|qos|warehouse|cluster)\b/i;

/** The account rule's part, its matches kept only on a line `notAnAccountLine` does not take; each line tested once. */
function outsideAccountLines(part: Detector): Detector {
  return filterCandidates(part, (text) => {
    if (!notAnAccountLine.test(text)) return 'all';
    if (!text.includes('\n')) return 'none';
    const lineTaken = new Map<number, boolean>();
    return (c) => {
      const lineStart = text.lastIndexOf('\n', c.start - 1) + 1;
      let taken = lineTaken.get(lineStart);
      if (taken === undefined) {
        const lineEnd = text.indexOf('\n', c.start);
        taken = notAnAccountLine.test(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd));
        lineTaken.set(lineStart, taken);
      }
      return !taken;
    };
  });
}

/** A generated id or a record's number, not a login: a letter after a digit, a short prefix and a number
 * (`acct_5512`), capitals only (`CORP-ACME-118`), or a cloud locator with its region (`xy12345.eu-west-1`). */
const notALogin = /\d[A-Za-z]|^[A-Za-z]{1,4}[_-]?\d+$|^[^a-z]*$|\.[a-z]{2}-[a-z]+-\d/;

const acceptAccount = (value: string): boolean => !notALogin.test(value) && (loginShaped(value) || plainLogin(value));

// A login that starts with a digit: a number of 3-12 digits, or two digits (a school year) and a name of letters. After
// `=`, or `:` and a quote (`"login":"84570"`): `Invalid login: 535` is an SMTP reply; nor before `:` (a TURN REST
// username's `1790692720:name` starts with its expiry time).
const numberOrYearName = '\\d{3,12}|\\d{2}[a-z]{3,20}\\d{0,2}';
const yearName = '\\d{2}[a-z]{3,20}\\d{0,2}';
// Ten or thirteen digits from 1: Unix seconds or milliseconds (2001-2033), a time, not a login (`"login":"1765143600"`).
const unixTime = /^1\d{9}(?:\d{3})?$/;
// The whole key is the login key, bare or after a word that names who logs in (`driver_login`, a SIP phone's
// `line1.auth_user`): a key naming a time, a count or a limit (`last_login`, `failed_login`, `rate_limit_login`) holds
// no login.
const whoPrefix = '(?:(?:driver|agent|operator|crew|courier|rider|sip|(?:line|acct|account)\\.?\\d{1,2})[_.])?';
const keyThenDigitLogin = (key: string, value: string) =>
  `(?<![\\w.-])${whoPrefix}(?:${key})(?:\\s*=\\s*\\\\?["']?|\\\\?["']?:\\s*\\\\?["'])(${value})(?![\\w.@$/:-])`;

/**
 * The login under a key a product names the account by, as a whole key (a prefix names another thing: `slurm_account`,
 * `service_account`): `account` (`account=xgretax`, `"account":"oldblog17"`; not beside a user key of the line's own or
 * a storage's words), `login_id`/`loginId`, and SMPP's `system_id` in a line that names SMPP (the protocol's bind
 * login; elsewhere a machine's id, MAAS's `system_id=xfaxgw`). A login by its shape or a plain login, not a word, a
 * number (an application's own id is no user) or a generated id. (A campus `netid` and a directory's `sam` were read
 * too, each in one part only: dropped after review, round 9.)
 */
export function createUserAccountKeyDetector(): Detector {
  // `account` in lower case only: Slurm's and Windows' `Account=` name a billing account or a section (round 9 review).
  const account = createRuleDetector('user', [[rule(['account'], keyThenValue('account'))]], acceptAccount);
  const accounts = createRuleDetector(
    'user',
    [
      [
        rule(['login_id', 'loginid'], keyThenValue('login_?id'), undefined, 'gi'),
        rule(['system_id', 'systemid'], keyThenValue('system_?id'), undefined, 'gi', [['smpp']]),
      ],
    ],
    acceptAccount,
  );
  // The operator's id of a record or a terminal session: a message switch's and a mainframe's `OPR=AHORVATH`, PeopleSoft's
  // `oprid=JFLIMA`, `operatorIdentifier=rcv44` (not `operatorName`, a person's full name). The key says who; the value
  // is a login in any case, or letters and a number (`load39`, a warehouse's scanner login), not a generated id.
  const operatorIds = createRuleDetector(
    'user',
    [
      [
        rule(
          ['opr', 'operatorid', 'operator_id'],
          keyThenValue('opr(?:_?id)?|operator_?id(?:entifier)?'),
          undefined,
          'gi',
        ),
      ],
    ],
    (value) =>
      !generatedValue(value) &&
      (loginShaped(value.toLowerCase()) || plainLogin(value.toLowerCase()) || /^[A-Za-z]{2,12}\d{1,6}$/.test(value)),
  );
  // A login that starts with a digit, under a key that names a login (never an id): a number (`"login":"84570"` of a crew
  // app, `driver_login=88231`, a SIP line's `auth_user=2047`; label convention: a login that is a number is a user), or a
  // school's year then a name (`"username":"29tanakap"`, `user=24yilmazs`). (`user=1000`, `user_id=88120431`: a bare
  // `user` holds a number as a uid or an application's id, so there only the year and name count.)
  const numberLogins = createRuleDetector(
    'user',
    [
      [
        rule(
          ['login', 'username', 'user_name', 'auth_user', 'authuser'],
          keyThenDigitLogin('login|user_?name|auth_?user', numberOrYearName),
          undefined,
          'gi',
        ),
        rule(['user'], keyThenDigitLogin('user', yearName), undefined, 'gi'),
      ],
    ],
    (value) => !unixTime.test(value),
  );
  return combineDetectors('user', [
    ...(account.parts ?? [account]).map(outsideAccountLines),
    accounts,
    operatorIds,
    numberLogins,
  ]);
}
