import { blanks } from '../keyword-scan';
import { cliUserRules } from './cli-credentials';
import type { Detector } from './detector';
import { createRuleDetector, rule } from './rules';
import { isPlaceholderValue } from './secret-kv';
import { embedsIpv4, isPrincipal, nonMailRealmShape, principalBefore, singleLabelRealm } from './principal';
import { notAName } from './user';
import { domainUserName, sameCommand, userName as name } from './user-name';

const octet = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const ipv4 = `${octet}(?:\\.${octet}){3}`;

// A host name rather than a user where a field can hold either (a captured Host header, a certificate's CN).
const hostLike =
  /^(?:[\w-]+\.){2,}[\w-]+$|\.(?:com|net|org|io|dev|app|local|internal|lan|corp|cloud|co|uk|de|fr|eu|us|info|biz|svc)$/i;
// Words that stand where a name could (a protocol before `/address:port`, an Active Directory container in a DN).
const notAUser = new Set(
  (
    'tcp udp icmp ip ip4 ip6 sctp gre esp inside outside dmz wan lan any host via from to src dst af_inet af_inet6 ' +
    'user users computers builtin system configuration schema groups roles push schedule scheduler cron timer scm api ' +
    'webhook upstream automation pipeline trigger merge'
  ).split(' '),
);

// A shell prompt after `NAME@HOST` (`:~$`, a Cisco-style `>` at the line's start): the host is no realm.
const shellPrompt = '(?:(?::[\\w.-]+)*:~|>(?<=^\\S*>))';

// The words of the admin-CLI rule: `user` or `users`, its separator and a verb's first letters (`user del` for `user delete`).
const adminVerbs =
  'add create new del remove rm setpassword set-password passw reset-password enable disable lock unlock update mod edit show info get';
const adminVerbWords = ['user', 'users'].flatMap((user) =>
  [' ', ':', '_', '-'].flatMap((separator) => adminVerbs.split(' ').map((verb) => `${user}${separator}${verb}`)),
);
// A lower-case letter before `Login` (`administratorLogin`): `login` alone is mostly a word of prose.
const camelLoginWords = [...'abcdefghijklmnopqrstuvwxyz'].map((letter) => `${letter}login`);

/** (Of a principal `name@realm`, the name is what must look like one.) */
function plausibleUser(value: string): boolean {
  const at = value.indexOf('@');
  if (at !== -1 && !isPrincipal(value, at)) return false;
  const name = at === -1 ? value : value.slice(0, at);
  const lower = name.toLowerCase();
  return (
    name !== '' && !isPlaceholderValue(name) && !notAUser.has(lower) && !notAName.has(lower) && !hostLike.test(name)
  );
}

/**
 * User names that a log format puts in a known column or a command puts in a known argument, with no `user` word
 * beside them: Postgres csvlog's user column, MySQL's general and slow logs, Squid's user field, xferlog, HAProxy's
 * first captured request header, OpenVPN's `name/address:port`, Dovecot's `imap(name)`, Exim's `A=plain:name`,
 * su's `(to root) name`, an LDAP DN's first `cn=`, `password changed for name`, and the user arguments of admin
 * commands (`sudo -u`, `su -`, `chown`, `useradd`, `rabbitmqctl add_user`, `htpasswd`, `smbclient -U`...).
 */
export function createUserFormatsDetector(): Detector {
  return createRuleDetector(
    'user',
    [
      // csvlog: `2025-04-09 11:02:07.311 UTC,"alice","shop",4411,"10.0.0.5:50122",...` (the time is the first column).
      [
        rule(
          ['utc,"', 't,"', 'k,"', '0,"', '1,"', '2,"', '3,"', '4,"', '5,"', '6,"', '7,"', '8,"', '9,"'],
          `,"(?<=(?:^|\\s)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,6})?(?: [A-Za-z]{1,6}|[+-]\\d\\d(?::?\\d\\d)?)?,")(${name})",(?:"[^"\\n]*")?,\\d+,`,
        ),
        // HAProxy httplog: the first captured request header (`capture request header X-User`) after the queue counters.
        rule(
          ['} "'],
          `:\\d\\d\\.\\d{3}\\] \\S+ \\S+ -?\\d+(?:/-?\\d+){2,4} -?\\d{3} \\+?\\d+ \\S+ \\S+ [\\w-]{4} \\d+(?:/\\d+){4} \\d+/\\d+ \\{(?:[^{}|\\n]*\\|)*?(${name})(?=[|}])`,
        ),
      ],
      [
        // MySQL general log `Connect\talice@10.0.0.5 on shop`, slow log `# User@Host: alice[alice] @ host [addr]`.
        rule(['connect\t', 'change user\t'], `\\b(?:Connect|Change user)\\t\\s*(${name})@[\\w.%:-]+\\s+(?:on|as)\\b`),
        rule(['user@host'], `User@Host:\\s*(${name})\\[(${name})?\\]`, undefined, 'gi'),
        // A principal, whole: a name qualified by a realm that is not a mail domain (Kerberos `alice@CORP.EXAMPLE.COM`,
        // vSphere's `administrator@vsphere.local`; not a service principal `HTTP/web@R`). Proxmox-style one-label realms count
        // where only a login can stand: an API token id `alice@pve!ci`, `alice@pbs@host:store`, `<root@pam>`,
        // `/users/alice@pve/`. (`<id@host>` is a message id, `-sname rabbit@NODE1` an Erlang node; a shell prompt's
        // `alice@HOST:~$`, `admin@HOST>` names a host: only the name.)
        rule(
          ['@'],
          `@(?:(?:(?=${nonMailRealmShape})${embedsIpv4}|(?=${singleLabelRealm}(?:![\\w-]|@[\\w-]))|(?=[A-Z0-9-]+${shellPrompt}))(?<=(?<![\\w.@%+'/\\\\<-]|-(?:s?name|remsh)\\s+)${principalBefore(name, `(?:${nonMailRealmShape}|${singleLabelRealm})(?!${shellPrompt})`)})|(?=${singleLabelRealm}(?:>|/))(?<=(?:<|/users?/)${principalBefore(name, singleLabelRealm)}))`,
        ),
        // Squid: `... TCP_MISS/200 512 GET http://x/ alice HIER_DIRECT/10.0.0.1 text/html`.
        rule(
          ['tcp_', 'udp_', 'none/', 'none_', 'tag_none'],
          `\\b(?:TCP|UDP|NONE|TAG)(?:_[A-Z_]+)?/\\d{3} \\d+ [A-Z_]+ \\S+ ${domainUserName} [A-Z_]+/`,
        ),
        // EZproxy's audit log: time, event, address, user, session (`Login.Success 203.0.113.5 jbarnes Xk2p…`,
        // `Login.Intruder.IP`, `Session.Limit`), as its documentation lays out the file.
        rule(
          ['login.', 'logout.', 'session.'],
          `\\b(?:Login|Logout|Session)(?:\\.[A-Z][A-Za-z]*)+[ \\t]+(?:${ipv4}|[0-9A-Fa-f]*:[0-9A-Fa-f:.]+)[ \\t]+(${name})(?=\\s|$)`,
        ),
        // An access log's user field after the client's address, the time moved to the line's start by a logger:
        // `198.51.100.4 - evarga "GET /my/tickets HTTP/2"`, `77.166.79.138 okaforw [-] "GET api/…"` (the Common Log
        // Format's host, ident and user, in that order).
        rule(
          ['"get ', '"post ', '"put ', '"delete ', '"patch ', '"head ', '"options ', '"propfind '],
          `(?<![\\w.:-])(?:${ipv4}|[0-9A-Fa-f]*:[0-9A-Fa-f:]*:[0-9A-Fa-f]+)\\s+(?:-\\s+)?(${name})\\s+(?:\\[-\\]\\s+)?"(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|PROPFIND) `,
        ),
        // xferlog: `... b _ o r alice ftp 0 * c` (direction, access mode, user, service, auth method, auth id, status).
        rule(
          ['ftp 0 ', 'ftp 1 '],
          `\\s[ab]\\s+\\S+\\s+[oid]\\s+[gr]\\s+(${name})\\s+\\w+\\s+[01]\\s+\\S+\\s+[ci](?=\\s|$)`,
        ),
      ],
      [
        // OpenVPN names a client by its certificate's CN: `alice/203.0.113.5:51234 MULTI: ...`, before an IPv6 address
        // (one pattern: the same words gate both), in `[alice] Peer Connection`, in `SENT CONTROL [alice]:`, and as the
        // `common_name=` of a script's environment.
        rule(
          ['/1', '/2', '/3', '/4', '/5', '/6', '/7', '/8', '/9'],
          `/(?:(?=${ipv4}:\\d{1,5}(?!\\d))(?<=(?:^|[\\s[])(${name})(?<![.-])/)|(?=[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?:[\\s;,]|$))(?<=(?:^|[\\s[>])(${name})(?<![.-])/))`,
          undefined,
          'gi',
        ),
        rule(
          ['peer connection', 'sent control ['],
          `\\[(${name})\\] Peer Connection Initiated|SENT CONTROL \\[(${name})\\]:`,
        ),
        rule(['common_name='], `\\bcommon_name=(${name})(?=\\s|$)`),
      ],
      [
        // Dovecot: `imap(alice)<4321><sess>:`, `auth-worker(9): pam(alice,10.0.0.5,<sess>): unknown user`.
        rule(
          [
            'imap(',
            'pop3(',
            'lmtp(',
            'managesieve(',
            'submission(',
            'passwd-file(',
            'passwd(',
            'pam(',
            'ldap(',
            'sql(',
            'shadow(',
            'checkpassword(',
            'oauth2(',
          ],
          `\\b(?:imap|pop3|lmtp|managesieve|submission|passwd-file|passwd|pam|ldap|sql|shadow|checkpassword|oauth2)\\((${name})(?=[,)])`,
        ),
        // Exim: `A=dovecot_plain:alice`.
        rule(['esmtpa', 'esmtpsa'], `\\sA=[\\w-]+:(${name})(?=\\s|$)`),
      ],
      [
        // su: `su: (to root) alice on pts/0`, `FAILED su for root by alice`.
        rule(['(to '], `\\(to (${name})\\) (${name}) on\\b`),
        rule(['su for'], `\\b(?:Successful|FAILED) su for (${name}) by (${name})`, undefined, 'gi'),
        // passwd/pam: `password changed for alice`, `Changing password for alice.`
        rule(
          ['password changed', 'password updated', 'password expired', 'changing password', 'changed password'],
          `\\b(?:password (?:changed|updated|expired)|(?:changing|changed) password) for (?:user )?["']?(${name})`,
          undefined,
          'gi',
        ),
        // shadow-utils: `new user: name=alice, UID=1001`, `add 'alice' to group 'sudo'`.
        rule(['new user:', "add '"], `\\b(?:new user: name=|add ')(${name})(?=,|' to (?:shadow )?group)`),
        // Cisco IOS `Configured from console by netadmin on vty0`; strongSwan `received EAP identity 'bob'`,
        // `XAuth authentication of 'bob' successful`.
        rule(['configured from'], `\\bConfigured from \\S+ by (${name})(?= on\\b|\\s*$)`),
        rule(["identity '", "authentication of '"], `\\b(?:identity|authentication of) '(${name})'`, undefined, 'gi'),
        rule(
          ['logged in as', 'authenticated as', 'bound as', 'signed in as', 'logged on as'],
          `\\b(?:logged in|authenticated|bound|signed in|logged on) as (?:user )?["'<]?(${name})(?![\\w.$@/-])`,
          undefined,
          'gi',
        ),
      ],
      [
        // `Password authentication failed for es_ingest`, `Authentication of BASIC header failed for svc-trigger from`.
        rule(
          ['failed for', 'failure for', 'succeeded for', 'successful for'],
          `\\b(?:authentication|login|logon|auth|header)(?: \\w+)? (?:failed|failure|succeeded|successful) for (?:user )?["'[]?(${name})(?<!\\.)(?=["'\\]]|\\s+from\\b|\\s*[;,]|\\.(?:\\s|$)|[\\s:]*$)`,
          undefined,
          'gi',
        ),
        // Admin CLIs' `user <verb> NAME` (`samba-tool user setpassword ana`, `ipa user-add ana`, `drush user:create ana`,
        // `wp user create ana`): the account the subcommand acts on, then the end, an option, an email or a shell operator.
        // Up to 16 options between (unbounded, a line of `--user-edit` read the rest of the line from each one).
        rule(
          adminVerbWords,
          `users?[ :_-](?<=\\busers?[ :_-])(?:add|create|new|delete|del|remove|rm|setpassword|set-password|passwd|password|reset-password|enable|disable|lock|unlock|update|modify|mod|edit|show|info|get)(?:\\s+--?\\w[\\w-]*(?:=(?:"[^"\\n]*"|'[^'\\n]*'|[^\\s"']+))?){0,16}\\s+["']?(${name})["']?(?=\\s*$|\\s+-|\\s+[^\\s@]+@|\\s*[;&|()])`,
        ),
        // Spring and Java XML properties: `<property name="username" value="amq"/>`.
        rule(
          ['value='],
          `\\bname\\s*=\\s*"(?:user(?:name)?|login|uid|principal)"\\s+value\\s*=\\s*"(${name})"`,
          undefined,
          'gi',
        ),
        // IBM MQ's MQSC attributes in capitals: `MCAUSER('app')`.
        rule(["user('"], `\\b[A-Z]*USER\\('(${name})'\\)`),
        // `sysadminctl -resetPasswordFor ana`, `--set-password-for ana`: a flag that says whose password.
        rule(
          ['passwordfor', 'password-for'],
          `password-?for(?<=(?<![\\w-])--?[\\w-]{0,40}password-?for)\\s+["']?(${name})`,
          undefined,
          'gi',
        ),
        // Grafana's `uname=admin` (its log key for the signed-in user).
        rule(['uname='], `(?<![\\w.-])uname=(${name})(?![\\w.$@/-])`),
        // The C library's account lookups: `getpwnam(ana)`, `getspnam`, `initgroups(ana, …)`.
        rule(
          ['getpwnam', 'getspnam', 'initgroups('],
          `\\b(?:getpwnam(?:_r)?|getspnam|initgroups)\\(["']?(${name})["']?[,)]`,
        ),
        // Dockerfile and build output `USER appuser` (the account the image runs as), upper case, alone on its line.
        rule(
          ['\n', '\\n', ': ', '] '].flatMap((before) => blanks.map((b) => `${before}user${b}`)),
          `USER(?<=(?:^|\\\\n|\\n|: |\\] )USER)\\s+(${name})(?::[\\w-]+)?[ \\t]*(?=$|\\\\n|\\n)`,
        ),
      ],
      [
        // FortiOS: `Administrator fw-admin logged in`, `cfgpath="system.admin" cfgobj="netbackup"`, `Edit system.admin
        // netbackup`, and the `edit "netbackup"` of a `config system admin` block.
        rule(['administrator '], `\\bAdministrator (${name}) (?:logged|login|logout|changed|added|deleted)\\b`),
        rule(
          ['system.admin', 'user.local'],
          `\\b(?:cfgpath="(?:system\\.admin|user\\.local)"\\s+cfgobj="|(?:Edit|Add|Delete) (?:system\\.admin|user\\.local) )(${name})`,
        ),
        rule(
          ['config system admin', 'config user local'],
          `\\bconfig (?:system admin|user local)\\s+edit\\s+"(${name})"`,
        ),
      ],
      [
        // camelCase keys ending in Login (Azure's `administratorLogin`), case-sensitive so `lastlogin` stays out.
        rule(camelLoginWords, `Login(?<=[a-z]Login)(?:Name)?\\\\?["']?\\s*[:=]\\s*\\\\?["']?(${name})(?![\\w.$@/-])`),
      ],
      [
        // strongSwan ipsec.secrets: `carol : EAP "secret"` (the identity before the colon).
        rule(
          [': eap', ': xauth', ': ntlm'],
          `:[ \\t]*(?:EAP|XAUTH|NTLM)\\s(?<=(?:^|\\\\n|\\n)[ \\t]*(${name})[ \\t]*:[ \\t]*(?:EAP|XAUTH|NTLM)\\s)`,
        ),
        // Elasticsearch: `Password for the [elastic] user successfully reset.`
        rule(['] user'], `\\bfor the \\[(${name})\\] user\\b`),
        // SQL statements that name an account: `CREATE USER 'replicator'@'10.0.%'`, `SET PASSWORD FOR 'app'@'%'`.
        rule(
          ['create user', 'alter user', 'drop user', 'create login', 'alter login', 'password for'],
          `\\b(?:(?:CREATE|ALTER|DROP|RENAME)\\s+(?:USER|LOGIN)(?:\\s+IF\\s+(?:NOT\\s+)?EXISTS)?|SET\\s+PASSWORD\\s+FOR)\\s+\\\\?["'\`[]?(${name})`,
          undefined,
          'gi',
        ),
        // A role that can log in is an account (`CREATE ROLE app WITH LOGIN`, Cassandra's `... AND LOGIN = true`); a
        // role without LOGIN is a set of grants and stays.
        rule(
          ['create role', 'alter role'],
          `\\b(?:CREATE|ALTER)\\s+ROLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\\\\?["']?(${name})\\\\?["']?(?=\\s[^;\\n]*?\\bLOGIN\\b)`,
          undefined,
          'gi',
        ),
        // An OpenSSH public key's comment `NAME@host` (authorized_keys, ssh-keygen, key listings) names its user.
        rule(
          ['ssh-rsa', 'ssh-ed25519', 'ssh-dss', 'ecdsa-sha2-', 'sk-ssh-'],
          `\\b(?:ssh-(?:rsa|dss|ed25519)|(?:sk-)?ecdsa-sha2-nistp\\d+|sk-ssh-ed25519)(?:@openssh\\.com)?\\s+AAAA[A-Za-z0-9+/]{16,}={0,3}\\s+(${name})@(?=[\\w-])`,
        ),
        // cqlsh's prompt `cassandra@cqlsh>`; Oracle's `sqlplus scott/tiger@db` (user/password before the connect string).
        rule(['@cqlsh'], `@cqlsh(?<=(?<![\\w.-])(${name})@cqlsh)(?::[\\w.-]+)?>`),
        rule(
          ['sqlplus', 'rman target', 'expdp', 'impdp', 'sqlldr', 'dgmgrl', 'userid='],
          `\\b(?:sqlplus|rman|expdp|impdp|sqlldr|dgmgrl)${sameCommand}(?:(?:target|auxiliary|catalog|userid)=?\\s*)?["']?(${name})/[^@\\s"'/]`,
        ),
        // MariaDB server_audit: `20240311 12:25:01,host,app_rw,10.0.13.21,31882,0,CONNECT,shop,,0`.
        rule(
          ['connect,', 'query,', 'disconnect,', 'read,', 'write,'],
          `\\b\\d{8} \\d\\d:\\d\\d:\\d\\d,[\\w.-]+,(${name}),[^,\\n]*,\\d+,\\d+,[A-Z_]+,`,
        ),
        // Exim's local submitter `<= x@y U=www-data P=local` (`U=` within 256 characters, as a command's arguments).
        rule(['<= '], `\\s<=\\s[^\\n]{0,256}?\\sU=(${name})(?=\\s)`),
        // SIP2's Login message (library self-check): `93`, two algorithm digits, then `CN` the login and `|CO` its
        // password (`9300CNselfcheck01|CO…|`, also after a label: `93 login: CN…|CO`).
        rule(['|co'], `\\b93(?:\\d\\d|[^|\\n]{0,20}?\\s)CN(${name})\\|CO`),
      ],
      [
        // IIS W3C default fields: `... cs-uri-stem cs-uri-query s-port cs-username c-ip ...`.
        rule(
          [' get ', ' post ', ' put ', ' delete ', ' head ', ' options ', ' patch ', ' propfind ', ' rpc_in_data '],
          `\\b(?:GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH|PROPFIND|RPC_IN_DATA|RPC_OUT_DATA)\\s\\S+\\s\\S+\\s\\d{1,5}\\s(?:[\\w.-]+\\\\{1,2})?(${name})\\s(?=${ipv4}\\s|[0-9a-f]*:[0-9a-f:]+\\s)`,
        ),
      ],
      [
        // Nagios external commands: the author before the comment (`SCHEDULE_HOST_DOWNTIME;...;jdoyle;comment`), the
        // fields before it within 256 characters (unbounded, each command word read the rest of the line); check_http's
        // `-a user:password`.
        rule(
          ['downtime;', 'problem;', 'comment;'],
          `\\b(?:SCHEDULE_\\w*DOWNTIME|ACKNOWLEDGE_\\w*PROBLEM|ADD_\\w*COMMENT);[^\\n]{0,256};(${name});[^;\\n]*$`,
        ),
        rule(['check_'], `\\bcheck_\\w+${sameCommand}-a\\s+["']?(${name}):`),
        // `--username NAME`, `--user NAME`, `-login-name NAME` of any command (`argocd login --username admin`,
        // `trino --user ana`): the flag names nothing else (`--user 1000:1000` is no name; in pip, systemctl and the
        // like `--user` takes no value).
        rule(
          ['--user', '-username', '-login-name', '-user-name'],
          `(?:user(?:-?name)?|login-name)(?<=(?<![\\w-])--?(?:[\\w-]{1,40}-)?(?:user(?:-?name)?|login-name))(?<!\\b(?:pip[x3]?|systemctl|journalctl|flatpak|gem|npm|busctl|loginctl|podman|dconf)\\b[^|;&\\n]{0,300})(?:=|\\s+)["']?(${name})(?![\\w.$@:/-])`,
        ),
      ],
      [
        // /etc/passwd and getent lines `alice:x:1000:1000:Alice:/home/alice:/bin/bash` (the name and its uid), shadow
        // lines `alice:$6$…:19000:…`, sudoers `alice ALL=(ALL) ALL`, `last`/`who` rows and the
        // owner column of `ls -l`. (An SSH key's `alice@laptop` comment is left: our corpora disagree on it.)
        rule([':x:', ':*:', ':!:'], `:[x*!]:(?<=(?<![\\w.-])(${name}):[x*!]:)(\\d+):\\d+:[^:\\n]*:/[^:\\n]*:`),
        rule([':$'], `:\\$(?<=(?<![\\w.-])(${name}):\\$)(?:[0-9a-z]{1,2})\\$[^:\\s]+:\\d*:`),
        rule(['all=', 'all ='], `ALL(?<=(?:^|\\\\n|\\n)[ \\t]*(${name})[ \\t]+ALL)[ \\t]*=`),
      ],
      [
        rule(['pts/', 'tty'], `(?:pts/\\d+|tty\\w*)(?<=(?:^|\\\\n|\\n)(${name})[ \\t]+(?:pts/\\d+|tty\\w*))[ \\t]`),
        rule(
          ['rw-', 'r-x', 'rwx', 'r--'],
          `[r-][w-][xsS-][r-][w-][xsS-][r-][w-][xtT-](?<=(?<![\\w-])[-dlcbps].{9})[.+@]?\\s+\\d+\\s+(${name})\\s+[\\w.-]+\\s+\\d+\\s`,
        ),
      ],
      [
        // kubectl's `config set-credentials alice`; shell prompts `[alice@web1 ~]$`, `alice@web1:~$`; git's
        // `user.name "Jane Doe"` (a full name, quoted).
        // Credentials passed to a constructor or call (`getConnection(url, "app", "…")`, `new NetworkCredential("bob",
        // "…")`, `UsernamePasswordCredentials`); gh's `Logged in to github.com account octo (keyring)`; an IAM ARN's
        // user or role session (`arn:aws:iam::123456789012:user/alice`); git's `Username for 'https://…': alice` and
        // `Password for 'https://alice@github.com'`.
        rule(['getconnection('], `\\bgetConnection\\(\\s*"[^"\\n]*"\\s*,\\s*"(${name})"\\s*,`),
        rule(
          ['credential(', 'credentials(', 'passwordauthentication('],
          `\\b\\w*(?:Credentials?|PasswordAuthentication)\\(\\s*["'](${name})["']\\s*,`,
        ),
        rule(['logged in to'], `\\bLogged in to \\S+ (?:as|account) (${name})(?![\\w.$@-])`, undefined, 'gi'),
        rule(
          ['arn:aws'],
          `\\barn:aws[\\w-]*:(?:iam|sts)::\\d{12}:(?:user(?:/[\\w+=,.@-]+)*?/|assumed-role/[\\w+=,.@-]+/)(${name})(?![\\w.@-]|/)`,
        ),
        rule(
          ["username for '", "password for 'http"],
          `\\b(?:Username for '[^'\\n]*':\\s*(${name})|Password for 'https?://(${name})@)`,
        ),
        // CI and review tools: Jenkins' `Started by user Jane Doe` (a display name), `Approved by alice`, `Deployed by …`.
        rule(
          ['started by user'],
          `\\bStarted by user ((?:[A-Z][\\w.'-]*|[a-z_][\\w.-]*)(?: [A-Z][\\w.'-]*){0,3})(?=[\\s,.;:)]|$)`,
        ),
        // (Capitalized, as CI and review tools write them: `requested by caller` and `triggered by job-register` are prose.)
        rule(
          [
            'approved by',
            'merged by',
            'reviewed by',
            'deployed by',
            'triggered by',
            'cancelled by',
            'canceled by',
            'aborted by',
          ],
          `\\b(?:Approved|Merged|Reviewed|Deployed|Triggered|Cancell?ed|Aborted) by @?(${name})(?<!\\.)(?=\\.?(?:[\\s,;:)]|$))`,
        ),
        // Rails' SQL bind list `[["username", "alice"], ["password", "[FILTERED]"]]`.
        rule(['[["'], `\\[\\s*"(?:user(?:_?name)?|login)"\\s*,\\s*"(${name})"\\s*\\]`),
        // GitHub's `Permission to acme/api.git denied to ci-bot.`
        rule(['denied to'], `\\bPermission to \\S+ denied to (${name})(?<!\\.)`),
        // Hadoop/Spark `Changing view acls to: hdpuser`; Puppet and Chef resources `User[hmaddox]`, `user[appsvc]`.
        rule(['acls to:'], `\\b(?:view|modify) acls to: (${name})(?![\\w.$@-])`),
        rule(['user['], `\\b[Uu]ser\\[(${name})\\]`),
        rule(['set-credentials'], `\\bset-credentials\\s+(${name})`),
        rule([']$', ']#'], `\\[(${name})@[\\w.-]+(?: [^\\]\\n]*)?\\][$#]`),
        rule([':~'], `:~(?<=(?<![\\w.-])(${name})@[\\w.-]+:~)[^\\s$#]*[$#](?=\\s|$)`),
        rule(['user.name'], `\\buser\\.name\\s*(?:=\\s*|\\s+)["']([A-Za-z][\\w.' -]{0,62}[\\w.])["']`),
        // Redis ACL LOG `"username" "cache_ro"`; radtest's `radtest USER PASS server port secret` (up to 16 options first).
        rule(['"username" "'], `"username"\\s+"(${name})"`),
        rule(['radtest'], `\\bradtest\\s+(?:-\\S+\\s+){0,16}["']?(${name})["']?\\s`),
        // EPP (RFC 5730-5733): the client id a registrar logs in with, `<login><clID>NAME</clID>`, and the clients an
        // object names (`<domain:reID>`, `acID`, `crID`, `upID`: who requested, acted, created, updated); servers log
        // it as `clID=NAME`.
        rule(
          ['clid', 'reid', 'acid', 'crid', 'upid'],
          `(?:<(?:[\\w-]+:)?(?:clID|reID|acID|crID|upID)>|(?<![\\w.-])(?:clID|reID|acID)=)(${name})(?=<\\/|[\\s,;&"]|$)`,
        ),
      ],
      // LDAP: the first RDN of a DN in an organisational unit names a person (`cn=John Smith,ou=people,dc=example`); a
      // group's does not, nor an administrative entry right under the domain (`cn=admin,dc=example,dc=com`). Under
      // `ou=services` only a service account named so (`cn=svc-backup,ou=services`) is one.
      [
        rule(
          ['cn='],
          `cn=(?<=(?<![\\w,-]|[^\\w.]=)cn=)((?:[^,=+\\\\\\n"<>;]|\\\\.)+?)(?=\\s*,\\s*(?:ou=|cn=users\\b))(?!\\s*,\\s*ou=(?:groups?|roles?|computers|hosts|machines|servers|services(?<!cn=svc[-_][^,]{1,64},\\s*ou=services)|devices)\\b)`,
          undefined,
          'gi',
        ),
      ],
      ...cliUserRules,
    ],
    plausibleUser,
  );
}
