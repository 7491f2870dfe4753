import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createUserFormatsDetector } from './user-formats';

describe('user formats detector', () => {
  const scanner = createPiiScanner({ types: ['user'] });
  const detector = createUserFormatsDetector();

  test.each([
    [
      "finds the user of EZproxy's audit log",
      '2026-12-07 08:10:15 Login.Success 203.0.113.45 rfaulk Xk2p9TqLw7vB3nR; Login.Failure.Blocked 2001:db8::4 hkimura',
      ['rfaulk', 'hkimura'],
    ],
    [
      "finds an access log's user after the address, the time first",
      'portal access: 198.51.100.134 - mvarga "GET /my/tickets HTTP/2" 200; 2001:db8::5 tpaz [-] "POST api/x"',
      ['mvarga', 'tpaz'],
    ],
    [
      'finds the user column when Postgres writes a csvlog line',
      '2025-04-09 11:02:07.311 CEST,"app_rw","shop",4411,"10.0.0.5:50122",65f1,3,"idle",2025-04-09 11:02:07 CEST,,0,LOG,00000,"x"',
      ['app_rw'],
    ],
    [
      'finds the user column when the csvlog database field is empty',
      '2025-04-09 11:02:07+02,"etl",,77,,65f1',
      ['etl'],
    ],
    [
      'finds the user when the MySQL general log records a connect',
      '2025-04-09T11:02:07.311522Z\t   44 Connect\treporting@10.0.0.5 on shop using TCP/IP',
      ['reporting'],
    ],
    [
      'finds both names when the MySQL slow log has a User@Host line',
      '# User@Host: svc_batch[svc_batch] @ app1 [10.0.0.9]  Id: 812',
      ['svc_batch', 'svc_batch'],
    ],
    [
      'finds the user field when Squid logs an authenticated request',
      '1714638851.102    212 10.0.0.5 TCP_MISS/200 5120 GET http://example.org/ kmueller HIER_DIRECT/93.184.216.34 text/html',
      ['kmueller'],
    ],
    [
      'finds the name without the domain when Squid logs an NTLM user',
      '1714638851.102 5 10.0.0.5 TCP_DENIED/407 3900 CONNECT api.example.com:443 CORP\\\\jlee HIER_NONE/- text/html',
      ['jlee'],
    ],
    [
      'finds the real user when an xferlog line records a transfer',
      'Mon May  5 08:00:01 2025 1 10.0.0.7 5120 /srv/ftp/report.csv b _ o r priya ftp 0 * c',
      ['priya'],
    ],
    [
      'finds the captured header when HAProxy logs one',
      'haproxy[9]: 10.0.0.1:4711 [05/May/2025:08:00:01.123] web app/s1 0/0/1/2/3 200 512 - - ---- 1/1/0/0/0 0/0 {ana.b|curl/8.5} "GET / HTTP/1.1"',
      ['ana.b'],
    ],
    [
      'finds the common name when OpenVPN prefixes a client line',
      '2025-05-05 08:00:01 r.tanaka/198.51.100.4:51234 MULTI_sva: pool returned IPv4=10.8.0.6',
      ['r.tanaka'],
    ],
    [
      'finds the common name when OpenVPN initiates a peer connection',
      '[vpn-ops1] Peer Connection Initiated with [AF_INET]198.51.100.4:1194',
      ['vpn-ops1'],
    ],
    [
      'finds the user when Dovecot names the session',
      'dovecot: imap(mhansen)<4321><aBc>: Logged out in=10 out=20; auth-worker(9): pam(tkoch,10.0.0.5,<x>): unknown user',
      ['mhansen', 'tkoch'],
    ],
    [
      'finds the user when Exim records the authenticator',
      '1rXyZ-000123-AB <= a@example.org H=(x) [10.0.0.5] P=esmtpsa A=dovecot_plain:lgarcia S=812',
      ['lgarcia'],
    ],
    [
      'finds both names when su logs a switch',
      'su: (to postgres) dwilson on pts/1; FAILED su for root by mallory',
      ['postgres', 'dwilson', 'root', 'mallory'],
    ],
    [
      'finds the name when passwd reports a change',
      'passwd[811]: pam_unix(passwd:chauthtok): password changed for okafor',
      ['okafor'],
    ],
    [
      'finds the name when useradd creates a user',
      "useradd[1201]: new user: name=svc_etl, UID=1002, GID=1002; usermod[1]: add 'svc_etl' to group 'docker'",
      ['svc_etl', 'svc_etl'],
    ],
    [
      'finds the first cn when a DN names a person in an OU',
      'bind dn="cn=Maria Lopez,ou=people,dc=example,dc=com" failed; CN=jdoe,CN=Users,DC=corp,DC=local',
      ['Maria Lopez', 'jdoe'],
    ],
    [
      'finds a service account named so when a DN puts it under ou=services',
      'bind as cn=svc-ledger7,ou=services,dc=example,dc=org ok; CN=svc_print,OU=Services,DC=corp,DC=local',
      ['svc-ledger7', 'svc_print'],
    ],
    [
      'finds the client ids of EPP',
      '<login><clID>reg-7781</clID><pw>x</pw></login> <domain:acID>fjord-names</domain:acID> [epp] clID=reg-7781 cmd=info',
      ['reg-7781', 'fjord-names', 'reg-7781'],
    ],
    [
      "finds the first cn of a DN given as a key's value",
      'ldap.bind=cn=relay-bind,ou=svc,dc=example,dc=org bindDN=CN=svc-hr2,OU=Services,DC=corp,DC=local',
      ['relay-bind', 'svc-hr2'],
    ],
    [
      'finds the name when a log says who authenticated',
      'slapd: conn=1001 op=0 BIND authenticated as "nagy_p"',
      ['nagy_p'],
    ],
    [
      'finds the user when sudo, su or runuser switch to one',
      'sudo -iu deploy bash; su - oracle; runuser -u www-data -- ls',
      ['deploy', 'oracle', 'www-data'],
    ],
    [
      'finds the owner when chown changes one',
      'chown -R jenkins:jenkins /var/lib/jenkins && chown nginx /srv/www',
      ['jenkins', 'nginx'],
    ],
    [
      'finds the user when account tools take it last',
      'useradd -m -s /bin/bash -G sudo kwame; usermod -aG docker kwame; passwd -l olduser',
      ['kwame', 'kwame', 'olduser'],
    ],
    [
      'finds the user when admin tools take it as an argument',
      'rabbitmqctl add_user metrics S3cret; htpasswd -b /etc/nginx/.htpasswd grafana pw1; htpasswd -nb ops pw2',
      ['metrics', 'grafana', 'ops'],
    ],
    [
      'finds the name when a login command takes -u',
      'mysql -h db -u backup -pX shop; mysql -uroot',
      ['backup', 'root'],
    ],
    [
      'finds the user when a login flag names one',
      'sqlcmd -S db -U sa -P x; mosquitto_sub -h broker -u sensor7 -P y; psql -h db -U report_ro shop',
      ['sa', 'sensor7', 'report_ro'],
    ],
    [
      'finds the user when Samba tools take user%password',
      'smbclient //fs/share -U CORP\\\\abaker%Pa55w0rd',
      ['abaker'],
    ],
    [
      'finds the user when a Windows command takes /user:',
      'net use \\\\\\\\fs\\\\share /user:CORP\\\\tnguyen; xfreerdp /v:host /u:admin2',
      ['tnguyen', 'admin2'],
    ],
    [
      'finds the user when FreeRADIUS logs a login',
      'Auth: (7) Login OK: [wifi_guest] (from client ap1 port 0 cli 02-00-00-00-00-01); Login incorrect (mschap): [hsato/<via Auth-Type = eap>]',
      ['wifi_guest', 'hsato'],
    ],
    ['finds the user when HAProxy stats auth names one', 'stats auth monitor:S3cret!', ['monitor']],
    [
      'finds the admin when Cisco IOS logs a configuration change',
      '%SYS-5-CONFIG_I: Configured from console by netadmin on vty0 (10.0.0.5)',
      ['netadmin'],
    ],
    [
      'finds the identity when strongSwan logs an EAP or XAuth login',
      "charon: 09[IKE] received EAP identity 'bob.k'; XAuth authentication of 'carol' successful",
      ['bob.k', 'carol'],
    ],
    [
      'finds the user when Redis logs AUTH or ACL SETUSER',
      '1714638851.102 [0 10.0.0.5:5123] "AUTH" "svc_cache" "x"; ACL SETUSER reporter on >pw ~* +@read',
      ['svc_cache', 'reporter'],
    ],
    ['finds the user when ZooKeeper adds a digest', 'addauth digest zkadmin:Zk3pw', ['zkadmin']],
    [
      'finds the user when an authentication failed for a name',
      'realm ldap1: Password authentication failed for kibana_sys; Authentication of DIGEST header failed for ci-bot from 10.1.1.1',
      ['kibana_sys', 'ci-bot'],
    ],
    [
      'finds the admin when FortiOS logs or configures one',
      'msg="Administrator ops-ro logged in successfully" cfgpath="system.admin" cfgobj="audit1" config system admin\n    edit "audit2"',
      ['ops-ro', 'audit1', 'audit2'],
    ],
    [
      'finds the client when OpenVPN names it before an IPv6 address, in SENT CONTROL or as common_name',
      'mkim/2001:db8::7 MULTI: Learn: 10.8.0.9 -> mkim/2001:db8::7; SENT CONTROL [mkim]: PUSH; common_name=mkim',
      ['mkim', 'mkim', 'mkim', 'mkim'],
    ],
    [
      'finds the login when a camelCase key ends in Login',
      '{"properties":{"adminLogin":"pgadmin7","administratorLoginPassword":"x"}}',
      ['pgadmin7'],
    ],
    [
      'finds the identity when ipsec.secrets gives an EAP secret',
      'dave : EAP "x"\\nerin : XAUTH "y"',
      ['dave', 'erin'],
    ],
    [
      'finds the account when SQL creates or alters a user',
      "CREATE USER IF NOT EXISTS 'ingest'@'%'; ALTER USER \\'bi\\'@\\'%\\'; SET PASSWORD FOR 'ops'@'localhost'",
      ['ingest', 'bi', 'ops'],
    ],
    [
      'finds the user when an SSH public key comment names it',
      'Accepted key: ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTY= k.osei@laptop-14; ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIQx9 build-bot@runner',
      ['k.osei', 'build-bot'],
    ],
    [
      'finds the role when SQL lets it log in, and not a role without LOGIN',
      'alter role "svc_etl" with login; CREATE ROLE auditor WITH ENCRYPTED PASSWORD \'x\' AND LOGIN = true; CREATE ROLE readonly NOLOGIN;',
      ['svc_etl', 'auditor'],
    ],
    [
      'finds the user when cqlsh prompts or sqlplus connects',
      'dba_k@cqlsh:ks1> SELECT 1; sqlplus -s hr/Welc0me1@//db:1521/pdb',
      ['dba_k', 'hr'],
    ],
    [
      'finds the user when MariaDB server_audit logs a query',
      "20250102 08:00:01,db-2,etl_job,10.2.0.4,77,1201,QUERY,dw,'SELECT 1',0",
      ['etl_job'],
    ],
    [
      'finds the login when a SIP2 Login message names it, also after a label',
      'sc-gw 9300CNkiosk_east2|COp4ss-77x|CPBRANCH| ; ils: 93 login: CNcirc.desk|COq9!|CPMAIN|',
      ['kiosk_east2', 'circ.desk'],
    ],
    [
      'finds the submitter when Exim accepts local mail',
      '1tXy-0001-AB <= cron@example.org U=backup P=local S=812',
      ['backup'],
    ],
    [
      'finds the user when an IIS line has cs-username',
      '2025-01-02 08:00:01 10.0.0.5 POST /api/x q=1 443 CORP\\svc_app 10.0.0.9 curl/8.0 - 200 0 0 12',
      ['svc_app'],
    ],
    [
      'finds the author when Nagios gets an external command',
      '[1736000000] EXTERNAL COMMAND: ACKNOWLEDGE_SVC_PROBLEM;web1;HTTP;2;1;1;mtorres;looking into it',
      ['mtorres'],
    ],
    ['finds the user when a check plugin authenticates', 'check_http -H h -u /status -a monitor:pw', ['monitor']],
    [
      'finds the user when Redis ACL LOG or radtest name one',
      '"object" "AUTH" "username" "ro_user"; radtest alice pw 127.0.0.1 0 secret',
      ['ro_user', 'alice'],
    ],
    [
      'finds the user when any command takes --username',
      'vault login -method=userpass --username ops2; tool --db-username=rep1',
      ['ops2', 'rep1'],
    ],
    [
      'finds the user when Elasticsearch resets a password',
      'Password for the [kibana_system] user successfully reset.',
      ['kibana_system'],
    ],
    [
      'finds the name and uid when a passwd line or getent prints one',
      'getent: svc_ci:x:1002:1002:CI runner,,,:/var/lib/ci:/usr/sbin/nologin',
      ['svc_ci', '1002'],
    ],
    ['finds the name when a shadow line holds a hash', 'mallory:$y$j9T$abc$def:19800:0:99999:7:::', ['mallory']],
    ['finds the name when sudoers grants a user', 'deploy ALL=(root) NOPASSWD: /usr/bin/systemctl', ['deploy']],
    [
      'finds the name when last or who lists a session',
      'priya    pts/3        10.9.0.4         Tue Mar 12 09:14   still logged in',
      ['priya'],
    ],
    [
      'finds the owner when ls -l lists a file',
      'drwxr-x---  5 jenkins jenkins 4096 Mar 12 09:14 workspace',
      ['jenkins'],
    ],
    [
      'finds the account when a Dockerfile or build switches USER',
      'Step 7/9 : USER appuser\n#9 [5/6] USER node:node',
      ['appuser', 'node'],
    ],
    [
      'finds the user when kubectl sets credentials for one',
      'kubectl config set-credentials ci-deployer --token=x',
      ['ci-deployer'],
    ],
    ['finds the user when a shell prompt shows one', '[dana@web1 ~]$ sudo -i; ed@build-2:~/src$ make', ['dana', 'ed']],
    ['finds the full name when git config sets user.name', 'git config --global user.name "Jane Doe"', ['Jane Doe']],
    [
      'finds the user when a connection or credential call gets one',
      'DriverManager.getConnection("jdbc:pg://db/x", "rep_ro", "pw"); new NetworkCredential("svc_mail", "pw")',
      ['rep_ro', 'svc_mail'],
    ],
    [
      'finds the account when a CLI says who is logged in',
      '✓ Logged in to github.com account octo-dev (keyring)',
      ['octo-dev'],
    ],
    [
      'finds the user or session when an IAM ARN names one',
      'arn:aws:iam::123456789012:user/ops/ci-deployer arn:aws:sts::123456789012:assumed-role/Admin/jsmith',
      ['ci-deployer', 'jsmith'],
    ],
    [
      'finds the user when git prompts for credentials',
      "Username for 'https://github.com': octo-dev; Password for 'https://bo@git.example.com':",
      ['octo-dev', 'bo'],
    ],
    [
      'finds the display name when Jenkins says who started a build',
      'Started by user Jane Doe; Started by user admin',
      ['Jane Doe', 'admin'],
    ],
    [
      'finds the user when a CI or review tool says who acted',
      'Approved by @mkim. Deployed by release-bot',
      ['mkim', 'release-bot'],
    ],
    [
      'finds the user when a Rails bind list names one',
      '[["username", "kpatel"], ["email", "k@example.com"]]',
      ['kpatel'],
    ],
    ['finds the user when an admin CLI unlocks an account', 'ipa user-unlock hsato', ['hsato']],
    ['finds the user when a Dockerfile line starts the text', 'USER\tsvc_app', ['svc_app']],
    ['finds the user when a camelCase key ends in Login', '{"sqlLogin": "dbo_app"}', ['dbo_app']],
    [
      'finds the user when GitHub denies a push',
      'remote: Permission to acme/api.git denied to ci-bot-7.',
      ['ci-bot-7'],
    ],
    [
      'finds the user when Spark sets ACLs or Puppet/Chef manage one',
      'Changing view acls to: sparkop; Notice: /Stage[main]/Users/User[tmora]/ensure: created; * user[appsvc2] action create',
      ['sparkop', 'tmora', 'appsvc2'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
    // Through the scanner too: a rule runs only where its keywords are, so this checks they cover the text.
    const scanned = scanner.scan(text).map((m) => m.value);
    for (const value of expected) expect(scanned).toContain(value);
  });

  test.each([
    ['ignores a CSV line when no timestamp leads the user column', 'id,"alice","shop",4411,"x"'],
    [
      'ignores an event name and an address with no user after them',
      'Login.Success 203.0.113.5; Session.Limit 10.0.0.1',
    ],
    ['ignores an access log with no user', '203.0.113.9 - - "GET / HTTP/1.1" 200; 10.0.0.1 "GET /health"'],
    [
      'ignores anonymous Squid requests when the user is a dash',
      '1714638851.102 212 10.0.0.5 TCP_MISS/200 5120 GET http://example.org/ - HIER_DIRECT/93.184.216.34 text/html',
    ],
    [
      'ignores a host when HAProxy captured a Host header',
      'haproxy[9]: 10.0.0.1:4711 [05/May/2025:08:00:01.123] web app/s1 0/0/1/2/3 200 512 - - ---- 1/1/0/0/0 0/0 {www.example.com|curl/8.5} "GET / HTTP/1.1"',
    ],
    [
      'ignores a protocol when it precedes an address and port',
      'ASA: Built inbound TCP connection for outside tcp/203.0.113.5:443; [Handler-/10.0.0.1:2181]',
    ],
    [
      'ignores groups and the admin entry when a DN names them',
      'cn=developers,ou=groups,dc=example,dc=com; bind dn=cn=admin,dc=example,dc=com; CN=Users,DC=corp',
    ],
    [
      'ignores a service entry under ou=services when it is not named as an account',
      'cn=replicator,ou=services,dc=example,dc=com; cn=mail-gateway,ou=services,dc=corp',
    ],
    ['ignores an email when a log says who signed in', 'signed in as jo@example.com'],
    [
      'ignores prose when su or passwd appear in a sentence',
      'the su binary; /etc/passwd updated; password changed for user 42',
    ],
    ['ignores a group line when it has no home and shell', 'sudo:x:27:alice,bob'],
    ['ignores a process name when a log prefix brackets it', 'app[worker.2]: started; web[api-1]: ok'],
    [
      'ignores a role when SQL creates one that cannot log in',
      'CREATE ROLE reporting NOLOGIN; CREATE ROLE ro WITH INHERIT;',
    ],
    [
      'ignores prose when an authentication failed for a reason',
      'authentication failed for 3 attempts; login failed for the request',
    ],
    ['ignores a port when a flag that takes a password is given a number', 'redis-cli -p 6379 ping'],
    [
      'ignores a host when strongSwan authenticates a gateway by name',
      "authentication of 'vpn.example.com' (myself) with pre-shared key successful",
    ],
    ['ignores user in prose when it is not a Dockerfile instruction', 'the USER must confirm; set USER env'],
    [
      'ignores prose and events when a lower-case verb or an event follows by',
      'callback requested by caller; eval triggered by job-register; Triggered by push',
    ],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
