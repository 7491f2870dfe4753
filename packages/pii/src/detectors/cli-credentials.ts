import { rule, type Rule } from './rules';
import { argumentValue as value, domainUserName, sameCommand, userName as name } from './user-name';

/** A family of commands and the flags that take a user name and a password in it. */
interface LoginCommand {
  readonly commands: string;
  readonly user?: string;
  readonly password?: string;
}

// From each tool's manual: `-p` is a port in ssh and docker run, a password only in these.
const loginCommands: readonly LoginCommand[] = [
  {
    commands:
      'mysql\\w*|mariadb\\w*|mongo\\w*|cqlsh|rabbitmqadmin|smbmap|crackmapexec|nxc|rdesktop|(?:oc|az)\\s+login|' +
      '(?:docker|podman|nerdctl|buildah|skopeo|oras|crane|helm(?:\\s+registry)?)\\s+login',
    user: '-u|--user(?:name)?',
    password: '-p',
  },
  { commands: 'sshpass', password: '-p' },
  { commands: '(?:redis|keydb|valkey)-cli', user: '--user', password: '-a' },
  { commands: 'sqlcmd|bcp|osql|isql|ipmitool|mosquitto_(?:pub|sub|rr)', user: '-[Uu]', password: '-P' },
  { commands: 'vsql', user: '-U', password: '-w' },
  { commands: 'ldap\\w+', password: '-w' },
  { commands: 'snmp\\w+', user: '-u', password: '-[AX]' },
  {
    commands: 'psql|pg_\\w+|createdb|dropdb|createuser|dropuser|pgbench|vacuumdb|reindexdb|clusterdb',
    user: '-U|--username',
  },
  { commands: 'sudo|runuser|crontab|ansible(?:-\\w+)?|openconnect|curl|etcdctl', user: '-[A-Za-z]*u|--user' },
  { commands: 'useradd|usermod', password: '-p' },
];

// Rarer flags, in a rule of their own keyed on the commands' names (the common flags' rule runs on many lines):
// kadmin's `addprinc -pw x`, PuTTY's `plink -pw x`; CLIs whose `-t` is `--token` (influx, doctl, flyctl, vercel).
const tokenCommands: readonly LoginCommand[] = [
  { commands: 'addprinc|add_principal|ank|cpw|change_password|plink|pscp|psftp|putty', password: '-pw' },
  { commands: 'influx|doctl|fly(?:ctl)?|vercel', password: '-t' },
];

function flagRule(
  words: readonly string[],
  side: 'user' | 'password',
  argument: string,
  commands: readonly LoginCommand[] = loginCommands,
): Rule {
  const alternatives = commands
    .filter((c) => c[side] !== undefined)
    .map((c) => `(?:${c.commands})${sameCommand}(?:${c[side] as string})`)
    .join('|');
  // A password may be glued to its flag (`-pX`), never a bare port (`-p 6379`) nor the rest of a flag named for one
  // (`-passwd X`, `-pw X`); a user flag also takes `=`.
  const separator =
    side === 'password'
      ? '(?:\\s+(?!-)|=|(?=[^\\s-])(?!(?:ass(?:w(?:or)?d)?|wd?)(?:[\\s=]|$)))(?!\\d{1,5}(?![^\\s"\']))'
      : '(?:=|\\s*)["\']?';
  return rule(words, `(?<![\\w/.-])(?:${alternatives})${separator}${argument}`);
}

// Commands that take the user and then the password as plain arguments (the password's group comes second).
const positional = {
  rabbitmqctl: `\\brabbitmqctl${sameCommand}(?:add_user|change_password|authenticate_user)\\s+["']?(${name})["']?\\s+${value}`,
  // `htpasswd -b[c] FILE USER PASS`; with `-n` there is no file.
  htpasswd: `\\bhtpasswd(?:(?:\\s+-\\w*n\\w*)(?:\\s+-\\w+)*|(?:\\s+-(?!\\w*n)\\w+)*\\s+(?!-)\\S+)\\s+["']?(${name})["']?(?:\\s+(?!-)${value})?`,
  mosquittoPasswd: `\\bmosquitto_passwd(?:\\s+-\\w+)*\\s+(?!-)\\S+\\s+["']?(${name})["']?(?:\\s+(?!-)${value})?`,
  // `echo 'alice:S3cret!' | chpasswd` (the input is user:password lines).
  chpasswd: `\\b(?:echo|printf)\\s+(?:-\\w+\\s+)?["']?(${name}):([^\\s"':]+)["']?\\s*\\|\\s*(?:sudo\\s+)?chpasswd\\b`,
  // Samba tools and wbinfo: `-U [DOMAIN\\]alice%S3cret`.
  samba: `(?<=\\s)(?:-U|-a|--user(?:name)?=?)\\s*["']?${domainUserName}%([^\\s"']+)`,
  // `lftp -u alice,S3cret host`.
  lftp: `\\blftp${sameCommand}-u\\s+["']?(${name}),([^\\s"']+)`,
  // HAProxy's `stats auth admin:S3cret`.
  haproxyStats: `\\bstats\\s+auth\\s+(${name}):([^\\s"']+)`,
  // Redis: MONITOR's `"AUTH" "alice" "S3cret"` (the user is optional), `ACL SETUSER alice on >S3cret`.
  redisAuth: `\\]\\s+"AUTH"\\s+(?:"(${name})"\\s+)?"([^"\\n]+)"`,
  redisAcl: `\\bACL\\s+SETUSER\\s+(${name})\\b[^\\n>]*?\\s>([^\\s"']+)`,
  // ZooKeeper: `addauth digest alice:S3cret`.
  zookeeper: `\\baddauth\\s+digest\\s+(${name}):([^\\s"']+)`,
  // Any command given `-u NAME -p PASS` side by side (not a port: `-u app -p 8080:80`).
  userThenPassword: `(?<=\\s)-u\\s+["']?(${name})["']?\\s+-p\\s*(?![\\d:.]+(?![^\\s"']))${value}`,
  // An admin CLI's `passwd NAME NEWPASS` (`emqx ctl admins passwd admin x`; the system's `passwd NAME` takes no second word).
  passwdPair: `(?<![\\w/.-])passwd\\s+["']?(${name})["']?\\s+(?!-)${value}(?=\\s*$|\\s*[;&|)])`,
  // A query string with both `u=NAME` and `p=PASS` (InfluxDB 1.x, Subsonic...): the pair says what each is (`p=2`, a
  // page number, is not one).
  queryPair: `[?&]u=(${name})(?=[&#\\s"']|$)[^\\s"'#]{0,512}?[?&]p=(?!\\d{1,4}(?:[&#\\s"']|$))([^&\\s"'#]+)|[?&]p=(?!\\d{1,4}(?:[&#\\s"']|$))([^&\\s"'#]+)[^\\s"'#]{0,512}?[?&]u=(${name})(?=[&#\\s"']|$)`,
  // FreeRADIUS logs the password tried when auth_badpass/auth_goodpass is on: `Login incorrect: [alice/S3cret]`.
  radius: `\\bLogin (?:OK|incorrect)(?: \\([^)\\n]*\\))?: \\[(${name})(?:/([^\\]\\n]+))?\\]`,
};

/** Where command lines and admin tools put a user name, in groups that share a keyword bit (the common words alone). */
export const cliUserRules: ReadonlyArray<readonly Rule[]> = [
  [
    // (Not the local part of an address, `curl -u ana@example.org/token:…`: the email is found whole.)
    flagRule([' -u', ' --user', 'sudo', 'runuser', 'crontab'], 'user', `(${name})(?![\\w.$-]*@[\\w-]+\\.)`),
    rule([' -u', ' --user', 'wbinfo'], positional.samba, [1]),
    rule([' -u'], positional.userThenPassword, [1]),
  ],
  [
    rule(
      ['rabbitmqctl'],
      `\\brabbitmqctl${sameCommand}(?:add_user|delete_user|change_password|clear_password|authenticate_user|set_user_tags|set_permissions(?:\\s+-p\\s+\\S+)?|list_user_permissions)\\s+["']?(${name})`,
    ),
    rule(['htpasswd'], positional.htpasswd, [1]),
    rule(['mosquitto_passwd'], positional.mosquittoPasswd, [1]),
    rule(['chpasswd'], positional.chpasswd, [1]),
    rule(['lftp'], positional.lftp, [1]),
    rule(['stats auth'], positional.haproxyStats, [1]),
    rule(['login ok', 'login incorrect'], positional.radius, [1]),
    rule(['] "auth"'], positional.redisAuth, [1]),
    rule(['setuser'], positional.redisAcl, [1], 'gi'),
    rule(['addauth'], positional.zookeeper, [1]),
    rule(['passwd'], positional.passwdPair, [1]),
    rule(['?u=', '&u='], positional.queryPair, [1, 4]),
  ],
  // Commands named by common words (`su `, `passwd`, `chown`) get their own keyword bit, so the rare ones stay apart.
  [
    // `sudo -u` is above; `su - alice`, `su alice -c cmd`, `su -l alice`.
    rule(
      ['su '],
      `(?<![\\w/.-])su(?:(?:\\s+-[l-]?|\\s+--login)\\s+(${name})(?=\\s*$|\\s+-c\\b|\\s*[;&|)])|\\s+(${name})(?=\\s*$|\\s+-c\\b))`,
    ),
    // `chown alice:staff f`, `chown -R alice /srv`; `passwd alice`, `useradd -m -s /bin/bash alice` (the last argument).
    rule(['chown'], `(?<![\\w/.-])chown(?:\\s+-\\S+)*\\s+(${name})(?=[:.]?\\s|:[\\w.-]*\\s)`),
    rule(
      [
        'passwd',
        'useradd',
        'adduser',
        'usermod',
        'userdel',
        'deluser',
        'chage',
        'chsh',
        'chfn',
        'smbpasswd',
        'pdbedit',
      ],
      `(?<![\\w/.-])(?:passwd|useradd|adduser|usermod|userdel|deluser|chage|chsh|chfn|smbpasswd|pdbedit)(?:\\s+(?:-\\S+|(?<=-\\w*[cdegGkKpsuLf]\\s{1,4})[^\\s;&|]+|'[^'\\n]*'|"[^"\\n]*"))*\\s+(${name})(?=\\s*$|\\s*[;&|)"'])`,
    ),
    // xfreerdp and Windows `net use`: `/u:CORP\\alice`, `/user:alice`.
    rule(['/u:', '/user:'], `(?<=\\s)/u(?:ser)?:${domainUserName}`),
  ],
];

/** Where command lines and admin tools put a password, in groups that share a keyword bit. */
export const cliSecretRules: ReadonlyArray<readonly Rule[]> = [
  [
    flagRule([' -p', ' -a', ' -w', ' -x'], 'password', value),
    flagRule(
      [
        'addprinc',
        'add_principal',
        'ank ',
        'cpw ',
        'change_password',
        'plink',
        'pscp',
        'psftp',
        'putty',
        'influx',
        'doctl',
        'fly',
      ],
      'password',
      value,
      tokenCommands,
    ),
    rule([' -p'], positional.userThenPassword, [2, 3, 4]),
  ],
  [rule([' -u', ' --user', 'wbinfo'], positional.samba, [2])],
  [
    rule(['rabbitmqctl'], positional.rabbitmqctl, [2, 3, 4]),
    rule(['htpasswd'], positional.htpasswd, [2, 3, 4]),
    rule(['mosquitto_passwd'], positional.mosquittoPasswd, [2, 3, 4]),
    rule(['chpasswd'], positional.chpasswd, [2]),
    rule(['lftp'], positional.lftp, [2]),
    rule(['stats auth'], positional.haproxyStats, [2]),
    rule(['login ok', 'login incorrect'], positional.radius, [2]),
    rule(['] "auth"'], positional.redisAuth, [2]),
    rule(['setuser'], positional.redisAcl, [2], 'gi'),
    rule(['addauth'], positional.zookeeper, [2]),
    rule(['passwd'], positional.passwdPair, [2, 3, 4]),
    rule(['?p=', '&p='], positional.queryPair, [2, 3]),
    // `net user alice S3cret /add`, `net use \\\\srv\\share S3cret /user:alice` (`*` prompts, `/x` is an option).
    rule(
      ['net user', 'net use'],
      `\\bnet\\s+(?:user\\s+(?:"[^"\\n]*"|\\S+)|use\\s+(?:[A-Za-z]:\\s+)?\\\\\\\\\\S+)\\s+(?![/*])${value}`,
    ),
    rule(['/p:'], `(?<=\\s)/p:${value}`),
    // OpenSSL's `-passin pass:S3cret` (`env:`, `file:` and `fd:` name where the secret is).
    rule(['pass:'], `(?<=\\s)-pass(?:in|out|word)?\\s+["']?pass:([^\\s"']+)`),
    // `mc alias set NAME URL ACCESS_KEY SECRET_KEY` (MinIO).
    rule(
      ['mc alias', 'mc config'],
      `\\bmc\\s+(?:alias\\s+set|config\\s+host\\s+add)\\s+\\S+\\s+\\S+\\s+\\S+\\s+${value}`,
    ),
    rule(['wpa_passphrase'], `\\bwpa_passphrase\\s+(?:"[^"\\n]*"|'[^'\\n]*'|\\S+)\\s+${value}`),
    rule(['nmcli'], `\\bnmcli${sameCommand}(?:password|wifi-sec\\.psk|802-1x\\.password|vpn\\.secrets)\\s+${value}`),
  ],
];
