import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createSecretFormatsDetector } from './secret-formats';

describe('secret formats detector', () => {
  const scanner = createPiiScanner({ types: ['secret_kv'] });
  const detector = createSecretFormatsDetector();

  test.each([
    [
      'finds the value when a secret directive is alone on its line',
      '    auth_pass 8Kq2xZ\\n    virtual_router_id 51',
      ['8Kq2xZ'],
    ],
    [
      'finds the value when a BIND key block holds a secret',
      'key "xfr" { algorithm hmac-sha256; secret "c2VjcmV0LWtleQ=="; };',
      ['c2VjcmV0LWtleQ=='],
    ],
    ['finds the value when a Redis config line sets requirepass', 'requirepass foobared', ['foobared']],
    [
      'finds the value when a Cisco line gives an encryption type',
      'username netops privilege 15 secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0',
      ['$1$mERr$hx5rVt7rPNoS4wqbXKX7m0'],
    ],
    ['finds the value when a Cisco key has type 7', 'tacacs-server key 7 0822455D0A16', ['0822455D0A16']],
    [
      'finds the key when a RADIUS server line ends in one',
      'radius-server host 10.0.0.5 auth-port 1812 key Rad1usK3y',
      ['Rad1usK3y'],
    ],
    ['finds the community when an SNMP server line sets one', 'snmp-server community N3tM0n RO', ['N3tM0n']],
    ['finds the password when a BGP neighbor has one', 'neighbor 192.0.2.1 password B6p-Peer!', ['B6p-Peer!']],
    [
      'finds the value when a compound directive follows other words',
      'user stats insecure-password Stat5Only',
      ['Stat5Only'],
    ],
    [
      'finds the value when FortiOS sets an encrypted secret',
      '    set psksecret ENC QmFzZTY0RW5jb2RlZA==',
      ['QmFzZTY0RW5jb2RlZA=='],
    ],
    ['finds the value when ipsec.secrets gives a PSK', '%any 203.0.113.7 : PSK "v3ry-s3cret-psk"', ['v3ry-s3cret-psk']],
    [
      'finds the key when a chrony keys line has one',
      '10 SHA1 HEX:5B6F2D8C0A1E3F4B5C6D7E8F9A0B1C2D3E4F5A6B',
      ['HEX:5B6F2D8C0A1E3F4B5C6D7E8F9A0B1C2D3E4F5A6B'],
    ],
    [
      'finds a crypt hash when a Junos line holds one',
      'set system login user ops authentication encrypted-password "$6$abc$Zx9kQ"',
      ['$6$abc$Zx9kQ'],
    ],
    [
      'finds the password when an admin tool takes it positionally',
      'rabbitmqctl add_user metrics "Rb!2x"; htpasswd -b /etc/nginx/.htpasswd grafana pw1; htpasswd -nb ops pw2',
      ['Rb!2x', 'pw1', 'pw2'],
    ],
    [
      'finds the password when mosquitto_passwd takes one',
      'mosquitto_passwd -b /etc/mosquitto/passwd sensor7 Mq77pass',
      ['Mq77pass'],
    ],
    ['finds the password when chpasswd reads user:password', "echo 'deploy:Tr1cky#Pw' | sudo chpasswd", ['Tr1cky#Pw']],
    ['finds the password when net user sets one', 'net user svc_backup Bk!2024pass /add /domain', ['Bk!2024pass']],
    [
      'finds the password when net use gives one before /user',
      'net use Z: \\\\\\\\fs01\\\\share W1nPass! /user:CORP\\\\ana',
      ['W1nPass!'],
    ],
    [
      'finds the password when a login flag of a database client has one',
      'sqlcmd -S db -U sa -P Sql#2022; cqlsh db -u cassandra -p C4ss!; ldapsearch -x -D cn=admin -w LdapPw9 -b dc=x',
      ['Sql#2022', 'C4ss!', 'LdapPw9'],
    ],
    ['finds the password when a login command glues it to -p', 'mysqldump -u backup -phunter2 shop', ['hunter2']],
    ['finds the password when sshpass takes it quoted', `sshpass -p 'Xy7#kk2' ssh host`, ['Xy7#kk2']],
    ['finds the password when redis-cli takes -a', 'redis-cli -h cache -a s3cretPW ping', ['s3cretPW']],
    [
      'finds the password when a Samba tool takes user%password',
      'smbclient //fs/share -U CORP\\\\abaker%Pa55w0rd',
      ['Pa55w0rd'],
    ],
    ['finds the password when xfreerdp takes /p:', 'xfreerdp /v:10.0.0.9 /u:admin /p:Rdp!Pass1', ['Rdp!Pass1']],
    [
      'finds the password when openssl reads pass:',
      'openssl pkcs12 -export -in c.pem -passout pass:Exp0rtPw',
      ['Exp0rtPw'],
    ],
    [
      'finds the password when FreeRADIUS logs the one tried',
      'Login incorrect: [hsato/Wr0ngPw] (from client ap1 port 0)',
      ['Wr0ngPw'],
    ],
    ['finds the password when HAProxy stats auth sets one', 'stats auth monitor:St4ts!', ['St4ts!']],
    [
      'finds the secret key when MinIO mc sets an alias',
      'mc alias set s3 https://minio:9000 minioadmin M1n10SecretKey',
      ['M1n10SecretKey'],
    ],
    [
      'finds the passphrase when wpa_passphrase or nmcli take one',
      'wpa_passphrase HomeNet W1f1Pass!; nmcli dev wifi connect Office password 0ff1cePw',
      ['W1f1Pass!', '0ff1cePw'],
    ],
    [
      'finds the password when useradd is given a hash',
      "useradd -m -p '$6$salt$hashvalue' kwame",
      ['$6$salt$hashvalue'],
    ],
    [
      'finds the password when Redis logs AUTH or ACL SETUSER',
      '[0 10.0.0.5:5123] "AUTH" "Rd!s-pw1"; ACL SETUSER reporter on >R3port ~* +@read',
      ['Rd!s-pw1', 'R3port'],
    ],
    ['finds the password when ZooKeeper adds a digest', 'addauth digest zkadmin:Zk3pw', ['Zk3pw']],
    [
      'finds the communities and keys when snmpd.conf sets them',
      'rocommunity N0cR3ad 10.0.0.0/24; com2sec ro default Rw0Comm; createUser mon SHA AuthPw12 AES PrivPw34',
      ['N0cR3ad', 'Rw0Comm', 'AuthPw12', 'PrivPw34'],
    ],
    [
      'finds the SASL credential when SMTP or Dovecot carry AUTH PLAIN',
      'C: AUTH PLAIN AGJvYgBodW50ZXIy; auth: client in: AUTH\\t7\\tPLAIN\\tservice=smtp\\tresp=AGNhcm9sAFNlY3JldDEyMw==',
      ['AGJvYgBodW50ZXIy', 'AGNhcm9sAFNlY3JldDEyMw=='],
    ],
    [
      'finds the password and shared secret when radtest runs',
      'radtest bob Pw-9x 10.0.0.1 1812 Sh4red!',
      ['Pw-9x', 'Sh4red!'],
    ],
    [
      'finds the password when an Oracle tool gets user/password',
      'sqlplus hr/Welc0me1@//db:1521/pdb; rman target sys/Orcl#22@prod',
      ['Welc0me1', 'Orcl#22'],
    ],
    [
      'finds the new password when Elasticsearch prints one',
      'Password for the [kibana_system] user successfully reset.\\nNew value: aB3*dE6=fG9h',
      ['aB3*dE6=fG9h'],
    ],
    [
      'finds an OAuth code when a query string carries one',
      'GET /callback?code=4Fq9ZxLm2PvR8sKd0TyWbN3c&state=xyz 302',
      ['4Fq9ZxLm2PvR8sKd0TyWbN3c'],
    ],
    [
      'finds the key when a vendor header ends in -Key',
      'curl -H "X-Auth-Key: 9c2f7e1b4a6d8e0f3b5c7a9d" -H "CF-Access-Client-Key: ab12CD34ef56GH78"',
      ['9c2f7e1b4a6d8e0f3b5c7a9d', 'ab12CD34ef56GH78'],
    ],
    [
      'finds a hex PSK when it follows the word psk',
      'TLSPSK contents: 0f1e2d3c4b5a69788796a5b4c3d2e1f0',
      ['0f1e2d3c4b5a69788796a5b4c3d2e1f0'],
    ],
    [
      'finds the value when Nagios resource.cfg or check_http hold a password',
      '$USER7$=dbM0n!tor check_http -H x -a probe:Pr0be#1',
      ['dbM0n!tor', 'Pr0be#1'],
    ],
    ['finds the value when GitHub Actions masks it', 'echo "::add-mask::gh-S3cret-v4lue"', ['gh-S3cret-v4lue']],
    ['finds the hash when a shadow line holds one', 'mallory:$y$j9T$abc$def:19800:0:99999:7:::', ['$y$j9T$abc$def']],
    ['finds the new password when mysqladmin sets one', 'mysqladmin -u root -h db1 password "N3w!Root"', ['N3w!Root']],
    [
      'finds the password when a tool prints a generated one',
      'Using generated security password: 3f2a9c1e-7b4d-4e8f-9a0b-1c2d3e4f5a6b; initial admin password: Qx7-Lm2p',
      ['3f2a9c1e-7b4d-4e8f-9a0b-1c2d3e4f5a6b', 'Qx7-Lm2p'],
    ],
    [
      'finds the setup password when Jenkins prints it',
      'Please use the following password to proceed to installation:\\n\\n5c0e0d9b3c2a4f1e8d7c6b5a49382716',
      ['5c0e0d9b3c2a4f1e8d7c6b5a49382716'],
    ],
    [
      'finds the password when a connection or credential call gets one',
      'getConnection("jdbc:pg://db/x", "rep_ro", "R3p!ro"); new UsernamePasswordCredentials("u", "Cr3d#1")',
      ['R3p!ro', 'Cr3d#1'],
    ],
    [
      'finds the value when a Rails bind list holds a secret-named column',
      '[["email", "k@example.com"], ["encrypted_password", "$2a$12$abcdefghijklmnopqrstuv"]]',
      ['$2a$12$abcdefghijklmnopqrstuv'],
    ],
    [
      'finds the value when an app dumps a key/value preference',
      'putString(key=refresh_token, value=Hk29fQ7LmPz31XaZ)',
      ['Hk29fQ7LmPz31XaZ'],
    ],
    [
      "finds SIP2's login password and a patron's password",
      "sc: '9300CNkiosk-2|COq7Lib#22|CPEAST|AY3AZF1B2' then '6300120261202 101500 AOEAST|AA2901|AD8812|BP1|AY4'",
      ['q7Lib#22', '8812'],
    ],
    [
      "finds FIX's password and new password tags",
      '8=FIX.4.4|9=99|35=A|553=gw01|554=Wq2#x9Lm|925=Zt7!p2Qa|10=012|',
      ['Wq2#x9Lm', 'Zt7!p2Qa'],
    ],
    [
      "finds a PKCS#11 URI's PIN",
      'engine key "pkcs11:token=hsm1;object=signing?module-path=/usr/lib/p11.so&pin-value=60418273"',
      ['60418273'],
    ],
  ])('%s', (_name, text, expected) => {
    expect([...new Set(findValues(detector, text))]).toEqual(expected);
    // Through the scanner too: a rule runs only where its keywords are, so this checks they cover the text.
    const scanned = scanner.scan(text).map((m) => m.value);
    for (const value of expected) expect(scanned).toContain(value);
  });

  test.each([
    [
      'ignores prose when a secret word is followed by words',
      'wrong password supplied for user bob; check the secret store later',
    ],
    [
      'ignores a port when a login command takes -p with a number',
      'redis-cli -p 6379 ping; ssh -p 2222 host; docker run -p 8080:80 nginx',
    ],
    ['ignores a prompt when net user is given * or an option', 'net user bob * /add; net user bob /delete'],
    ['ignores a variable or a file when openssl reads one', 'openssl rsa -passin env:KEY_PASS -passout file:/run/pw'],
    ['ignores a bracketed task name when a set line continues', 'TASK [users : set password policy] changed: [db6]'],
    ['ignores a pf rule when it starts with pass', 'pass in on em0 proto tcp from any to any port 22'],
    ['ignores a placeholder when a directive hides the value', 'requirepass <redacted>\\nmasterauth ***'],
    ['ignores a short code or a status code when a query has code=', 'exit code=1 GET /cb?code=abc&x=1 http code=200'],
    [
      'ignores a path or a macro when a Nagios resource names one',
      '$USER1$=/usr/lib/nagios/plugins $USER2$=$USER1$/contrib',
    ],
    ['ignores a word when a header ending in -Key holds one', 'X-Partition-Key: orders-eu-west'],
    ['ignores AUTH PLAIN when no credential follows', 'C: AUTH PLAIN\\nS: 334'],
    ['ignores a prompt when htpasswd asks for the password', 'htpasswd -c /etc/nginx/.htpasswd grafana'],
    [
      'ignores the rest of a flag named for a password when a login command is given one',
      'dbtool --engine mysql -passwd Zq2!x9Lm and mysql -pw Zq2!x9Lm',
    ],
    [
      'ignores fields named like SIP2 or FIX codes when the message is neither',
      'sacct: 4419|pvasquez|COMPLETED|01:22 and FIX 554=Wq2#x9Lm with no message type',
    ],
    [
      'ignores the next pair when a compound name ends its key',
      'signin rejected cause=wrong_password tries=2/3\nauth-mode=wpa2-psk psk-retries=3',
    ],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });

  test.each([
    [
      'finds the password after a realm and a host when sbt gives them',
      'credentials += Credentials("Artifactory Realm", "repo.example.net", "ci-bot", "Zx9-Lm4#qP")',
      ['Zx9-Lm4#qP'],
    ],
    ['ignores an epoch when a key directive lists one', 'Key   Updated\ndeploy_key   1796000000123'],
  ])('%s', (_name, text, ...expected) => {
    expect(findValues(detector, text)).toEqual(expected.flat());
  });

  test.each([
    [
      "finds IBM's keyword(value) passwords",
      "ALTUSER BOB01 PASSWORD(SPRING7) NOEXPIRED; SBMRMTCMD RMTPWD('Q7x!mm2') RMTUSER(OPS)",
      ['SPRING7', 'Q7x!mm2'],
    ],
    ['finds a passphrase in quotes', "ADDUSER X PHRASE('long words and 4 more')", ['long words and 4 more']],
    ['finds the password of user … using …', 'db2 connect to HRDB user hr_etl using Hr4x!2026', ['Hr4x!2026']],
    ['ignores using and a word', 'connect as user bob using ssh-agent', []],
    [
      "finds a secret store's value",
      'tool secrets set SLACK_TOKEN Wq7x2Pz9Lm3; gh secret set NPM_TOKEN --body Tq8x2Lm9Pz4v',
      ['Wq7x2Pz9Lm3', 'Tq8x2Lm9Pz4v'],
    ],
    [
      'finds a CamelCase directive value in quotes',
      'AuthLDAPBindPassword "Bind-Pw-2291"\nOIDCClientSecret "q8Lz2Rv7"',
      ['Bind-Pw-2291', 'q8Lz2Rv7'],
    ],
    ['ignores a capitalized word in prose', 'the Secret "db" was created'],
    [
      "finds the password of Windows' paired flags",
      'schtasks /create /tn Bk /ru CORP\\svc_bk /rp Night!Run22; wecutil cs s.xml /cun:CORP\\col /cup:Col#4411',
      ['Night!Run22', 'Col#4411'],
    ],
    [
      'finds a base64-padded function key',
      'POST /api/Hook?code=aB3xYz9QwErT5uIoP1lKjH2gF==&x=1',
      ['aB3xYz9QwErT5uIoP1lKjH2gF=='],
    ],
  ])('%s', (_name, text, ...expected) => {
    expect(findValues(detector, text)).toEqual(expected.flat());
  });

  test("finds a crypt hash after a password directive's options", () => {
    expect(findValues(detector, 'rootpw --iscrypted $6$abcd1234$Zx9QmLp2Wv7TbR4nYk8Hc3Jd')).toEqual([
      '$6$abcd1234$Zx9QmLp2Wv7TbR4nYk8Hc3Jd',
    ]);
  });

  test("finds OpenLDAP's and nslcd's pw directives on their own line", () => {
    expect(
      findValues(detector, 'uri ldap://10.0.0.5\nbinddn cn=nss,dc=x\nbindpw Secr3t-bind\nrootpw  Qx7-Lm2-zz9'),
    ).toEqual(['Secr3t-bind', 'Qx7-Lm2-zz9']);
  });
});
