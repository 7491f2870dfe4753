import { afterAnyBut, blanks } from '../keyword-scan';
import { isCommonWord, isWordCompound } from './common-words';
import { combineDetectors, type Detector } from './detector';
import { createRuleDetector, rule } from './rules';
import { personRoles, roleWords } from './person-roles';
import { isPlaceholderValue } from './secret-kv';
import { notAName } from './user';
import { proseLoginEnd as end, fieldLoginEnd as fieldEnd, proseLogin as name, sameCommand } from './user-name';

/**
 * User names by how English log messages say who did something, whatever the software: the actor after a participle
 * and `by` (`updated by frontdesk.lsilva`), after `assigned to`, a login word and `for`, or a connection word and
 * `as`; a role noun before the name (`agent agent.dcortez`, `inspector insp.dkowalski`); and numeric uids in prose
 * (`UID 1004`, `user@1004.service`). The words alone are prose in most lines (`caused by timeout`, `sorted by name`),
 * so a name must also look like a login (see `loginShaped`). A plain lower-case word counts only where the phrase says
 * a person (a failed login `for`, a session `as`, a daemon's `setuid to`), and never a word logs use as prose; after
 * `by` it does not (`requested by caller`, `masked by runner`, `handled by vault`: no dictionary tells those apart).
 */

// An SQL INSERT with a user column among the first five, and the literal in the same place of its VALUES.
const sqlValue = `(?:'[^'\\n]*'|"[^"\\n]*"|[\\w.-]+)`;
const sqlInsertUser = [0, 1, 2, 3, 4]
  .map(
    (before) =>
      `\\bINSERT\\s+INTO\\s+[\\w."\`]+\\s*\\(\\s*(?:[\\w"\`]+\\s*,\\s*){${before}}["\`]?(?:user(?:_?name)?|login(?:_?name)?)["\`]?\\s*(?:,[^()\\n]*?)?\\)\\s*VALUES\\s*\\(\\s*(?:${sqlValue}\\s*,\\s*){${before}}'(${name})'`,
  )
  .join('|');
// A mainframe account: capitals, digits and `#$@`, 1-10 long (z/OS allows 8, IBM i 10).
const mainframeId = '[A-Z#$@][A-Z0-9#$@]{0,9}';

/** A login, by its shape: letters with an inner `.` or `_` (`frontdesk.lsilva`, `hr_admin_x`), with an inner `-` and a
 * digit or a capital (`vpn-guest-07`, `Steward-Ana`; `non-trusted` and `meta-data` are words), or letters then digits
 * (`kaveh8`, `vendortech02`, `CDGGA0412`). */
const loginShape =
  /^[A-Za-z][A-Za-z0-9-]*(?:[._][A-Za-z0-9-]+)+$|^(?=.*[0-9A-Z])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+$|^[A-Za-z]{3,}\d{1,6}$/;
// A version (`v1.12`, `python3.11`): a dotted number.
const versionLike = /^[vV]\d|\d\.\d/;
// A record's id: a capital prefix and a number (`SR-1182`, `TKT-88120007`), a ticket or an order, not a person.
const recordId = /^(?:[A-Z]{1,8}[-_]\d+|[a-z]{1,2}[-_]\d{3,})$/;
// A machine's name, numbered after a machine word: `bamboo-agent-04`, `build_worker_3`, `ci.runner2`.
const machineName =
  /(?:^|[._-])(?:agent|worker|node|host|server|runner|builder|build|vm|pod|box|srv|sensor|device|client|gw|proxy|db|web|app)[._-]?\d+$/i;

// An environment variable (`BORG_PASSCOMMAND`, `SMTP_USER`): capitals joined by `_` name a setting, not an account.
const envName = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
// A plug-in module by its conventional prefix (`pam_slurm_adopt`, `nss_ldap`, `ngx_http_auth`; `mod_` is a moderator's too).
const modulePrefix = /^(?:pam|nss|ngx|lib)_/;

// Last labels that make a dotted name a host or a file, not a login (`db.prod.internal`, `report.csv`).
const hostOrFileEnd =
  /\.(?:com|net|org|edu|gov|io|dev|app|ai|co|uk|de|fr|eu|us|nl|es|it|ch|jp|cn|ru|in|br|au|ca|example|local|internal|lan|corp|cloud|svc|cluster|localdomain|arpa|test|invalid|csv|pdf|txt|log|json|xml|yaml|yml|zip|gz|tgz|tar|jpg|jpeg|png|gif|doc|docx|xls|xlsx|html|htm|js|ts|py|rb|go|java|jar|war|sh|conf|cfg|ini|sql|bak|service|socket|timer|target|mount|slice|exe|dll|so|sys|ko|bin|dat|deb|rpm|msi|iso|img|key|pem|crt|cer|pub)$/i;

// Three or more labels ending in a country-code-like label: a host (`mail.deniztech.com.tr`).
const dottedHost = /^(?:[\w-]+\.){2,}[a-z]{2}$/;
// Words of software, not of people: a login-shaped name made only of these (and numbers) is a code identifier or a
// component (`config_loader`, `order_service`, `key_id`, `mod_ssl`, `python3`, `panel_v2`), not an account.
const softwareWord = new Set(
  (
    'python py utf sha md crc base amd arm aarch ipv http https tls ssl ssh aes rsa ecdsa des java jdk jre node win ' +
    'windows debian ubuntu centos rhel fedora alpine php ruby perl go net dotnet gpt eth wlan bond vlan nvme tty pts ' +
    'cpu core gpu port pod worker host server web app db vm item step stage job row col line page version ver rev ' +
    'build release level tier zone region rack shelf slot lane gate pool shard partition replica queue topic table ' +
    'index test case phase round batch run task thread proc process mysql postgres postgresql pg redis mongo mongodb ' +
    'oracle log logs config conf cfg settings setting loader load reader writer read write parser parse handler ' +
    'manager service services api gateway order orders key keys id ids uid gid rule rules www data dataset terraform ' +
    'cron crontab ssh agent panel kube k8s operator controller list lists member members ticket tickets team teams ' +
    'platform nvidia drm driver vim emacs plugin plugins video audio image images player mplayer mod mods bot bots session ' +
    'sessions sig sigterm sigkill sighup sigint handler handlers signal event events message messages queue cache ' +
    'store storage bucket file files dir path tmp temp var etc usr bin lib opt src dst out in input output stdin ' +
    'stdout stderr error errors warn info debug trace metric metrics stats status health check checks probe monitor ' +
    'alert alerts notify notifier notification mail smtp imap pop dns dhcp ntp http2 grpc rpc rest json xml yaml csv ' +
    'html sql query queries schema model models view views form forms field fields type types value values default ' +
    'main master primary secondary backup restore sync async import export upload download client clients proxy ' +
    'user users group groups role roles admin root guest system sys auth token tokens secret secrets password cert ' +
    'certs account accounts profile profiles team org tenant project projects repo repos branch commit pr ci cd ' +
    'pipeline pipelines deploy deployment build builds release stage prod production dev staging qa test tests lint ' +
    'fmt format new old tmp max min avg count total sum num no yes true false on off enable enabled disable disabled ' +
    'start stop restart init boot shutdown open close create created update updated delete deleted get set put post ' +
    'patch add remove rm ls cat cp mv kill exec spawn fork wait sleep retry timeout limit rate size len length ' +
    'native unix pam grant range cidr subnet mask ip conditional access invalid valid bad credentials internal ' +
    'external local remote global shared common generic legacy ' +
    // Automation that acts in logs the way people do (`triggered by github_actions`, `killed by oom_killer`).
    'github gitlab bitbucket jenkins argo argocd flux azure aws gcp gke eks aks k8s kubelet kubectl hpa celery ' +
    'sidekiq dependabot renovate terraform ansible puppet chef salt docker podman helm vault consul nomad ' +
    'prometheus grafana elastic kibana logstash fluentd fluentbit nginx apache haproxy envoy istio traefik certbot ' +
    'letsencrypt lets encrypt acme oom killer gc collector waf gpg pgp devops actions action ci auto merge round ' +
    'robin on call oncall sre filter engine fraud spam beat uploader downloader scheduler sync syncer watcher ' +
    'reconciler hook cleanup janitor reaper sweeper migrator migration importer exporter indexer crawler scraper ' +
    'sender receiver router balancer limiter validator checker scanner analyzer compiler executor launcher tester ' +
    'eviction policy cron timer daemon service svc bot automation ftp sftp ftps rdp vnc telnet snmp radius ntlm oidc ' +
    'scram plain digest basic bearer'
  ).split(' '),
);
// A class by its package (`sun.misc.Launcher`, `akka.actor.LocalActorRef`): lower-case labels, then a capital.
const className = /^[a-z]\w*(?:\.[a-z]\w*)+\.[A-Z]\w*$/;
// Dotted code paths (`os.path`, `self.name`, `res.users`): the first label is a module or an object.
const codeStart =
  /^(?:os|sys|self|this|super|java|javax|org|com|net|io|std|np|pd|tf|torch|django|flask|res|hr|ir|req|ctx|config|settings|app|window|document|console|process|module|exports|user|users|auth|api|db|models?)\./i;

/** Words logs use as prose where a name could stand (`by default`, `as expected`, `for example`, `member merge`),
 * and the system's own role words (`by admin`, `as root`, `by system`): no person. */
const proseWord = new Set(
  (
    'default design hand mistake way far now then itself themselves himself herself yourself policy rule rules ' +
    'name names host hosts time date size type key keys value values peer peers remote local system kernel signal ' +
    'timeout error errors exception exceptions request requests response another other others some any one two ' +
    'three each every all both either neither none nobody somebody someone anyone everyone client clients node nodes ' +
    'process processes thread threads worker workers job jobs task tasks scheduler cron daemon ' +
    'administrators operator guest anonymous anon everyone public internal external ' +
    'example instance expected usual well follows follow such above below before after soon possible needed ' +
    'required intended designed normal standard usual unknown merge team group groups email mail phone sms text ' +
    'reference value script scripts policy app application applications program service module plugin plugins ' +
    'driver drivers device devices browser terminal console shell command commands api web ui cli batch batches ' +
    'automation pipeline pipelines trigger webhook webhooks bot robot human humans customer customers staff agent ' +
    'agents member members people person employee employees manager managers owner owners author authors network ' +
    'proxy gateway server servers handler handlers event events message messages file files disk memory cpu ' +
    'order orders hash id number serial mode level region zone cluster policy cache index table field column ' +
    'row rows line lines page pages source target upstream downstream parent child children origin destination ' +
    'way means virtue construction definition nature law contract rotation schedule timer crontab cronjob ' +
    'tag tags label labels branch branches commit commits push pull pr mr release releases build builds deploy ' +
    'oauth sso saml ldap kerberos password passwords token tokens certificate certificates key link links ' +
    'self its their his her our your my me us them him it this that these those there here what which who whom ' +
    'user users admins roles role support security compliance finance legal sales marketing ops devops engineering ' +
    'vendor vendors partner partners third party the a an master slave primary secondary replica standby leader ' +
    'follower observer listener subscriber publisher producer consumer participant voter learner arbiter witness ' +
    'mirror backup readonly readwrite'
  ).split(' '),
);

function isProse(value: string): boolean {
  const lower = value.toLowerCase();
  return proseWord.has(lower) || notAName.has(lower);
}

/** A value that can be a user name where the words around it only hint at one: login-shaped, no host, file, code
 * path, version, record id, numbered machine or placeholder, and not made only of words of software. */
export function loginShaped(value: string): boolean {
  if (
    !loginShape.test(value) ||
    isPlaceholderValue(value) ||
    hostOrFileEnd.test(value) ||
    codeStart.test(value) ||
    className.test(value) ||
    dottedHost.test(value) ||
    machineName.test(value) ||
    versionLike.test(value) ||
    recordId.test(value) ||
    envName.test(value) ||
    modulePrefix.test(value)
  )
    return false;
  if (isProse(value)) return false;
  // Words joined by `-` that are all English are a header or a compound (`Proxy-Authorization`, `Read-Only`).
  if (value.includes('-') && value.split('-').every((part) => isCommonWord(part))) return false;
  // Some part must be a person's (`frontdesk.lsilva`, `kaveh8`), or a role numbered as an account (`driver_44120`).
  const parts = value.toLowerCase().split(/[._-]|(?<=[a-z])(?=\d)/);
  return (
    parts.some((part) => /^[a-z]{2}/.test(part) && !softwareWord.has(part) && !isProse(part)) ||
    (parts.some((part) => roleWordSet.has(part)) && parts.some((part) => /^\d+$/.test(part)))
  );
}

// Words that start a hyphenated English word (`non-trusted`, `re-run`, `self-signed`), not a login's first part.
const wordPrefix = /^(?:non|pre|post|re|sub|multi|inter|self|co|anti|semi|auto|cross|over|under|out|mid|de|un|in|e|x)-/;
// Past tenses, gerunds and other derived words that are prose where a name could stand (`by manually`). (Not `-ist`:
// surnames end so, `jlindqvist`, `bergkvist`, and the English words in `-ist` are common words or compounds.)
const derivedWord = /(?:ed|ing|ly|tion|sion|ment|ness|ity|ism|ous|ive|ize|ise|able|ible|ful|less)$/;

/** A word of no language but a person's login: not a common English or log word, not prose, not a word of software. */
function noWord(word: string): boolean {
  let answer = noWords.get(word);
  if (answer === undefined) {
    if (noWords.size >= 4096) noWords.clear();
    answer = isNoWord(word);
    noWords.set(word, answer);
  }
  return answer;
}
// The same words recur on every line of a log: their answers are kept (a bounded cache).
const noWords = new Map<string, boolean>();

function isNoWord(word: string): boolean {
  return (
    !isCommonWord(word) && !isProse(word) && !softwareWord.has(word) && !derivedWord.test(word) && !isWordCompound(word)
  );
}

/** A login without the login shape, by its words: one lower-case word that is no common word (`tquinlan`, `hpadmin`;
 * not `caller`, `vault`, `nightly`), or lower-case words joined by `-` one of which is none (`netadm-ro`, `hr-kfoster`;
 * not `sync-engine`, `non-trusted`), or a service account's `svc-` prefix (`svc-veeam`). */
export function plainLogin(value: string): boolean {
  if (/^[a-z]{3,24}$/.test(value)) return noWord(value);
  if (!/^[a-z]{2,}(?:-[a-z]{2,}){1,3}$/.test(value) || wordPrefix.test(value) || hostOrFileEnd.test(value))
    return false;
  const parts = value.split('-');
  if (parts[0] === 'svc') return true;
  return !isProse(value) && parts.some((part) => part.length >= 3 && noWord(part));
}

// A program's short suffix after a word (`lockmgr`, `jobctl`, `syncd`, `logmon`): a daemon or a tool, no person. `d` and
// `mon` end words and names too (`freed`, `lemond`, `solomon`): only after a software word.
const softwareSuffix = /^([a-z]{3,}?)(mgr|mgmt|ctl|ctrl|srv|svc|mon|daemon|d)$/;

/** A plain login made of software: a role's word after a common or software word of 3+ letters (`lockholder`,
 * `useragent`; not an initial and a surname, `eholder`, `gplayer`), or a word and a program's suffix (`lockmgr`,
 * `jobctl`; `syncd`, `logmon` after a software word only). Where a role software shares with people takes a long plain
 * login (`player=`, `holder NAME`), such a value is the program (found in review, round 9; narrowed after review). */
export function softwareCompound(value: string): boolean {
  const lower = value.toLowerCase();
  if (softwareWord.has(lower)) return true;
  const suffix = softwareSuffix.exec(lower);
  if (suffix !== null) {
    const stem = suffix[1] as string;
    if (softwareWord.has(stem) || (suffix[2] !== 'd' && suffix[2] !== 'mon' && isCommonWord(stem))) return true;
  }
  for (const role of sharedRoleWordList) {
    if (role.length < 5 || lower.length < role.length + 3 || !lower.endsWith(role)) continue;
    const before = lower.slice(0, -role.length);
    if (isCommonWord(before) || softwareWord.has(before)) return true;
  }
  return false;
}
const sharedRoleWordList = roleWords('shared', 'any');

// A vendor's generated id: a short prefix, `_`, then random capitals, lower case and digits (`cus_VoXtizexmoIzi6`),
// or a long number after a short prefix (`pub-9182736450`).
const vendorId = /^[a-z]{2,5}_(?=[a-z0-9]*[A-Z])(?=[A-Z0-9]*[a-z])[A-Za-z0-9]{8,}$|^[A-Za-z]{1,4}[_-]\d{6,}$/;
// A number after an account's or a customer's prefix (`acct_81290`, `cust-2207`): the application's own id for an
// account, no login (label convention).
const accountNumber = /^(?:acct|acc|cust|cus|mbr)[_-]?\d+$/i;
// A record's number, a short prefix and digits (`dlr-4644`, `sub_88212`): a staff login has that shape too (`enf_0442`),
// so only after a role software holds too is it no login.
const recordNumber = /^[a-z]{1,3}[_-]\d+$/;

/** A generated id, no login: a letter after a digit (`ich_1Q8x4471`, a UUID) or a vendor's id; after a role software
 * holds too (`tenant=dlr-4644`), also a record's number. No role rule reads one. */
export function generatedValue(value: string, holder: 'person' | 'shared' = 'person'): boolean {
  return (
    /\d[A-Za-z]/.test(value) ||
    vendorId.test(value) ||
    accountNumber.test(value) ||
    (holder === 'shared' && recordNumber.test(value))
  );
}

// The account every Unix system has, a word in English too: in an actor's place it is the account (label convention).
// (`by admin` is as often a role before a name, `cleared by admin mod_ayesha`, as an account.)
export const systemAccounts: ReadonlySet<string> = new Set(['root']);

/** Where the words only hint at a person: a login-shaped value, a plain login or a system's own account. */
function loginOrPlainLogin(value: string): boolean {
  return loginShaped(value) || plainLogin(value) || systemAccounts.has(value);
}

/** An account in capitals is no prose and no word of software (`LDAP`, `HTTP`). */
function noProseOrSoftwareWord(value: string): boolean {
  return !isProse(value) && !softwareWord.has(value.toLowerCase());
}

/** A value that can be a name where the words around it say a person acted: login-shaped, or one lower-case word
 * (`tquinlan`) that is not prose. */
function plainOrLoginShaped(value: string): boolean {
  if (loginShaped(value) || plainLogin(value)) return true;
  // (A past tense or gerund is the next verb, `by manually`, `for testing`: prose.) An account in capitals
  // (`WSAFRBOT`, SAP's and mainframes' style) is no word of software either (`LDAP`, `HTTP`).
  if (/^[A-Z][A-Z0-9_]{2,23}$/.test(value)) return noProseOrSoftwareWord(value);
  return /^[a-z]{3,24}$/.test(value) && !isProse(value) && !/(?:ed|ing|ly|tion|ment|ness)$/.test(value);
}

// Role words a numbered account may be named for (`driver_44120`).
const roleWordSet = new Set(roleWords('any', 'prose'));
// A role before a word is the role of who follows (`mute applied by moderator noahm3430`, `routed to paralegal queue`),
// not a name.
const roleBeforeWord = `(?!(?:${roleWords('any', 'any').join('|')})\\s+[A-Za-z])`;
// A login or authentication word that a `for NAME` completes.
const authWord =
  '(?:log[ -]?(?:in|on)s?|sign[ -]?(?:in|on)|auth(?:entication|orization)?|password|passwd|cred(?:ential)?s?|bind|access)';
// What happened to it: only then does `for` name an account (`login failed for`, not `login shell for bash`).
const authOutcome =
  '(?:fail(?:ed|ure|s)?|unable|succe(?:eded|ss|ssful)|successfully|accepted|denied|rejected|refused|invalid|wrong|bad|' +
  'incorrect|mismatch|expired|reset(?:ting)?|chang(?:e|ed|ing)|updat(?:e|ed|ing)|locked|unlocked|granted|revoked|' +
  'issued|rotated|ok|attempts?|initial|created)';
// A word each of authWord's and authOutcome's spellings holds: a rule that needs both runs only where both are.
const authWords = (
  'login|log in|log-in|logon|log on|log-on|signin|sign in|sign-in|signon|sign on|sign-on|auth|password|passwd|cred|' +
  'bind|access'
).split('|');
const authOutcomeWords = (
  'fail unable succe accepted denied rejected refused invalid wrong bad incorrect mismatch expired reset chang updat ' +
  'locked granted revoked issued rotated ok attempt initial created'
).split(' ');
const loginWords = [authWords, authOutcomeWords];
// Quotes or brackets around a name, also JSON-escaped (`\\"root\\"`) or a quoted list item (`['ubuntu']`).
const open = `(?:\\\\?["'\\[]){0,2}`;
const close = `(?:\\\\?["'\\]]){0,2}`;

// `for ` after a login word and what happened to it (`Failed login attempt for`, `login with X succeeded for`,
// `password expired for`).
const loginBeforeFor = `(?<=\\b(?:${authOutcome}\\s+(?:\\S+\\s+){0,2}?${authWord}(?:\\s+attempts?)?|${authWord}\\b\\S*(?:\\s+(?!for\\b)\\S+){0,3}?\\s+${authOutcome})\\s+for\\s+)`;
const forAfterLogin = `\\sfor\\s+${loginBeforeFor}`;

// Words that name a person's slot: a quoted or bracketed login after one is the person (`Login by 'x'`, `for [x]`).
const slotWords = (
  'by for principal user username account login logon initiator who owner actor subject operator requester ' +
  'requestor approver reviewer assignee trader teller cardholder member'
).split(' ');
// Of those, the words only a person fills, so a bare login after one is the person too (`for` and `by` are prose).
const bareSlotWords = [
  ...'principal initiator who requester requestor trader teller cardholder'.split(' '),
  'target user',
  'target account',
];
// A generated id, not a login: a letter after a digit (`acct_829dLIa0meSLoiJZ`, `ich_1Q8x4471`; `kaveh8`, `tier2.jdoe` stay).
const generatedId = /\d[A-Za-z]/;

// The last words of keys that name who acted: a person's role, and the identity one signs in with (EAP's, VPNs').
const roleKeyWords = [...personRoles, 'identity'];
/** An account in capitals as some systems write a person's (`DARIOH`, `GUSTAVOB`): letters only, no word. */
function capitalsAccount(value: string): boolean {
  return /^[A-Z]{5,12}$/.test(value) && !isCommonWord(value) && noProseOrSoftwareWord(value);
}

/** A login in a person's slot: login-shaped or a plain login, and no generated id. */
function slotLogin(value: string): boolean {
  return !generatedId.test(value) && loginOrPlainLogin(value);
}

export function createUserActorDetector(): Detector {
  // Where the words say a person acted and a plain word may be the name.
  const plainNames = createRuleDetector(
    'user',
    [
      [
        // `Failed login for lena.m from …`, `authentication failed for juliet:`, `failed authentication for 'oracle'`:
        // a login word, at most a few words, then `for` and the name tried.
        rule(
          [' for '],
          `${forAfterLogin}(?!user\\b|account\\b)${open}(${name})${close}(?=\\s+(?:from|at|on|via|with|in|to|set|failed|using|over)\\b|\\s+[\\w.]+=|\\s*[(,;]|:(?:\\s|$)|\\s*$|(?<=["'\\]]))`,
          undefined,
          'gi',
          loginWords,
        ),
        // `connected as tsdbadmin via …`, `Connecting to host … as root,`, `authenticated: … as jlowe (`: the account a
        // session runs as (a client connecting `as` an id names the client, not a person).
        rule(
          [' as '],
          `\\sas\\s+(?<=(?<!\\bclient\\s)\\b(?:connect(?:ed|ing)?|authenticated|logged (?:in|on)|logging in|signed in|bind|bound|binding|impersonating)\\b(?:(?!\\bclient\\b)[^\\n;|]){0,60}?\\sas\\s+)${open}(${name})${close}${end}`,
          undefined,
          'gi',
        ),
        // A daemon dropping privileges to the account it now runs as: `setuid to dfischer succeeded`, `changing user to
        // svc_mail`, `dropping privileges to nobody`.
        rule(
          ['setuid to', 'setgid to', 'uid to', 'user to', 'privileges to', 'root to'],
          `\\sto\\s+(?<=\\b(?:set[ug]id|(?:chang|switch)(?:e|es|ed|ing)? (?:uid|user)|dropp(?:ed|ing) (?:privileges|root))\\s+to\\s+)${open}(${name})${close}${end}`,
          undefined,
          'gi',
        ),
        // `Authentication request for "nilssong" has succeeded`, `login attempt for kahalep was denied`: the outcome after
        // the name.
        rule(
          [' for '],
          `\\sfor\\s+(?<=\\b${authWord}\\s+(?:request|attempt)s?\\s+for\\s+)${open}(${name})${close}(?=\\s+(?:has|have|was|is)\\s+(?:been\\s+)?${authOutcome}\\b)`,
          undefined,
          'gi',
          [authWords, ['request', 'attempt']],
        ),
        // A user's session: `Session opened for oksana.marchenko from 91.203.145.66`, `session closed for tkrause`.
        rule(
          ['session '],
          `\\bsession\\s+(?:opened|closed|started|created|established|ended)\\s+for\\s+(?!user\\b)${open}(${name})${close}(?=\\s+(?:from|at|on|via|by)\\b|\\s*[(,;]|\\.?\\s*$)`,
          undefined,
          'gi',
        ),
        // The outcome after the name and a colon: `auth failed on module backups from host for nightly: password mismatch`.
        rule(
          [' for '],
          `\\sfor\\s+(${name}):\\s+(?:password|authentication|auth|access|login)\\s+(?:mismatch|fail(?:ed|ure)|denied|incorrect|invalid|rejected|expired)\\b`,
          undefined,
          'gi',
          [
            ['password', 'auth', 'access', 'login'],
            ['mismatch', 'fail', 'denied', 'incorrect', 'invalid', 'rejected', 'expired'],
          ],
        ),
        // util-linux and busybox login: `FAILED LOGIN 2 FROM 10.3.3.3 FOR operator2, Authentication failure`, `LOGIN ON
        // tty1 BY alice`, `root login on 'ttyS0'`.
        rule(
          ['failed login', 'login on'],
          `\\bFAILED LOGIN \\d+ (?:FROM \\S+ )?FOR (${name}),|\\bLOGIN ON \\S+ BY (${name})\\b|(?<![\\w.-])(${name}) login on '?(?:tty|pts|console|hvc)`,
        ),
      ],
    ],
    plainOrLoginShaped,
  );
  // Where the words only hint at a person: the name must be login-shaped or no common word.
  const loginNames = createRuleDetector(
    'user',
    [
      [
        // `export by adm.coordinator2:`, `upload by tc.mramirez file …`, `lookup by Steward-Ana:`, `… by elif3;`.
        rule(
          [' by '],
          `\\bby(?<![.-]by|(?:[Ss]orted|[Gg]rouped|[Oo]rdered|[Pp]artitioned) by)\\s+${roleBeforeWord}(${name})${end}`,
        ),
        // `assigned to aml.analyst.rkhan`, `escalated to tier2.jdoe`: who now holds it.
        rule(
          ['assigned to', 'escalated to', 'transferred to', 'handed over to', 'delegated to', 'routed to'],
          `\\sto\\s+(?<=\\b(?:assigned|reassigned|escalated|transferred|handed over|delegated|routed)\\s+to\\s+)(?:agent\\s+|user\\s+)?${roleBeforeWord}(${name})${end}`,
          undefined,
          'gi',
        ),
        // The account an action ran as, ending the line: `uploaded run 4411 as instr_svc`, `via smtp.example:587 as
        // tamsin` (`as expected`, `closing as informative`, `as is` are words).
        rule([' as '], `\\sas\\s+(${name})\\.?\\s*$`),
        // The subject of a session verb: `ops_kim logged in`, `Raptor97[/203.0.113.5:27005] signed out`.
        rule(
          ['logged ', 'signed '],
          `(?<![\\w.@/\\\\-])(${name})(?:\\[[^\\]\\s]*\\])?\\s+(?:has\\s+|was\\s+|successfully\\s+)?(?:logged|signed)\\s+(?:in|on|out|off)\\b`,
          undefined,
          'g',
        ),
        // Who a moderator acted on: `invited bo.li to #ops`, `banned spam_bot7`, `impersonating cs.agent4`.
        rule(
          ['invited', 'banned', 'kicked', 'muted', 'impersonat', 'on behalf of'],
          `\\b(?:invited|banned|kicked|muted|unbanned|unmuted|impersonat(?:ed|ing)|on behalf of)\\s+(?:user\\s+)?(${name})${end}`,
          undefined,
          'gi',
        ),
        // `User logged in: aoyelaran`, `[etl_loader]: logged in`, `[analyst.kim]: failed to log in`, `logged in using
        // ops_ro`: who the session is.
        rule(
          ['logged ', 'signed ', 'to log'],
          `\\b(?:logged|signed)\\s+(?:in|on|out|off)(?:(?:\\s+as)?:\\s+|\\s+using\\s+)(${name})${end}|\\[(${name})\\]:?\\s+(?:(?:has\\s+)?(?:logged|signed)\\s+(?:in|on|out|off)|failed to (?:log|sign)\\s?(?:in|on))\\b`,
          undefined,
          'gi',
        ),
        // An FTP server's `331 Password required for edi_upload.` and its client's prompt `Name (host:jlee): edi_upload`.
        rule(
          ['required for', 'name ('],
          `\\bPassword required for (${name})${end}|\\bName \\([^\\s():]+:(${name})\\):[ \\t]*(${name})?`,
        ),
        // Keys that name who did it: `Operator="swebb"`, `administrator:"cpadmin"`, `approver=kmensah`, `<Operator>ana7
        // </Operator>` (a login by shape or no common word: `author=acme` is a word, `Operator="In"` a selector's).
        rule(
          ['operator', 'administrator', 'admin', 'approver', 'author', 'editor', 'creator', 'technician'].flatMap(
            (key) => ['\\', '"', "'", ':', '=', '>', ...blanks].map((next) => `${key}${next}`),
          ),
          `\\b(?<![.-])(?:operator|administrator|admin|approver|author|editor|creator|technician)(?:\\\\?["']?\\s*[:=]\\s*\\\\?["']?(${name})(?=\\\\?["']|[\\s,;})\\]]|$)|>(${name})</(?:[\\w-]+:)?(?:operator|administrator|admin|approver|author|editor|creator|technician)>)`,
          undefined,
          'gi',
        ),
        // `parent login jgreenberg_parent from`, `login driver_44120 device …`: a login word before a login-shaped name.
        rule(
          ['login ', 'logon '],
          `\\blog(?:in|on)\\s+(?!(?:from|to|as|for|with|via|at|by|of|on|in)\\b)(${name})(?=\\s+(?:from|at|on|via|device|status|succeeded|failed|ok)\\b|[\\s,;]*$|\\s*[,;]|\\s+\\()`,
          undefined,
          'gi',
        ),
      ],
    ],
    loginOrPlainLogin,
  );
  // Numeric user ids in prose; uid 0 is root's on every system and names no person.
  const uidNumber = '(?!0(?!\\d))(\\d{1,10})';
  // (In prose a uid ends the sentence or a parenthesis; `uid 2010 class super-user` is a configuration's syntax.)
  const uid = `${uidNumber}(?=\\s*$|\\s*[.)\\],;](?:\\s|$|:)|\\s+and\\b)`;
  const numericIds = createRuleDetector(
    'user',
    [
      [
        // systemd's `User Manager for UID 1004`, qmail's `uid 1004`, snapd's `(uid 1001)`, `euid from 0 to 1010`.
        rule(['uid '], `(?<![\\w.-])(?:[erfs]|fs)?uid\\s+(?:from\\s+\\d+\\s+to\\s+)?${uid}`, undefined, 'gi'),
        // A `KEY:VALUE` list: Slurm's `request from UID:21044 GID:21044 HOST:…`.
        rule(['uid:'], `(?<![\\w.-])UID:${uidNumber}(?=\\s+[A-Z]+:)`),
        // `user@1004.service`, `user-1004.slice`, `user-runtime-dir@1004.service`: systemd names a user's units by uid.
        rule(
          ['.service', '.slice', '.scope'],
          `\\buser(?:-runtime-dir)?[@-]${uidNumber}(?=\\.(?:service|slice|scope)\\b)`,
        ),
        // A dict or JSON key `uid` with a number: `'uid': 2107`, `"uid": 1000`.
        rule(["uid'", 'uid"'], `\\buid\\\\?["']\\s*:\\s*${uidNumber}(?![\\w.])`, undefined, 'gi'),
      ],
    ],
    () => true,
  );
  // Identity syntax: a Matrix user id `@name:server.tld` (any homeserver), an IMAP mailbox `user.NAME`, a name before
  // its uid, and a name quoted after `user` in escaped JSON text (`User \\"acme-upload\\" logged in`).
  const identities = createRuleDetector(
    'user',
    [
      [
        rule(
          afterAnyBut(/[\w.@%+\\-]/, '@'),
          `(?<![\\w.@%+\\\\-])@(${name}):(?=[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(?![\\w.-]))`,
        ),
        // An IMAP mailbox in the other users' namespace: `mailbox: user.jdoe`, `mailbox 'user/jdoe'` (a folder may follow).
        rule(['mailbox'], `\\bmailbox:?\\s+["']?user[./]([A-Za-z][\\w-]{0,63})(?![\\w@-])`, undefined, 'gi'),
        // A name before its uid in parentheses: `for rsato (uid 2201)`, `owner mlee (uid=1004)`.
        rule(['(uid'], `(?<![\\w.@-])(${name})\\s\\(uid[ =:]\\d+\\)`),
        // Quoted after a login's `for`, a name may be capitalized: `login … succeeded for "Quillon"`.
        // (The quote first: few `for`s have one after them, and the look back at the login words costs far more.)
        rule([' for '], `\\sfor\\s+(?=\\\\?["'])${loginBeforeFor}\\\\?(["'])(${name})\\\\?\\1`, [2], 'gi', loginWords),
        rule(['user \\"', 'user \\\\"'], `\\b[Uu]ser\\s+\\\\{1,3}"(${name})\\\\{1,3}"`),
      ],
    ],
    (value) => !isPlaceholderValue(value) && !isProse(value),
  );
  // Where the syntax itself says a login: any name but a placeholder.
  const logins = createRuleDetector(
    'user',
    [
      [
        // The login of a remote shell or copy: `ssh deploy@web-3.example.net`, `sftp edi_in@files.example.com`, `rsync -a
        // src/ bk_user@nas.lan:/dst`. The claim runs from the command through the host, so `NAME@host` is not read as an email; any name counts
        // there (`deploy`, `backup`), it is syntax; also before a host that embeds an address (`ip-10-0-1-5.ec2.internal`,
        // a `hostname` of its own).
        // (`\b(?<![./-])`: `(?<![\w./-])` before a letter, tested faster.)
        rule(
          ['ssh', 'scp', 'sftp', 'rsync', 'mosh'],
          `\\b(?<![./-])(?:ssh|scp|sftp|rsync|mosh|autossh|sshfs|ssh-copy-id)(?![\\w.-])(?:\\s+(?!-[^\\s]*@)[^\\s@|;&<>]+){0,8}?\\s+(?:[\\w./~-]*:)?(?!git@)(${name})@[A-Za-z0-9][\\w-]*(?:\\.[\\w-]+)*(?![\\w.@-])`,
          undefined,
          'g',
          // (Every match holds its `@`: sshd's own lines, 2,838 on loghub, hold none.)
          [['@']],
        ),
        // An admin CLI's `accounts <verb> NAME` (`tootctl accounts create sanjay57 --email …`, `accounts modify NAME`):
        // the account the subcommand acts on, then the end or an option (a singular `account add` is often a cloud's).
        rule(
          ['accounts '],
          `\\baccounts\\s+(?:add|create|new|delete|remove|modify|update|approve|suspend|unsuspend|enable|disable|lock|unlock|reset-password|rename)\\s+(${name})(?=\\s*$|\\s+--?[A-Za-z])`,
        ),
        // The login of a remote shell by flag, `ssh -l sw-backup host`, and of a URL with no password, `ssh://bk-db01@host`,
        // `rsync://webpush@backup01/…`, a database's `postgres://etl_reader@db…` (RFC 3986's userinfo; not `git@`, a
        // forge's shared account; not Redis's, whose one userinfo word is a password).
        // (Each starts where its flag or its `://` is: those are rarer than the words.)
        rule(
          [' -l'],
          `\\s-l(?<=\\b(?<![./-])(?:ssh|slogin|autossh)(?:\\s+-[A-Za-z]+(?:\\s+[^\\s-][^\\s]*)?)*?\\s+-l)\\s*(${name})(?![\\w.@-])`,
        ),
        rule(
          [
            ...['ssh://', 'sftp://', 'rsync://', 'ftp://', 'ftps://', 'scp://'],
            ...['postgres', 'mysql://', 'mariadb://', 'clickhouse://', 'mongodb', 'amqp', 'sqlserver://', 'mssql://'],
          ],
          `://(?<=\\b(?:ssh|sftp|rsync|ftps?|scp|git\\+ssh|svn\\+ssh|postgres(?:ql)?|mysql|mariadb|clickhouse|mongodb(?:\\+srv)?|amqps?|sqlserver|mssql)://)(?!git@)(${name})@(?=[A-Za-z0-9])`,
        ),
        // The `name=` of an account a command or record creates, with its password beside it (RouterOS's `/user add
        // name=NAME password=…`; not a uid's, Android's wake locks name an app beside its uid).
        rule(
          ['name='],
          `(?<![\\w.-])name=(${name})(?=[\\s,;]|$)(?:(?=[^\\n]{0,200}?\\s(?:password|passwd)=)|(?<=(?<![\\w.-])(?:password|passwd)=[^\\n]{0,200}?\\sname=[^\\s=]*))`,
        ),
        // ArcSight CEF's custom strings: the value whose label names a user (`cs1Label=Auth.Username cs1=NAME`).
        rule(
          ['label='],
          `\\bcs(\\d)Label=[\\w.]*?(?:User|Account|Login)(?:name|Id)?(?=\\s)[^\\n]{0,400}?\\scs\\1=(${name})(?=\\s|$)`,
          [2],
          'gi',
        ),
        // The user of a connection call after its data source: Perl DBI's `connect('dbi:Pg:…', 'NAME', …)` and a DSN list
        // (`['DBI:mysql:…', 'NAME', '…']`), sbt's `Credentials(realm, host, "NAME", "…")`.
        rule(
          ['dbi:', 'credentials('],
          `(["'])dbi:[^"'\\n]*\\1\\s*,\\s*(["'])(${name})\\2|\\bCredentials\\(\\s*"[^"\\n]*"\\s*,\\s*"[^"\\n]*"\\s*,\\s*"(${name})"\\s*,`,
          [3, 4],
          'gi',
        ),
        // A container tool's `--creds NAME:…`, `--dest-creds NAME:…` (podman, buildah, skopeo; Quay robots are `org+bot`).
        rule(['creds'], `(?<![\\w-])--(?:src-|dest-)?creds[= ]["']?([A-Za-z_][\\w.+-]{0,63}):`),
        // The bind DN of an LDAP tool: `ldapsearch -D "cn=readonly,dc=…"` (the account that binds, not an entry).
        rule(['ldap'], `\\bldap\\w*${sameCommand}-D\\s*["']?(?:cn|uid)=(${name}),`, undefined, 'g', [
          blanks.map((b) => `${b}-d`),
        ]),
        // An object typed as a user: `{"type":"user","name":"akimura",…}` (either order).
        rule(
          ['"user"'],
          `\\{[^{}\\n]*?"type"\\s*:\\s*"user"[^{}\\n]*?"(?:name|login|username)"\\s*:\\s*"(${name})"|\\{[^{}\\n]*?"(?:name|login|username)"\\s*:\\s*"(${name})"(?=[^{}\\n]*?"type"\\s*:\\s*"user")`,
        ),
        // IBM z/OS and IBM i name a user in capitals: RACF's `USER(PAYB042 )`, `ALTUSER JDOE01`, TSO's `USERID OPER07`,
        // `USRPRF(TMORALES)`, `RMTUSER(QSECOFR)`, `User profile JHOLLOWAY not found`.
        rule(
          ['user(', 'userid', 'usrprf', 'user profile', 'altuser', 'adduser', 'deluser', 'listuser'],
          `\\b(?:(?:USER|USERID|USRPRF|RMTUSER)\\(\\s*|USERID |(?:ALTUSER|ADDUSER|DELUSER|LISTUSER|CHGUSRPRF|CRTUSRPRF|DLTUSRPRF) |[Uu]ser profile )(${mainframeId})(?![\\w#$@(])`,
        ),
        // Where a standard format puts its user: CUPS's page_log (`PRINTER NAME JOB [06/Dec/2026:…]`), BSD ftpd's `FTP
        // LOGIN FROM host [ip], NAME`, an otpauth URI's account (`otpauth://totp/Issuer:NAME?secret=…`).
        rule(
          ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map(
            (month) => `/${month}/`,
          ),
          `(?:^|\\s)[\\w.-]+ (${name}) \\d+ \\[\\d{2}/[A-Za-z]{3}/\\d{4}:`,
        ),
        rule(
          ['ftp login', 'otpauth'],
          `\\bFTP LOGIN FROM \\S+(?: \\[[^\\]\\s]+\\])?, (${name})$|\\botpauth://[th]otp/(?:[^:/?\\s]+(?::|%3A))?(${name})(?=\\?)`,
          undefined,
          'gm',
        ),
        // ONTAP's `-user-or-group-name NAME` (user-formats reads `-username` and `--user`), CUPS's `lpadmin -u
        // allow:NAME,NAME`.
        rule(
          ['-user-or-group-name', 'lpadmin'],
          `(?<=\\s)-user-or-group-name(?:\\s+|=)["']?(${name})(?=["'\\s]|$)|[:,](?<=\\blpadmin\\b[^|;&\\n]{0,200}?\\s-u\\s+(?:allow|deny):(?:[\\w.-]+,){0,20})(${name})(?=[,\\s]|$)`,
        ),
        // A field that is all `domain\\name` in lower case (PAN-OS's and other firewalls' user column: `,acme\\mvargas,`):
        // the name in lower case too (not an escape, `\\n…` `\\t…` `\\u0041`, a file, or a printer, `srv-print\\Legal-BW`).
        rule(
          [...'abcdefghijklmopqsuvwxyz'].map((letter) => `\\${letter}`),
          `(?<![^\\s,;|"'=])[a-z][a-z0-9-]{1,14}\\\\(?![nrt]|u[0-9a-f]{4}|x[0-9a-f]{2})(?=[a-z])(${name})(?<!\\.(?:exe|dll|txt|log|ini|bat|ps1|cmd|sys|inf|xml|json|cfg|conf|lnk|msi))(?=$|[\\s,;|"'])`,
        ),
        // Keys that hold the login an account signs in with: `login_id=omensah` (SIS imports), SASL's `authid=mkeller`
        // (sendmail, Cyrus), sendmail's authinfo `"U:NAME"`.
        rule(
          ['login_id', 'login-id', 'loginid', 'authid', 'authcid', '"u:'],
          `(?<![\\w.-])(?:login[_-]?id|authc?id)\\\\?["']?\\s*[=:]\\s*\\\\?["']?(${name})(?=["'\\s,;&]|$)|\\bAuthInfo:\\S*(?:\\s+"[^"\\n]*")*?\\s+"U:(${name})"`,
          undefined,
          'gi',
        ),
        // The comment of a key ssh-keygen lists or makes: `256 SHA256:Zq9v… root@ci-runner-4 (ED25519)`.
        rule(
          ['sha256:'],
          `\\bSHA256:[A-Za-z0-9+/]{43}=? (${name})@[\\w.-]+(?= \\((?:RSA|DSA|ECDSA|ED25519)[\\w-]*\\)|\\s*$)`,
          undefined,
          'gm',
        ),
        // Account commands of XMPP and other servers' control tools: `prosodyctl register NAME host pass`,
        // `ejabberdctl change_password NAME host pass`; and the last argument of password tools (`saslpasswd2 -c -u realm
        // NAME`, `ocpasswd -c FILE NAME`, `smbpasswd -a NAME`), after up to 16 options (unbounded, a line of `--saslpasswd`
        // read the rest of the line from each one).
        rule(
          [
            ...blanks.map((b) => `ctl${b}`),
            ...['saslpasswd', 'ocpasswd', 'smbpasswd', 'pdbedit', 'kpasswd', 'ftpasswd'],
          ],
          `\\b[\\w-]{0,30}ctl\\s+(?:register|unregister|change_password|set_password|add_user|adduser|delete_user|deluser|ban_account|check_account)\\s+(${name})\\s+[\\w-]+(?:\\.[\\w-]+)+|\\b(?:saslpasswd2?|ocpasswd|smbpasswd|pdbedit|kpasswd|ftpasswd)\\b(?:\\s+-[A-Za-z-]+(?:\\s+(?!-)[^\\s-][^\\s]*)?){0,16}?\\s+(${name})(?=\\s*$|\\s+#|\\s+\\(|\\s*[;&|])`,
        ),
        // Installers' account lines: kickstart's `user --name=NAME`, Debian preseed's `passwd/username string NAME`; the uid
        // of `useradd -u 10001` (not 0); apt's `Requested-By: NAME (1003)` (both).
        rule(
          ['user --name', 'passwd/username', 'useradd', 'usermod', 'requested-by'],
          `(?<![\\w-])user\\s+--name[= ](${name})|\\bpasswd/username\\s+string\\s+(${name})|\\buser(?:add|mod)\\b[^|;&\\n]{0,200}?\\s-u\\s+(?!0\\b)(\\d{1,10})\\b|\\bRequested-By: ${name} \\((?!0\\))(\\d{1,10})\\)`,
        ),
        // cron's mail: `From: root@backup-01 (Cron Daemon)`, `Subject: Cron <deploy@backup-01> CMD`.
        rule(['cron'], `\\bFrom: (${name})@[\\w.-]+ \\(Cron Daemon\\)|\\bSubject: Cron <(${name})@[\\w.-]+>`),
        // The value an SQL INSERT puts in a user column: `INSERT INTO t(service, login, secret) VALUES ('smtp', 'NAME', …)`
        // (the column's place in the list is the value's, up to the fifth).
        rule(['insert into'], sqlInsertUser, undefined, 'gi'),
        // The user flag of any SQL shell (`psql`, `ysqlsh`, `hdbsql`, `vsql`, `mysql`…): `-U NAME`, `-u NAME`.
        rule(
          ['sql'],
          `\\s-[uU](?<=\\b[\\w-]{0,30}sql[\\w-]{0,30}\\b[^|;&\\n]{0,200}?\\s-[uU])\\s*["']?(${name})(?=["'\\s]|$)`,
        ),
        // A name with its number under a user key: Slurm's `UserId=mkowalski(20000)`, `owner=ana(1004)` (both; not uid 0).
        rule(
          ['userid=', 'user=', 'owner='],
          `(?<![\\w.-])(?:user(?:_?id)?|owner)=(${name})\\((?!0\\))(\\d{1,10})\\)`,
          undefined,
          'gi',
        ),
        // The `name` of an account record: a dict or JSON object that also holds a uid, a password (hash) or a shell
        // (`{'name': 'tnguyen', 'uid': 2107}`, Ansible's and cloud-init's users, a user API's body).
        rule(
          ['uid', 'passwd', 'password', 'shell'].flatMap((key) => [`'${key}'`, `"${key}"`]),
          `\\{[^{}\\n]*?(?<![\\w-])\\\\?["']name\\\\?["']\\s*:\\s*\\\\?["'](${name})\\\\?["'](?=[^{}\\n]*?\\\\?["'](?:uid|passwd|password|shell)\\\\?["']\\s*:)`,
        ),
      ],
    ],
    (value) => !isPlaceholderValue(value),
  );
  const slots = createRuleDetector(
    'user',
    [
      [
        // A name quoted or bracketed after a word for a person's slot: `Login by 'dchen4'`, `for principal [mgallagher]`,
        // `Attribute map for [x]`, `failed for user \`bcastellanos\``, `user("nikos.lindqvist")`, `owner: <hkim>`.
        rule(
          slotWords.flatMap((word) => [...blanks, ':', '=', '(', '['].map((next) => `${word}${next}`)),
          `\\b(?<![.-])(?:${slotWords.join('|')})(?:\\s*[:=]\\s*|\\s+)?(?:\\(\\s*)?(?:(['"\`])(${name})\\1|\\[(${name})\\]|\\((${name})\\)|<(${name})>)`,
          [2, 3, 4, 5],
          'gi',
        ),
        // Bare after a word only a person fills: `WHO: mgallagher`, `for principal aolawale`, `trader=kpatel`,
        // `local account nshah`, `target user: mlee`.
        rule(
          bareSlotWords.flatMap((word) => [...blanks, ':', '='].map((next) => `${word}${next}`)),
          `\\b(?<![.-])(?:${bareSlotWords.join('|')})(?:\\s*[:=]\\s*|\\s+)(${name})${end}`,
          undefined,
          'gi',
        ),
        // An account in prose, `local account nshah`, `for account svc-inventory` (not `Account=`, a billing account's key).
        rule(
          blanks.map((b) => `account${b}`),
          `\\b(?<![.-])account\\s+(${name})${end}`,
          undefined,
          'gi',
        ),
      ],
    ],
    slotLogin,
  );
  // A key whose last word names a person's role, after any prefix joined by `_` and before an id word
  // (`clinician=wen.wright`, `attending_nurse: mnowak`, `"trader_id":"bwhitlock"`, `caregiver=GUSTAVOB`); a record id
  // there (`caregiver_id=CG6625`) is no login.
  const fieldNameEnd = /[._](?:name|code|ref|id|at|on|date|time|type|key|no|number|count|status)$/i;
  const roleKeys = createRuleDetector(
    'user',
    [
      [
        rule(
          roleKeyWords.flatMap((word) => ['=', ':', '"', "'", '_'].map((next) => `${word}${next}`)),
          `(?<![\\w.-])(?:[A-Za-z]{1,20}_){0,3}(?:${roleKeyWords.join('|')})(?:[_.-]?(?:id|name|login|user(?:name)?))?\\\\?["']?\\s*[:=]\\s*\\\\?["']?(${name})${end}`,
          undefined,
          'gi',
        ),
        // A key that says who did it by its last word `by`, whatever the verb and its case (`raised_by=`, `opened_by`,
        // `invitedBy`, `InvitedBy`, `VOIDED_BY`, `last_seen_by`, `BY=`; after a `_` the key's last two words are read):
        // `sort_by=name`, `managed_by=terraform` hold a word, not a login.
        rule(
          ['by=', 'by:', 'by"', "by'", 'by\\'],
          `(?<![A-Za-z0-9.-])(?:[a-z]{2,20}[_.-]?by|[A-Za-z][a-z]{1,20}By|[A-Z]{2,20}_BY|by|By|BY)\\\\?["']?\\s*[:=]\\s*\\\\?["']?(${name})${fieldEnd}`,
        ),
      ],
    ],
    // (A field's name is no login: `GROUPED_BY=region_code INDEXED_BY=customer_ref`, words ending in a field's word.)
    (value) =>
      !generatedValue(value) &&
      !(fieldNameEnd.test(value) && value.split(/[._]/).every((part) => isCommonWord(part))) &&
      (loginOrPlainLogin(value) || capitalsAccount(value)),
  );
  // Who an action was for, when a place, a channel or a source follows: `forwarding query for yfalk with …`, `creating
  // codespace for hnovak on …`, `Refreshing auth for hbaker (…)`, `checking message for agarcia:1012`. `for` is prose in
  // most lines, so only a login of four or more letters that make no word (and at most three digits) counts: `for tenant on`, `for blk_4411` stay.
  const actedFor = createRuleDetector(
    'user',
    [
      [
        rule(
          [' for '],
          `\\sfor\\s+(?:user\\s+|key\\s+)?(${name})(?=\\s+(?:on|via|from|with|at)\\b|\\s*\\(|:\\d|\\s*$)`,
          undefined,
          'gi',
        ),
      ],
    ],
    (value) => {
      const letters = /^([a-z]{4,24})\d{0,3}$/.exec(value);
      return letters !== null && plainLogin(letters[1] as string);
    },
  );
  // A program's name: a part that says what a program does or where it runs (`letsencrypt-prod`,
  // `ansible-pull`, `oom-killer`, `garbage-collector`, `argo-events`, `okta-verify`, `istio-proxy`). (Requiring a login
  // shape instead lost all three right values the rule finds in the parts: `hr.intake`, `vendor-support`, `mgarrity`.)
  const programPart =
    /^(?:prod|production|staging|dev|pull|push|collector|killer|events?|verify|proxy|agent|controller|operator|exporter|daemon|sidecar|scheduler|runner|webhook|cron|sync|sentinel)$/;
  const programName = (value: string): boolean =>
    value
      .toLowerCase()
      .split(/[-_.]/)
      .some((part) => programPart.test(part));
  // Who acted, then where from: `by NAME from <address>`, `by NAME via <channel>`, `by NAME on tty|host` (`session
  // started by vendor-support from 185.199.108.77`, `changed by hr.intake via HR Service Portal`, `run.sh by mgarrity on
  // tty pts/2`): a session's origin follows a person. Any name but a word, two joined or a word of software
  // (`blocked by policy from …`, `triggered by webhook from …`, `scraped by prometheus from …`).
  const actorThenOrigin = createRuleDetector(
    'user',
    [[rule([' by '], `\\bby\\s+(${name})(?=\\s(?:from\\s(?=\\d|\\[)|via\\s|on\\s(?:tty|host)\\b))`, undefined, 'g')]],
    (value) =>
      !generatedValue(value) &&
      !isCommonWord(value) &&
      !isWordCompound(value) &&
      !softwareWord.has(value.toLowerCase()) &&
      !isProse(value) &&
      !programName(value),
  );
  // A plural of people or an adjective (`for integrators:`, `for editorial;`), no login; nor a record's number
  // (`patron-807691`) or words of a check (`host_disk_usage_check`).
  const nounOfPeople = /(?:ors|ers|ists|ial|ical)$/;
  // Who an action was for, then a colon or a semicolon and what happened (`LDAP sync failed for mbeaumont: entry
  // locked`, `vpn profile push failed for gmontes: device …`, `token accepted for ops_ingest7; scope read`): the
  // message names the account and then says what befell it. A login by its shape or a plain login, not a word
  // (`cache miss for config: …`, `for example: …`), nor a key before its number (`for sessionid: 0x14ede6…`).
  const actedForThenColon = createRuleDetector(
    'user',
    [[rule([' for '], `\\sfor\\s+(${name})(?=[:;]\\s+(?!0x|\\d))`, undefined, 'gi')]],
    (value) =>
      !generatedValue(value) &&
      !/^[a-z]+[-_]\d+$/.test(value) &&
      !value.split(/[._-]/).every((part) => isCommonWord(part)) &&
      (loginShaped(value) || (plainLogin(value) && !nounOfPeople.test(value)) || systemAccounts.has(value)),
  );
  // A flag that names the login, in any command: a camelCase or `--auth-name` flag the other rules do not read
  // (`jamf recon -endUsername NAME`, `lnms device:add --authname NAME`), and `-u` (`pg_enc -u NAME`, `choco … -u=NAME`)
  // when a login shape or a plain login follows (`sort -u names`, `python -u run.py`, `git push -u origin` stay).
  const loginFlags = createRuleDetector(
    'user',
    [
      [
        rule(
          // (`-u` after a word character, BGL's `R12-M1-N0-J12-U01`, cannot start a match: not a word there.)
          [...afterAnyBut(/\w/, '-u'), 'username', 'authname', 'auth-name', 'login'],
          `(?<![\\w-])(?:--?[A-Za-z]{1,40}(?:User(?:[Nn]ame)?|Login)|--?auth-?name|-u)(?:=|\\s+)["']?(${name})(?=["'\\s]|$)`,
        ),
      ],
    ],
    (value) => loginShaped(value) || plainLogin(value),
  );
  return combineDetectors('user', [
    loginFlags,
    actedFor,
    actedForThenColon,
    actorThenOrigin,
    plainNames,
    loginNames,
    numericIds,
    identities,
    logins,
    slots,
    roleKeys,
  ]);
}
