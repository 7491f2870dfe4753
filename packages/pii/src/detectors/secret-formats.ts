import { cliSecretRules } from './cli-credentials';
import type { Detector } from './detector';
import { createRuleDetector, rule } from './rules';
import { isWordNotSecret } from './no-secret-here';
import { isPlaceholderValue } from './secret-kv';
import { sameCommand } from './user-name';

// A value of a configuration directive: quoted (the inside is captured) or bare up to whitespace, a quote or `;{}`.
const value = `(?:"([^"\\n]+)"|'([^'\\n]+)'|([^\\s"';{}]+))`;
// The end of a directive's line: an optional `;`, then the end, a (maybe escaped) line break, a closing brace or a
// comment (`rcon_password "x"  // server.cfg`).
const lineEnd = `[ \\t]*;?[ \\t]*(?=$|\\\\[nr]|\\r?\\n|\\}|(?<=[ \\t])(?://|#))`;
// The start of a directive: the start of the text, a (maybe escaped) line break, or after `{` / `;`.
const lineStart = `(?:^|\\\\[nr]|\\n|[{;])[ \\t]*`;
const secretDirective = 'password|passwd|passphrase|secret|pass|psk|requirepass|masterauth|key-string|community';
// Cisco-style encryption types (0 plain, 5/8/9 hashes, 7 reversible) and hash names written before a key.
const hashName = '(?:(?:md5|sha\\d*|hmac-sha-?\\d+|ascii-text|hexadecimal|text)[ \\t]+)?';
const keyType = `(?:[0-9][ \\t]+)?${hashName}`;
// Every shape below has its word right before a blank: gated on both, the directive rule skips the many lines where
// `key` or `pass` stands in other text.
const directiveWords = [
  'password',
  'passwd',
  'passphrase',
  'pass',
  'secret',
  'psk',
  'masterauth',
  'key-string',
  'community',
  'key',
].flatMap((word) => [`${word} `, `${word}\t`]);

/**
 * Secrets that configuration syntax and admin commands place by position, with no `key=value` shape: a
 * secret-named directive and its value on a line of its own (`requirepass x`, keepalived's `auth_pass x`, BIND's
 * `secret "..."`), Cisco/Junos/FortiOS forms (`enable secret 5 $1$...`, `username u password 0 x`,
 * `tacacs-server key 7 x`, `snmp-server community x`, `neighbor 10.0.0.1 password x`, `set psksecret ENC x`), IPsec
 * `: PSK "x"`, chrony/NTP `SHA1 HEX:...` keys, crypt hashes after a secret word, and the password arguments of admin
 * commands (`rabbitmqctl add_user u x`, `htpasswd -b f u x`, `net user u x`, `ldapsearch -w x`, `smbclient -U u%x`...).
 */
export function createSecretFormatsDetector(): Detector {
  return createRuleDetector(
    'secret_kv',
    [
      [
        // One pass for the three shapes of a directive that ends its line: alone on its line, any value (the word leads
        // the pattern and the line start is checked behind it: cheaper than trying a line start at every position);
        // after other words, only with an encryption type (`secret 5 …`) or a compound name (`insecure-password …`).
        rule(
          directiveWords,
          `(?:(?:${secretDirective})(?<=${lineStart}[\\w-]+)[ \\t]+${keyType}|(?<![A-Za-z])(?:${secretDirective}|key)[ \\t]+[0-9][ \\t]+${hashName}|(?:password|passwd|pass|secret|key|psk|passphrase)(?<=\\w[-_][A-Za-z]+)[ \\t]+${keyType})${value}${lineEnd}`,
          undefined,
          'gi',
        ),
      ],
      [
        // Crypt hashes (`$1$`, `$6$`, Junos `$9$`) after a secret word and its options (Kickstart's `rootpw --iscrypted`).
        rule(
          ['$1$', '$2a$', '$2b$', '$2y$', '$5$', '$6$', '$7$', '$8$', '$9$', '$y$'],
          `\\b(?:\\w*pw|\\w*passw(?:or)?d|secret|key|passphrase|ascii-text)(?:[ \\t]+--?[\\w-]+)*[ \\t]+"?(\\$[0-9a-z]{1,2}\\$[^\\s"]+)`,
          undefined,
          'gi',
        ),
        // A server line's options fit in 256 characters; unbounded, a line repeating the word was read n²/2.
        rule(
          ['radius-server', 'tacacs-server'],
          `\\b(?:radius|tacacs)-server\\b[^\\n]{0,256}?\\bkey[ \\t]+(?:[0-9][ \\t]+)?${value}`,
        ),
        rule(['snmp-server'], `\\bsnmp-server\\s+community\\s+(?:[0-9]\\s+)?${value}`),
        rule(['neighbor'], `\\bneighbor\\s+\\S+\\s+password\\s+(?:[0-9]\\s+)?${value}`),
        // OpenLDAP's and nslcd's `rootpw x` / `bindpw x` on their own line.
        rule(['rootpw', 'bindpw'], `(?<=${lineStart})(?:rootpw|bindpw)[ \\t]+${value}${lineEnd}`, undefined, 'gi'),
        // FortiOS: `set psksecret ENC xxx`, `set password ENC xxx`.
        rule(
          ['set passw', 'set psksecret', 'set secret'],
          `(?<=${lineStart})set\\s+[\\w-]*(?:password|passwd|psksecret|secret)\\s+(?:ENC\\s+)?${value}${lineEnd}`,
        ),
        // strongSwan ipsec.secrets: `: PSK "x"`, `alice : EAP "x"`, `: XAUTH "x"`.
        rule([': psk', ': eap', ': xauth', ': ntlm', ':psk'], `:\\s*(?:PSK|EAP|XAUTH|NTLM)\\s+${value}`),
        // Net-SNMP snmpd.conf: `rocommunity S3cret 10.0.0.0/24`, `com2sec ro default S3cret`,
        // `createUser alice SHA authpass AES privpass`.
        rule(['rocommunity', 'rwcommunity'], `\\b(?:ro|rw)community6?\\s+${value}`, undefined, 'gi'),
        rule(['com2sec'], `\\bcom2sec6?\\s+(?:-Cn\\s+\\S+\\s+)?\\S+\\s+\\S+\\s+${value}`),
        rule(
          ['createuser'],
          `\\bcreateUser\\s+(?:-e\\s+\\S+\\s+)?\\S+\\s+(?:MD5|SHA[\\w-]*)\\s+${value}(?:\\s+(?:DES|AES[\\w-]*)\\s+${value})?`,
        ),
        // chrony/ntpd keys file: `1 SHA1 HEX:5B6F...`.
        rule(
          ['hex:', 'ascii:'],
          `\\b(?:MD5|SHA1|SHA256|SHA384|SHA512|AES128CMAC|AES256CMAC)\\s+((?:HEX|ASCII):\\S+)`,
          undefined,
          'gi',
        ),
      ],
      [
        // An armored block whose label says it is secret (NATS `-----BEGIN USER NKEY SEED-----`, `…SECRET…`); private
        // keys are the private_key detector's.
        rule(
          ['seed---', 'secret---'],
          `-----BEGIN (?:[A-Z0-9]+ )*?(?:SEED|SECRET)(?: [A-Z0-9]+)*-{5,}(?:\\\\n|\\s)+([A-Za-z0-9+/=_-]{16,}(?:(?:\\\\n|\\r?\\n)(?!-)[A-Za-z0-9+/=_-]+)*)(?=(?:\\\\n|\\s)*-{5,}END)`,
        ),
        // PowerShell's `ConvertTo-SecureString "x" -AsPlainText`: the plain text is the secret (`-AsPlainText` within 256
        // characters, as a command's other arguments; a bare value is whole, not tried again one character shorter).
        rule(
          ['convertto-securestring'],
          `\\bConvertTo-SecureString\\s+(?:-String\\s+)?${value}(?:(?<=["'])|(?![^\\s"';{}]))(?=[^\\n]{0,256}?-AsPlainText)`,
          undefined,
          'gi',
        ),
      ],
      [
        // SASL PLAIN/LOGIN as base64 (`\\0user\\0password`): SMTP's `AUTH PLAIN AGFsaWNl...`, Dovecot's auth protocol
        // `AUTH\\t1\\tPLAIN\\t...\\tresp=AGFsaWNl...` (tabs real or escaped), `resp=` within 512 characters (Dovecot's
        // fields before it are under 200; unbounded, a line repeating `AUTH LOGIN` read the rest of the line from each).
        rule(
          ['auth plain', 'auth login', 'plain\\t', 'plain\t'],
          `\\bAUTH(?:[ \\t]|\\\\t)+(?:\\d+(?:[ \\t]|\\\\t)+)?(?:PLAIN|LOGIN)\\b(?:(?:[ \\t]|\\\\t)+|[^\\n]{0,512}?(?:\\\\t|[\\s;,])resp=)([A-Za-z0-9+/]{12,}={0,2})(?![A-Za-z0-9+/=])`,
          undefined,
          'gi',
        ),
      ],
      [
        // radtest USER PASSWORD SERVER PORT SECRET (the second is the RADIUS shared secret), after up to 16 options
        // (unbounded, a line of `--radtest` read the rest of the line from each one).
        rule(['radtest'], `\\bradtest\\s+(?:-\\S+\\s+){0,16}\\S+\\s+${value}\\s+\\S+\\s+\\d+\\s+${value}`),
        // Oracle's `sqlplus scott/tiger@db`, `rman target sys/pw@db`, `expdp system/pw` (user/password).
        rule(
          ['sqlplus', 'rman target', 'expdp', 'impdp', 'sqlldr', 'dgmgrl'],
          `\\b(?:sqlplus|rman|expdp|impdp|sqlldr|dgmgrl)${sameCommand}(?:(?:target|auxiliary|catalog|userid)=?\\s*)?["']?[A-Za-z_][\\w$#.-]*/([^@\\s"'/][^@\\s"']*)`,
        ),
        // elasticsearch-reset-password prints the new password on the line after `Password for the [elastic] user`.
        rule(
          ['new value:'],
          `\\bPassword for the \\[[^\\]\\n]+\\] user successfully reset\\.\\s*(?:\\\\n)?\\s*New value:\\s*(\\S+)`,
        ),
      ],
      [
        // An OAuth authorization code or a function key in a query string (`?code=kqvvRGL-noFO...&state=`, Azure's
        // `?code=…==`): random and 20+ characters, maybe base64-padded.
        rule(
          ['code='],
          `(?<=[?&\\s])code=(?=[\\w.~-]*\\d)(?=[\\w.~-]*[A-Z])(?=[\\w.~-]*[a-z])([\\w.~-]{20,}={0,2})(?=[&\\s"']|$)`,
        ),
      ],
      [
        // Passwords a tool prints once (`Using generated security password: …`, `initial admin password: …`, Jenkins'
        // setup password on the line after `password to proceed to installation:`).
        rule(
          ['generated', 'initial', 'temporary', 'random password', 'one-time', 'default password'],
          `\\b(?:generated|initial|temporary|default|random|one-time)(?:[ _-][a-z]+){0,2}[ _-]password(?: is)?\\s*[:=]?\\s+["']?([^\\s"';,]{6,})`,
          undefined,
          'gi',
        ),
      ],
      [
        // A vendor's API key header (`Fastly-Key:`, `X-Auth-Key:`): a header name ending in -Key holding a random value.
        rule(
          ['-key:', '-key":', '-key"'],
          `-Key(?<=(?<![\\w-])[A-Za-z]\\w*(?:-\\w+)*-Key)\\\\?["']?\\s*:\\s*\\[?\\\\?["']?(?![0-9a-fA-F]{8}-[0-9a-fA-F]{4}-)(?=[\\w+/=-]*\\d)(?=[\\w+/=-]*[A-Za-z])([\\w+/=-]{16,})`,
          undefined,
          'gi',
        ),
        // A pre-shared key written in hex after the word psk (`# psk file content: 98aa33...`).
        rule(['psk'], `psk\\w*[^\\n=:]{0,40}[:=]\\s*([0-9a-fA-F]{32,})(?![0-9a-fA-F])`, undefined, 'gi'),
        rule(['password to proceed'], `password to proceed to installation:(?:\\s|\\\\n)*([0-9a-f]{32})\\b`),
        // The password passed with a user to a connection or credential constructor (JDBC `getConnection(url, u, "x")`,
        // .NET `NetworkCredential("u", "x")`, `UsernamePasswordCredentials`, Java's `PasswordAuthentication`); a realm
        // in words or a host name before the user is skipped (sbt's `Credentials("Realm", "host", "u", "x")`).
        rule(['getconnection('], `\\bgetConnection\\(\\s*"[^"\\n]*"\\s*,\\s*"[^"\\n]*"\\s*,\\s*"([^"\\n]+)"`),
        rule(
          ['credential(', 'credentials(', 'passwordauthentication('],
          `\\b\\w*(?:Credentials?|PasswordAuthentication)\\(\\s*(?:["'](?:[^"'\\n]*\\s[^"'\\n]*|[\\w-]+(?:\\.[\\w-]+)+)["']\\s*,\\s*)*["'][^"'\\n]+["']\\s*,\\s*["']([^"'\\n]+)["']`,
        ),
        // Rails' SQL bind list `[["email", "…"], ["password_digest", "$2a$…"]]`: a secret-named column's value.
        rule(
          ['[["'],
          `\\[\\s*"[\\w.-]*?(?:passw(?:or)?d|secret|token|api_?key|password_digest|encrypted_password)"\\s*,\\s*"([^"\\n]+)"\\s*\\]`,
        ),
        // Android SharedPreferences and similar dumps: `putString(key=refresh_token, value=…)`.
        rule(
          ['key=', 'value='],
          `\\bkey=[\\w.-]*?(?:token|secret|passw(?:or)?d|api_?key|session)[\\w.-]*,\\s*value=([^\\s,)]+)`,
          undefined,
          'gi',
        ),
        // GitHub Actions `::add-mask::VALUE` (the runner hides that value from then on); shadow lines' password hash;
        // `mysqladmin … password NEW`.
        rule(['::add-mask::'], `::add-mask::([^\\s"']+)`),
        rule(
          [':$'],
          `:(?=\\$[0-9a-z]{1,2}\\$)(?<=(?<![\\w.-])[A-Za-z_][\\w.-]{0,63}:)(\\$(?:[0-9a-z]{1,2})\\$[^:\\s]+):\\d*:`,
        ),
        rule(['mysqladmin'], `\\bmysqladmin${sameCommand}password\\s+${value}`),
        // Nagios resource.cfg `$USER3$=secret` (paths and macros left alone) and check_http's `-a user:password`.
        rule(['$user'], `\\$USER\\d+\\$=(?![/$])(\\S+)`),
        rule(['check_'], `\\bcheck_\\w+${sameCommand}-a\\s+["']?[\\w.@-]+:([^\\s"']+)`),
      ],
      [
        // IBM's keyword(value) syntax (RACF `ALTUSER u PASSWORD(x)`, `PHRASE('…')`, IBM i `RMTPWD('x')`), in capitals.
        rule(
          ['password(', 'passwd(', 'pwd(', 'phrase(', 'passphrase('],
          `(?<![\\w$])[A-Z]*(?:PASSWORD|PASSWD|PWD|PHRASE|PASSPHRASE)\\((?:'([^'\\n]+)'|([^\\s()']+))\\)`,
        ),
        // DB2 and ODBC command lines: `connect to DB user NAME using PASS` (a password has a digit: `using ssh` is prose).
        rule([' using '], `\\buser\\s+\\S+\\s+using\\s+(?=\\S*\\d)${value}`, undefined, 'gi'),
        // A secret store's CLI given a name and its value: `nextflow secrets set NAME VALUE`, `gh secret set NAME --body V`.
        rule(
          [
            'secrets set',
            'secret set',
            'secrets put',
            'secret put',
            'secrets add',
            'secret add',
            'secrets create',
            'secret create',
          ],
          `\\bsecrets?\\s+(?:set|put|add|create)\\s+(?:-\\S+\\s+)*[A-Za-z_][\\w.-]*\\s+(?:(?:--body|--value|-b)[ =])?(?!-)(?=\\S*\\d)${value}`,
          undefined,
          'gi',
        ),
        // A CamelCase directive ending in a secret word, its value quoted (Apache's `OIDCCryptoPassphrase "…"`,
        // `AuthLDAPBindPassword "…"`, `ClientSecret "…"`).
        rule(
          ['password "', 'passphrase "', 'secret "', 'token "', 'passwd "'],
          `(?:Pass(?:word|wd|phrase|Phrase)|Secret|Token)(?<=(?<![\\w-])[A-Z][A-Za-z0-9]*[A-Za-z0-9](?:Pass(?:word|wd|phrase|Phrase)|Secret|Token))[ \\t]+"([^"\\n]+)"`,
        ),
        // Windows commands' paired flags: `/ru NAME /rp PASS` (schtasks), `/u NAME /p PASS`, `/cun:NAME /cup:PASS`.
        rule(
          ['/rp', '/p ', '/p:', '/cup', '/pw', '/password'],
          `(?<=\\s)/(r|c)?u(?:n|ser)?(?::|\\s+)(?:"[^"\\n]*"|\\S+)\\s+/\\1u?p(?:w|wd|assword)?(?::|\\s+)${value}`,
          [2, 3, 4],
          'gi',
        ),
      ],
      [
        // Protocols that give a password a field of its own: 3M's SIP2 (login message 93: `CN` user id, then `CO` its
        // password; a patron's password `AD` after the patron id `AA`), FIX (tag 554 Password, 925 NewPassword, in a
        // message with its type, `35=`), and a PKCS#11 URI's PIN (RFC 7512: `?pin-value=`).
        rule(['|co'], String.raw`(?<![A-Za-z])CN[^|\s'"]*\|CO([^|\s'"]+)(?=\|)`, undefined, 'g', [['cn']]),
        rule(['|ad'], String.raw`\|AA[^|\s'"]*\|(?:[A-Z]{2}[^|\n'"]*\|){0,4}?AD([^|\s'"]+)(?=\|)`),
        rule(['554=', '925='], String.raw`(?<![\w.])(?:554|925)=([^|\x01\s]+)`, undefined, 'g', [['35=']]),
        rule(['pin-value='], String.raw`pkcs11:[^\s"']*?[?&;]pin-value=([^&;\s"']+)`),
      ],
      ...cliSecretRules,
    ],
    // `$VAR` and `${VAR}` name where a secret is; `$1$salt$hash` is one. 10+ digits are a time or an id (`1795881211000`).
    // A common word that ends a sentence is prose after a secret's name (`… for the client_secret setup.`). A `key=value`
    // is the next pair, not a value (`reason=bad_password attempt=2/5`, `key-mgmt=wpa-psk psk-flags=1`).
    (found) =>
      found !== '' &&
      !isPlaceholderValue(found) &&
      !/^(?:\$\{|\$[A-Za-z_]\w*$|\*|\d{10,}$|[A-Za-z_][\w.-]*=[^=])/.test(found) &&
      !(found.endsWith('.') && isWordNotSecret(found, 0, found.length)),
  );
}
