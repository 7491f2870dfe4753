import { blanks } from '../keyword-scan';
import { isCommonWord } from './common-words';
import { anyOf, boundaryPatterns, candidate, keepAsIs, type Candidate, type Detector } from './detector';
import { execAtKeyPair, joined, keyPairAt, keyWordFamily } from './key-separators';
import { pgpassUser, pgpassWords } from './pgpass';
import { isMailDomainAt, isPrincipal, nonMailRealm, singleLabelRealm } from './principal';
import { isPlaceholderValue } from './secret-kv';
import { userName as name } from './user-name';
// Kubernetes and cloud identities put colons inside the name: `system:serviceaccount:ci:deployer`.
// (An ARN under a user key, `User: arn:aws:sts::…`, is no name: its own rule finds the user in it.)
const qualifiedName = '(?!arn:|urn:)[A-Za-z_](?:[\\w.-]|:(?=\\w)){0,127}\\$?';

// The words that end every key of the key/value patterns below: their scan (which tries a word, and `[\w.-]*` before
// `actor`, at every position) runs only from the keys of pairs that end in one (on many lines these words are prose).
const userKeys = keyWordFamily([
  ...joined('user', ['name', 'id'], ' _.-'),
  ...['usr', 'ugi', 'logname', 'uid', 'samaccountname', 'acct', 'account name', 'set_id', 'actor', 'by'],
  ...joined('login', ['name'], '_-'),
  ...joined('principal', ['name'], '_.-'),
  ...['assignee', 'reporter', 'owner', 'employee', 'submitter', 'requester'],
]);

/** Words that follow "user" in prose and are not a name: "user not found", "user session closed", "user logged in". */
export const notAName = new Set(
  (
    'a an the and or not no is was are has have had does did do can cannot could should will would may must to in on at by ' +
    'for from with without of as if then that this it its id ids uid name names account accounts agent data info ' +
    'information session sessions login logins logout logged authentication authenticated auth request requests input ' +
    'interface space mode list group groups profile profiles settings preferences role roles cache service services ' +
    'quota home directory database db table record records object objects entry entries management manager details ' +
    'lookup count limit limits permissions permission token tokens password passwords credentials unknown invalid ' +
    'identity exists found creation created deleted updated access activity attribute attributes context defined ' +
    'specified provided mapping namespace none null nil undefined true false default cancelled canceled disconnected ' +
    'connected denied rejected accepted failed successfully configuration config consent notification notifications ' +
    'registration logon logoff limit privileges ns sid client server success successful ip ips address addresses host ' +
    'hosts agent agents action actions create load update exists destroy pluck insert upsert select private __token__ creds credential add new delete del remove rm setpassword passwd enable disable lock unlock modify mod edit show get set start stop restart reload status install uninstall upgrade ok done error prompt ' +
    // What a user has or is, never an account (`user certificate`, `user state`, `username withheld`, `user lockouts: 17`).
    'certificate certificates key keys state environment preference lockout lockouts field fields installation username usernames userid withheld'
  ).split(' '),
);

// `user=root@pam`, `user 'alice@CORP.EXAMPLE.COM'`: a name qualified by a realm that is not a mail domain (the patterns
// take the realm too; find keeps it only for a principal: under the `i` flag the shape also passes `alice@example.com`).
const realmAfter = `@(?:${nonMailRealm}|${singleLabelRealm})`;

// A Windows domain as logs write it before a name: NetBIOS in capitals (`CORP`, `NA`) or a DNS realm (`VSPHERE.LOCAL`).
// The capitals tell `CORP\\nadia` (a name) from an escaped line break, and registry hives and built-in groups are not
// domains of people.
const windowsDomain =
  '(?!HK|BUILTIN\\b|AUTHORITY\\b|SERVICE\\b|APPPOOL\\b)[A-Z](?:[A-Z0-9-]{0,13}[A-Z0-9])(?:\\.[A-Z0-9-]+)*';

/** Text escaped for JSON or a string literal, on one line: `\\"` or `\\\\`, an escape not before a lower-case letter, or two
 * of them. One `\\t` or `\\n` before a letter or a dot, or any in text with real line breaks, is a backslash and a letter
 * (`VSPHERE.LOCAL\\tcastillo`, `CORP\\t.haugen`: no escaped tab starts a word with a dot). */
function looksEscaped(text: string): boolean {
  return text.includes('\\') && !text.includes('\n') && /\\["\\]|\\[nrt](?![a-z.])|\\[nrt][^]*\\[nrt]/.test(text);
}

// After `Invalid user` any word is the name tried; so is a word a log quotes or brackets (`the locked user [manager]`).
const certainLead = /(?:(?:invalid|illegal) user\s+["'[(<]*|user\s+["'[(<])$/i;
/** A UUID, a long hex run or a generated key (16+ letters and digits, 3+ of them digits: Zeek's connection `uid`,
 * Mattermost's `user_id`) under a user key is a record id, not a name. */
const recordId = /^[0-9a-f]{8}-[0-9a-f]{4}-|^[0-9a-f]{16,}$|^(?=(?:[A-Za-z]*\d){3})[A-Za-z0-9]{16,}$/i;

/** A generated record id under an id key (`user_id=S00481120`, `X-User-Id: k2x9…`, `"userid":"w_2xk9…"`): an id is not
 * a name (label convention: only a number after `uid` is a user). Generated: a letter after a digit, or at most two
 * letters before four digits; a login that ends in digits (`"userId":"gwen8"`) stays a name. */
const generatedId = /\d[A-Za-z]|^[A-Za-z_]{0,2}\d{4,}$/;
const idKeyBefore = /user[ _.-]?id\\?["']?\s*(?:=>|[:=])\s*\\?["']?$/i;
/** A record's id, capitals, `-` and a number, under any user key (`acct=ACC-218671` a billing account,
 * `employee=NH-20931` an employee number, `user_id=USR-8812409`): audit's `acct=` holds a login, these name a record.
 * (A key with a word before `acct`, `owner_acct=`, `guarantor_acct=`, names an account of money and is no user key.) */
const numberedRecord = /^[A-Z]{1,8}-\d+$/;
/** `User Slice of UID 1004`, `sent to the user: Establishing VPN`, `[User Worker #2/INFO]`: an unquoted capitalized word
 * that goes on into more prose or a number is a sentence or a thread, not a login. */
const capitalizedWord = /^[A-Z][a-z]+$/;
const proseGoesOn = /^ (?:[A-Za-z]|#\d)/;
/** `occ user:resetpassword NAME`, `artisan user:create`: a console's `noun:verb` subcommand, not a name. */
const subcommandBefore = /(?:^|\s)user:$/i;
const subcommandVerb =
  /^(?:re)?(?:set|add|create|delete|remove|list|update|enable|disable|info|modify|change|show|sync|import|export|report|lastseen)[a-z]*$/;

/** True when the words around a name say it is none: a record id under an id key (quoted or not), or, unquoted, a word
 * of prose or a subcommand. */
function saysNoAccount(text: string, matchStart: number, valueStart: number, value: string, certain: boolean): boolean {
  const before = text.slice(Math.max(matchStart, valueStart - 24), valueStart);
  if (generatedId.test(value) && idKeyBefore.test(before)) return true;
  if (numberedRecord.test(value)) return true;
  if (certain) return false;
  if (
    capitalizedWord.test(value) &&
    proseGoesOn.test(text.slice(valueStart + value.length, valueStart + value.length + 3))
  )
    return true;
  return subcommandBefore.test(before) && subcommandVerb.test(value);
}

/** A participle, the verb of a sentence about a user (`User added to group`, `username shown after …`). */
const participle =
  /^(?:[a-z]{2,}ed|shown|known|given|taken|seen|withheld|held|sent|kept|made|done|left|lost|gone|chosen|hidden|written)$/;
/** A determiner before a bare `user`: `user` then qualifies the noun after it (`no user interaction`, `each user quota`). */
const determinerBefore =
  /(?:^|[^\w.-])(?:no|the|a|an|each|every|any|per|your|our|their|its|his|her|my|this|that|all|some|another|other|same)\s+user(?:name)?\s+$/i;

/** True when a common word after a bare `user` word is prose by the grammar around it: a participle, or a noun after
 * `user` used as a qualifier. (The word alone cannot tell: `user root`, `user guest`, `user news` are accounts.) */
function proseAfterBareUser(text: string, matchStart: number, valueStart: number, value: string): boolean {
  const lower = value.toLowerCase();
  if (!isCommonWord(lower) || value !== lower) return false;
  if (participle.test(value)) return true;
  return determinerBefore.test(text.slice(Math.max(0, matchStart - 10), valueStart));
}

/** The value without the dots that end it (`alice.` at a sentence's end); by character code: this runs on every match. */
function withoutFinalDots(value: string): string {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 46) end--;
  return end === value.length ? value : value.slice(0, end);
}

function plausibleName(value: string, certain: boolean): boolean {
  const bare = withoutFinalDots(value);
  if (bare === '' || isPlaceholderValue(bare) || recordId.test(bare)) return false;
  // After `Invalid user` any word is the name tried (`Invalid user default`), but `user unknown` stays prose.
  // (`<private>` is macOS's unified log hiding a value.)
  if (certain) return !['unknown', 'private', 'empty', '__token__'].includes(bare.toLowerCase());
  if (notAName.has(bare.toLowerCase())) return false;
  // Past tenses and gerunds are prose ("user clicked", "user signing"), not names.
  return !(bare.length > 5 && /(?:ed|ing)$/.test(bare) && /^[a-z]+$/.test(bare));
}

/**
 * User names where logs put them: after `user`/`for user`/`Invalid user`/`username` (bare, quoted or bracketed),
 * as the value of `user=`, `username:`, `uid=` (a name, not a number), `ruser=`, `logname=`, `acct=`, `login=`,
 * sshd's `Failed password for NAME from`, sudo's `NAME : TTY=`, `-u NAME` of login commands, `.netrc` logins,
 * and the first literal of a `login("name", ...)` call.
 */
export function createUserDetector(): Detector {
  // (A bare word with a quoted name after it is a noun, `User source 'default'`, `user group "ops"`: the name is next.)
  const phrase = boundaryPatterns(
    '(?<![\\w.-])',
    `(?:user(?<!(?:BEGIN|END) user)(?:[ _-]?name)?|login\\s+as)\\s+(?:["'\\[(<]{1,2})?(${name}(?:${realmAfter}|(?!\\s+["'][^"'\\s]+["'])(?!\\]?\\\\)(?=["'\\])>]|[\\s,;:(]|$)))`,
    'gi',
  );
  // An RDP file types its values: `username:s:CORP\\ana` (`s:` a string) holds the name after the type.
  // A key ending in `user` may have any prefix (`srcuser`, `sasl_username`, `X-Forwarded-User`): no boundary before it.
  // A `DOMAIN\\` before the name is dropped (`CORP\\alice`); in escaped text `\\n` `\\r` `\\t` are escapes, not one.
  const keyValueWith = (domainSeparator: string) =>
    boundaryPatterns(
      '',
      `(?:(?<!%\\{)user(?:[ _.-]?name|[ _.-]?id)?|(?<![A-Za-z0-9])(?:usr|ugi|logname|uid|memberuid|samaccountname|(?<![_.-])acct|account name|login(?:[_-]?name)?|principal(?:[_.-]?name)?|set_id|(?:[\\w.-]*[_.-])?actor|(?:created|updated|modified|deleted|requested|approved|triggered|started|submitted|reviewed|assigned|launched|initiated|performed|invoked|changed|owned)[_.-]?by|assignee|reporter|owner|employee|submitter|requester))\\\\?["']?(?:\\s*=>\\s*|=|\\s+=\\s+|:[ \\t]*)(?![x*!]:\\d)(?:[uU](?='))?(?:(?<=name:)s:)?\\\\?["'<]?(?:[\\w.-]+${domainSeparator}(?=[A-Za-z_]))?(${qualifiedName}(?:${realmAfter}|(?![\\w.$@/(-]|:/)))`,
      'gi',
    );
  const keyValueEscaped = keyValueWith('(?:\\\\\\\\|\\\\(?![nrt]))');
  // (Even then `\\n` before the next `key=` is an escaped line break: `user=bob\\npassword=…`.)
  const keyValueLiteral = keyValueWith('\\\\{1,2}(?![nrt][\\w.-]*\\s*[=:])');
  const none: readonly RegExp[] = [];
  const separatedKeyValue = (text: string) =>
    keyPairAt(text, 0, userKeys) === -1 ? none : (looksEscaped(text) ? keyValueEscaped : keyValueLiteral)(text);
  const sshd = new RegExp(
    `\\b(?:password|publickey|keyboard-interactive(?:/pam)?|hostbased|none|gssapi-[\\w-]+|attempt|failure) for (?:invalid user )?(${name}) from\\b`,
    'g',
  );
  // sudo may put what went wrong before the fields: `alice : 3 incorrect password attempts ; TTY=`.
  const sudo = new RegExp(
    `\\bsudo(?:\\[\\d+\\])?:\\s+(${name})\\s+:\\s+(?:[^;\\n]{1,80};\\s+)?(?:TTY|PWD|USER|COMMAND)=`,
    'g',
  );
  // `Login failed: alice (Remote IP: ...)`, `logon failed for user 'alice',`: the name a failed login tried.
  const loginFailed = new RegExp(
    `\\blog(?:in|on) failed(?: for(?: user)?)?:?\\s+["'\\[]?(${name})["'\\]]?(?=\\s*[(,;]|\\s+from\\b)`,
    'gi',
  );
  // The authuser field of the Common/Combined Log Format: `203.0.113.9 - alice [10/Oct/2000:13:55:36 -0700] "GET …`, also
  // behind a prefix (`traefik: 203.0.113.9 - alice [...]`), with the day in one digit, the month as a number or the time
  // in ISO order (`[3/Mar/2026:…]`, `[07/12/2026:…]`, `[2026-01-10 22:34:43]`) as servers configure it.
  const accessLog = new RegExp(
    `(?:^|\\s)[\\w.:-]+ [\\w.-]+ (${name}) \\[(?:\\d{1,2}/(?:[A-Za-z]{3}|\\d{2})/\\d{4}:|\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:)[^\\]\\n]*\\] "`,
    'g',
  );
  // vsftpd's `[pid 3321] [alice] FAIL LOGIN: Client "..."`.
  const vsftpd = new RegExp(`\\[pid \\d+\\] \\[(${name})\\] (?:OK|FAIL) [A-Z]+`, 'g');
  // `"user":{"name":"alice"}` (ECS, OpenTelemetry-style nesting).
  // (Other fields may come first: Slack's `"user":{"id":"U0…","name":"ana"}`; an id is not a name.)
  const nestedName = new RegExp(
    `"user"\\s*:\\s*\\{(?:\\s*"(?!name"|username"|login")[\\w-]+"\\s*:\\s*(?:"[^"\\n]*"|[\\w.-]+)\\s*,){0,4}\\s*"(?:name|username|login)"\\s*:\\s*"(${name})"`,
    'g',
  );
  // `<username>alice</username>`, `<ns:login>bob</ns:login>`: XML elements named like a user.
  const xmlElement = new RegExp(
    `<((?:[\\w.-]+:)?(?:[\\w]+[_-])?(?:user(?:[_-]?(?:name|id))?|login|uid|account))>\\s*(${name})\\s*</\\1>`,
    'gi',
  );
  // cron's `CRON[812]: (alice) CMD (...)`.
  const cron = new RegExp(`\\((${name})\\) CMD \\(`, 'g');
  const netrc = new RegExp(`\\bmachine\\s+\\S+\\s+login\\s+(${name})(?![\\w.$@-])`, 'g');
  // With three literals (`common.login("db", "alice", "…")`) the first names a database: the user is the second.
  const loginCall = new RegExp(
    `login\\s*\\(\\s*(?:(["'])[^"'\\n]*\\1\\s*,\\s*(?=(["'])[^"'\\n]*\\2\\s*,\\s*(["'])[^"'\\n]*\\3\\s*\\)))?(["'])(${name})\\4\\s*,`,
    'gi',
  );
  // Numeric user ids are identities too (`uid=1000`, audit's `auid=1000`, pam's `by alice(uid=1000)`): issue 9 keeps them
  // from the LLM, and templates already treat numbers as variables.
  // Except root's uid 0: the same on every system, it names no person (like 127.0.0.1).
  const numericUid =
    /(?<![A-Za-z0-9_?&])(?:(?:user[_.])?(?:[aefrs]|fs|o)?uid=|uidNumber:\s*)(?!0(?!\d))(\d{1,10})(?!\w)/gi;
  // A number as the login under a user or user-name key (SIP and PBX extensions, numeric logins: `username=243`,
  // `auth user=7712`, `user="4471"`, `User: 888888`); not a count or a list index (three digits or more; not before
  // `]`, `:`, `.` or a letter), and not under `user_id` (a record's id: labels say so only for `uid`).
  const numericLogin =
    /(?<![\w.-])user(?:[_-]?name)?\\?["']?\s*(?:[:=]|=>)\s*\\?["']?(?!0(?!\d))(\d{3,10})(?![\w.:\]-])/gi;
  // `id`'s `uid=1000(alice)`: the name after the number; a log's `session opened for uid=1073 (dmitril)` too.
  const idOutput = new RegExp(`\\buid=\\d+ ?\\((${name})\\)`, 'g');
  const ownerOfUid = new RegExp(`(?<![\\w.-])(${name})\\(uid=\\d`, 'g');
  // smbd's `Authentication for user [alice] -> [guest]`: the account the name was mapped to.
  const mappedTo = new RegExp(`\\] -> \\[(${name})\\]`, 'g');
  // Vault: a token's display name is the auth method and the user (`userpass-alice`), a login path ends in the user.
  const vaultUser = new RegExp(
    `\\b(?:userpass-|display_name[=:"\\s]+(?:ldap|oidc|okta|github|radius|jwt|cert)-|auth/(?:userpass|ldap|okta|radius)[\\w.-]*/login/)(${name})`,
    'g',
  );
  // XML with the field name in an attribute (Windows events): `<Data Name="TargetUserName">alice</Data>`; SAML's
  // `<Attribute Name="uid"><AttributeValue>alice</AttributeValue>`.
  const namedField = new RegExp(
    `\\bName=\\\\?["'](?:[\\w-]*(?:User(?:Name)?|AccountName)|uid|login)\\\\?["'][^<>]*>\\s*(?:<(?:[\\w-]+:)?AttributeValue\\b[^<>]*>\\s*)?(${name})\\s*<`,
    'gi',
  );
  const pgpass = pgpassUser(name);
  // `CORP\\alice` anywhere (also JSON-escaped, `CORP\\\\alice`), Samba's `[CORP]\\[alice]`: the name, not the domain. Not
  // a path (`C:\\Users`, `\\\\server\\share`, WebDAV's `\\\\host@SSL\\share`: the domain follows no `\\`, `/`, `:` or `@`); see
  // looksEscaped for `\\n`.
  const domainBefore = `\\\\(?<=(?<![\\w\\\\/:$%.@-])${windowsDomain}\\\\)`;
  const domainTail = `(${name})(?<!\\.)(?![\\w\\\\/$-]|\\.\\w)`;
  const domainLiteral = new RegExp(`${domainBefore}\\\\?${domainTail}`, 'g');
  const domainEscaped = new RegExp(`${domainBefore}(?:\\\\|(?![nrt]))${domainTail}`, 'g');
  const samba = new RegExp(`\\]\\\\{1,2}\\[(?<=(?<![\\w\\\\/-])\\[[A-Za-z][\\w.-]*\\]\\\\{1,2}\\[)(${name})\\]`, 'g');
  const literalList = [domainLiteral, samba];
  const escapedList = [domainEscaped, samba];
  const domainUsers = (text: string) => (looksEscaped(text) ? escapedList : literalList);
  // `ssh alice@203.0.113.9`, rsync's `alice@10.0.0.5:/srv`: a login at an address (an email needs a domain). Its
  // words are `@` and a digit, so lines whose only `@` is an email's skip it.
  const octet = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
  // (Not an actor system's address, `akka.tcp://flink@10.0.0.5:6123`, nor a SIP URI's extension or service, `sip:ping@…`,
  // nor an Erlang node: after `-name`/`-sname`/`-remsh`, or before a process id, `couchdb@127.0.0.1 <0.1234.0>`.)
  const userAtAddress = new RegExp(
    `(?<![\\w.@%+'-])(${name})@(?<!(?:(?:akka|pekko)(?:\\.\\w+)?://|\\bsips?:|-(?:s?name|remsh)\\s+)[\\w.-]+@)(?=${octet}(?:\\.${octet}){3}(?!\\d|\\.\\d)(?![\\s:]<\\d+\\.\\d+\\.\\d+>))`,
    'g',
  );
  // Each pattern runs only when one of its words is in the lower-cased text: most lines have none of them.
  const allOf =
    (...list: RegExp[]) =>
    () =>
      list;
  const atOctet = /@\d{1,3}\./;
  const userAtAddressOnly = [userAtAddress];
  const noPatterns: readonly RegExp[] = [];
  const always = (pattern: RegExp) => {
    const list = [pattern];
    return () => list;
  };
  // Each group: its words, its patterns for a text, and for key/value patterns the words their keys end in.
  const patterns: ReadonlyArray<readonly [readonly string[], (text: string) => readonly RegExp[], number?]> = [
    // `user NAME`, `username NAME`, `login as NAME`: the word and the blank after it.
    [
      ['user', 'username', 'user_name', 'user-name', 'login'].flatMap((word) => blanks.map((b) => `${word}${b}`)),
      phrase,
    ],
    [
      [
        'user',
        'usr',
        'ugi=',
        'uid=',
        'uid:',
        'uid"',
        "uid'",
        'samaccountname',
        'actor',
        '_by',
        'by"',
        'by=',
        'by:',
        'assignee',
        'reporter',
        'owner',
        'employee',
        'submitter',
        'requester',
        'acct',
        'account name',
        'logname',
        'login',
        'principal',
        'set_id',
      ],
      separatedKeyValue,
      userKeys,
    ],
    [
      [
        'password for',
        'publickey for',
        'interactive for',
        'interactive/pam for',
        'hostbased for',
        'none for',
        'mic for',
        'attempt for',
        'failure for',
        'login failed',
        'logon failed',
      ],
      allOf(sshd, loginFailed),
    ],
    // Two rare words share a bit: sudo's fields and the access log's authuser (each pattern fails fast on its literal).
    [['sudo', '] "'], allOf(sudo, accessLog)],
    [['\\'], domainUsers],
    [['user":', 'user" :'], always(nestedName)],
    // Rare formats share one keyword bit (a detector has 32): .netrc, cron, vsftpd, smbd's mapping, Vault.
    [
      ['machine', ') cmd (', '] ok ', '] fail ', '] -> [', 'userpass-', 'display_name', '/login/'],
      allOf(netrc, cron, vsftpd, mappedTo, vaultUser),
    ],
    [['user>', 'username>', 'user_name>', 'user_id>', 'userid>', 'login>', 'uid>', 'account>'], always(xmlElement)],
    [['login(', ...blanks.map((b) => `login${b}`)], always(loginCall)],
    [['uid=', 'uidnumber:'], allOf(numericUid, idOutput)],
    [['(uid='], always(ownerOfUid)],
    [
      ['user', 'username', 'user_name', 'user-name'].flatMap((key) =>
        ['=', ':', '"', "'", '\\', ...blanks].map((next) => `${key}${next}`),
      ),
      always(numericLogin),
      userKeys,
    ],
    [
      ['username"', 'username\\"', 'user"', 'user\\"', 'accountname"', 'accountname\\"', 'uid"', 'login"'],
      always(namedField),
    ],
    [pgpassWords, always(pgpass)],
    // (Run only where an address's first octet and its dot follow an `@`: Zookeeper's `Processor@476]`, 2,000 loghub
    // lines, is no address; a cheap test before a pattern that tries every position.)
    [
      ['@0', '@1', '@2', '@3', '@4', '@5', '@6', '@7', '@8', '@9'],
      (text) => (atOctet.test(text) ? userAtAddressOnly : noPatterns),
    ],
  ];
  const hintWords = [...new Set(patterns.flatMap(([words]) => words))];
  const hint = anyOf(hintWords);

  return {
    type: 'user',
    keywordGroups: patterns.map(([words]) => words),
    mayMatch: (text) => hint.test(text),
    find(text: string, out: Candidate[], groups = -1): void {
      for (let i = 0; i < patterns.length; i++) {
        if ((groups & (1 << i)) === 0) continue;
        const [, patternsFor, keyWord] = patterns[i] as (typeof patterns)[number];
        for (const pattern of patternsFor(text)) {
          pattern.lastIndex = 0;
          // A key's value may be the next key (`login: username=ana`, `editUser: username=ana`): the next key/value
          // match may start at it.
          let next = 0;
          for (
            let m = keyWord === undefined ? pattern.exec(text) : execAtKeyPair(pattern, text, 0, keyWord);
            m !== null;
            m = keyWord === undefined ? pattern.exec(text) : execAtKeyPair(pattern, text, next, keyWord)
          ) {
            const found = m[m.length - 1] as string;
            const valueStart = m.index + m[0].lastIndexOf(found);
            next = m.index + m[0].length;
            // A principal is one user, `name@realm`; the name alone must look like one.
            const at = found.indexOf('@');
            const value = withoutFinalDots(at === -1 ? found : found.slice(0, at));
            const principal = at !== -1 && isPrincipal(found, at);
            // (`name@example.com` is one email, the name no user of its own: label convention.)
            if (at !== -1 && !principal && isMailDomainAt(text, valueStart + at + 1)) continue;
            const length = principal ? found.length : value.length;
            // (A value before `=` is the next key: no name, and the next match may start at it.)
            if (keyWord !== undefined && text.charCodeAt(valueStart + value.length) === 61) {
              next = valueStart;
              continue;
            }
            // A quoted or bracketed value is a name whatever word it is (`user="reporting"`, `[manager]`).
            const opening = text.charCodeAt(valueStart - 1);
            const quoted = opening === 34 || opening === 39;
            // (The access log's authuser field holds a login whatever word it is: `- staging [`.)
            const certain =
              quoted ||
              pattern === accessLog ||
              opening === 91 ||
              opening === 60 ||
              certainLead.test(text.slice(Math.max(0, m.index - 8), valueStart));
            if (!plausibleName(value, certain)) continue;
            if (saysNoAccount(text, m.index, valueStart, value, certain)) continue;
            if (i === 0 && !certain && proseAfterBareUser(text, m.index, valueStart, value)) continue;
            // `"actor_user_name":"Dana Brennan"`: a display name goes on past a space inside its quotes, it is no login.
            const end = valueStart + value.length;
            if (quoted && /^ [^"'\n]{0,64}["']/.test(text.slice(end, end + 66))) continue;
            out.push(candidate('user', valueStart, valueStart + length, m.index, valueStart + length));
          }
        }
      }
    },
    normalize: keepAsIs,
  };
}
