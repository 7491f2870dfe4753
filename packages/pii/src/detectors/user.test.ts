import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createUserDetector } from './user';

describe('user detector', () => {
  const scanner = createPiiScanner({ types: ['user'] });
  const detector = createUserDetector();

  test.each([
    [
      'finds the name and the uid when a session opens for a user',
      'pam_unix(sshd:session): session opened for user cyrus by (uid=1000)',
      ['cyrus', '1000'],
    ],
    [
      'finds the name after a uid and a blank, in parentheses',
      'sshd-wrapper: session opened for uid=1073 (hvoss) from 192.0.2.8; backup started by uid=1949 (pawnbk)',
      ['1073', 'hvoss', '1949', 'pawnbk'],
    ],
    [
      'finds the name when sshd rejects an invalid user',
      'sshd[1]: Invalid user webmaster from 203.0.113.9',
      ['webmaster'],
    ],
    [
      'finds the name when it is a user= value',
      'authentication failure; logname= ruser= rhost=h user=guest',
      ['guest'],
    ],
    [
      "finds numeric ids but root's 0 when audit keys hold them",
      'pid=2211 uid=0 auid=1000 euid=0 fsuid=33 ses=3 ouid=01',
      ['1000', '33', '01'],
    ],
    [
      'finds the name and not the domain when a user key holds DOMAIN\\name',
      'Username: ACME\\j.okafor; User Name: WKS01\\\\svc_backup and user=x.y\\npassword',
      ['j.okafor', 'svc_backup', 'x.y'],
    ],
    [
      'finds the name when a failed login or authentication names it',
      'Login failed: t.nguyen (Remote IP: 10.0.0.9); authentication failure for mraines from 10.0.0.8',
      ['t.nguyen', 'mraines'],
    ],
    [
      'finds the name when sudo says what failed before its fields',
      'sudo:   okoye : 1 incorrect password attempt ; TTY=pts/2 ; PWD=/srv ; USER=root ; COMMAND=/bin/ls',
      ['okoye', 'root'],
    ],
    [
      'finds the numeric id when a user_ or user. prefix names it',
      'user=deploy user_uid=1201 user.uid=1202',
      ['deploy', '1201', '1202'],
    ],
    [
      'finds both names when pam names who switched to whom',
      'session opened for user root(uid=0) by kpatel(uid=1001)',
      ['root', 'kpatel', '1001'],
    ],
    [
      'finds both names when smbd maps one to another',
      'Authentication for user [alice] -> [guest_rw] FAILED',
      ['alice', 'guest_rw'],
    ],
    [
      'finds the name when Vault names the user',
      'display_name=userpass-carol path=auth/ldap/login/dmueller',
      ['carol', 'dmueller'],
    ],
    [
      'finds the name when an XML attribute names the field',
      '<Data Name="TargetUserName">j.smith</Data><Data Name="TargetDomainName">CORP</Data>',
      ['j.smith'],
    ],
    ['finds the user when a .pgpass line holds one', 'db.internal:5432:*:repl_agent:hX3pq8rT', ['repl_agent']],
    ['finds the login when a command targets an address', 'ssh -p 2222 carol@192.0.2.10 uptime', ['carol']],
    ['finds the name when an LDAP uid is a name', 'bind failed for uid=jdoe,ou=people,dc=example,dc=com', ['jdoe']],
    [
      'finds the name when sshd accepts a key for it',
      'Accepted publickey for deploy from 10.0.0.1 port 22 ssh2',
      ['deploy'],
    ],
    ['finds the name when it is quoted after user', `Access denied for user 'app'@'localhost'`, ['app']],
    ['finds the name when it is bracketed after user', 'Authentication for user [alice] FAILED', ['alice']],
    [
      'finds the name when sudo logs who ran a command',
      'sudo:   kpatel : TTY=pts/0 ; PWD=/srv ; USER=root ; COMMAND=/bin/ls',
      ['kpatel', 'root'],
    ],
    [
      'finds the whole identity when it carries colons',
      '{"username":"system:serviceaccount:ci:deployer"}',
      ['system:serviceaccount:ci:deployer'],
    ],
    [
      'finds the authuser when an access log line has one',
      '203.0.113.9 - alice [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 2326',
      ['alice'],
    ],
    ['finds the login when a .netrc entry names one', 'machine api.example.com login bob password x', ['bob']],
    [
      'finds the name when an XML element is named username',
      '<db><username>deploy_bot</username></db>',
      ['deploy_bot'],
    ],
    ['finds the name when an escaped newline precedes user=', 'a=1\\nuser=alice', ['alice']],
    [
      'finds the name when a Windows event names the account',
      'Account Name:\t\tkpatel Source Network Address: -',
      ['kpatel'],
    ],
    ['finds the name when a connection string has User Id', 'Server=db;User Id=svc_app;Password=x;', ['svc_app']],
    ['finds the name when an HCL or INI value has spaces around =', '  username = "tanaka_y"', ['tanaka_y']],
    ['finds the name when cron runs a command for it', 'CRON[812]: (alice) CMD (/usr/bin/backup)', ['alice']],
    [
      'finds the authuser when an access log line has a prefix',
      'caddy: 203.0.113.9 - bob [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 200',
      ['bob'],
    ],
    [
      'finds the authuser when an access log writes the day in one digit or the month as a number',
      '10.1.2.3 - mwong [4/Jan/2027:08:01:02 +0100] "POST /api HTTP/1.1" 201 12 :: 10.1.2.4 - kbauer [04/01/2027:08:01:03 +0100] "GET / HTTP/2" 200 9',
      ['mwong', 'kbauer'],
    ],
    [
      'finds the authuser when an access log writes its time in ISO order',
      'edge INFO 192.0.2.7 - r.olsen22 [2027-01-04 08:01:02] "GET /cart HTTP/1.1" 200 88',
      ['r.olsen22'],
    ],
    [
      'finds the authuser whatever word it is, since the field holds only a login',
      '192.0.2.8 - release [04/Jan/2027:08:01:02 +0000] "GET / HTTP/1.1" 200 1',
      ['release'],
    ],
    [
      'finds the name when vsftpd logs a login',
      'Fri May  2 08:00:04 2025 [pid 3321] [olga.k] OK LOGIN: Client "203.0.113.9"',
      ['olga.k'],
    ],
    [
      'finds the name when a key ends in user or username',
      'srcuser=ahmed sasl_username=bwu "ClientUsername":"cdiaz" X-Forwarded-User: dkim SUDO_USER=eva',
      ['ahmed', 'bwu', 'cdiaz', 'dkim', 'eva'],
    ],
    ['finds the name when Dovecot brackets it', 'imap-login: Login: user=<fhale>, method=PLAIN', ['fhale']],
    [
      'finds the name when a directory filter or a portal names it',
      'filter="(&(objectClass=user)(sAMAccountName=jlee))" memberUid=kpark; User name: alice.w, Auth type: profile',
      ['jlee', 'kpark', 'alice.w'],
    ],
    [
      'takes any word as the name when sshd names an invalid user',
      'Invalid user default from 10.0.0.1; invalid user Management [preauth]',
      ['default', 'Management'],
    ],
    [
      'finds the actor when CI or an audit log names one',
      '{"actor":"octo-dev","action":"repo.create"} GITHUB_ACTOR=release-bot',
      ['octo-dev', 'release-bot'],
    ],
    [
      'finds the name when an actor-verb key names who did it',
      '{"created_by":"mlopez","assignee":"tkim"} approvedBy=rjones reporter: sli',
      ['mlopez', 'tkim', 'rjones', 'sli'],
    ],
    [
      'finds the uid and the name when id prints both',
      'uid=1001(kwame) gid=1001(kwame) groups=1001(kwame)',
      ['1001', 'kwame'],
    ],
    [
      'finds the name when MongoDB names the principal or Vault an LDAP display name',
      '"principalName":"orders_app" display_name=ldap-ebrown',
      ['orders_app', 'ebrown'],
    ],
    [
      'finds the name when a quoted value is a word that prose also uses',
      'psycopg2.connect(host="db", user="reporting", password="x") ugi=analyst7',
      ['reporting', 'analyst7'],
    ],
    ['finds the name when a tab follows the user word', 'Accepted key for user\tdeploy7 from 10.0.0.1', ['deploy7']],
    [
      'finds the user when a login call has a blank before its parenthesis',
      'smtp.login ( "bkp_ops", "x")',
      ['bkp_ops'],
    ],
    [
      'finds the login when audit names it under acct, beside a money account',
      'type=USER_AUTH acct="kmbeki" res=success billing_acct=B7781',
      ['kmbeki'],
    ],
    [
      'finds a number when a user or user-name key holds it as the login',
      'digest auth username=6120 realm=pbx; REGISTER user="31844" expires=60; Subject User: 470012',
      ['6120', '31844', '470012'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
    // Through the scanner too: a rule runs only where its keywords are, so this checks they cover the text.
    const scanned = scanner.scan(text).map((m) => m.value);
    for (const value of expected) expect(scanned).toContain(value);
  });

  test.each([
    ['ignores prose when a word follows user', 'user not found; user session expired; user logged out'],
    ['ignores ids when the key only ends in uid', 'guid=42 fluid=3 gid=0 ses=4'],
    [
      'ignores generated record keys when a user key holds them',
      '{"uid":"Ct4Lq2wPz8YkR5nB0m","user_id":"p3k9x7q2mbr8ta5zjd6w0cehyn"}',
    ],
    [
      'ignores colon runs when they are a MAC or a compiler position',
      'learned 00:11:22:33:44:55 on :5432; main.go:120:5: error',
    ],
    [
      'ignores the part before @ when a domain or version follows',
      'git@github.com:acme/x.git pkg@4.17.21 jane@example.com',
    ],
    ['ignores a verb when it follows user', 'the user clicked the button'],
    [
      'ignores accounts of money when a word comes before acct or a record id follows it',
      'mandate owner_acct=C93375 guarantor_acct=G857884 payer.acct=Z1; STOP acct=ACC-218671 bytes=7',
    ],
    [
      'ignores a number when it is a count, a record id, root or a source line',
      'user: 12 active; user_id=88213 users=4410; user=0; [W user:884] x; user=2026.12',
    ],
    [
      'ignores a word before a bracketed time when no access log request follows it',
      "'ops@tenant [-1]' logged in nightly [2027-01-04 08:01:02,114] for session",
    ],
    ['ignores empty values when the next key follows', 'ruser= rhost=10.0.0.1'],
    ['ignores a path when a log name key holds one', '{"logName":"projects/demo/logs/requests"}'],
    ['ignores unknown when pam says the user is unknown', 'check pass; user unknown'],
    [
      'ignores what a user has or is when it follows user',
      'issued user certificate; user key saved; reset to default user state; user lockouts: 4; username withheld',
    ],
    ['ignores keys when user is not their last word', 'user_agent=curl useragent=x users=5 superuser=true'],
    ['ignores a framework path when an actor key holds one', 'actor=akka://system/user/worker reactor=netty'],
    ['ignores keys when by only orders or groups', 'order_by=created_at group_by=region sorted_by=name'],
    [
      'ignores an ActiveRecord operation when a model named User logs one',
      'User Load (0.4ms) SELECT 1; User Create (0.9ms) INSERT; User Exists? (0.2ms)',
    ],
    [
      'ignores redactions, grok patterns and token users when logs show them',
      'refresh session for user <private>; %{USER:ident} --username __token__; enduser.id: Str(x)',
    ],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});

describe('user detector: words around a name that say it is none', () => {
  const detector = createUserDetector();

  test.each([
    ['a generated id under a user id key', 'import row 7 user_id=T00913377 status=ok', []],
    ['a random id under an X-User-Id header', 'X-User-Id: pQ7rTzLm2vXcWbNa', []],
    ['a generated id quoted under userid', '{"userid":"k_9vq2mzpeltra","role":"x"}', []],
    ['a capitalized word that goes on into prose', 'Removed slice User Cache of UID 1010.', []],
    ['a capitalized word after user: that goes on', 'notice shown to the user: Reconnecting tunnel - wait', []],
    ['a capitalized thread name with a number', '[12:00:01] [User Resolver #3/WARN]: lookup slow', []],
    ['a console subcommand after user:', 'php console user:disable mbeck --force', []],
    ['a name prompt', 'closed (login required: user name prompt)', []],
    ['an ARN under a user key', 'denied. User: arn:aws:sts::123456789012:assumed-role/r/s is not', []],
    ['a placeholder in angle brackets', 'not accepted. user: <empty>, pass: <empty>', []],
    ['a noun after user before a quoted name', "user source 'hr_db' returned; No user action needed", []],
    ['Erlang node names', 'erl -sname w1@10.1.4.7 -remsh ops@10.1.4.6; couchdb@10.0.0.9 <0.123.0> ok', []],
    ['a participle after a bare user', 'audit: User removed from team; username changed twice; user held back', []],
    ['a noun a determiner makes user qualify', 'quota raised (no user action); applies per user session limits', []],
    ['a noun after every or the user', 'rebuilt every user cache, then the username index', []],
    ['a WebDAV share after host@SSL', 'net use Y: \\\\files.example.org@SSL\\Shared /user:ilund', ['ilund']],
    ['the domain when \\t starts a dotted name', 'net use /user:ACME\\t.lindqvist /persistent:no', ['t.lindqvist']],
    [
      'a key under a user key, for the name after it',
      'auth: login: userid=pmarek; editUser: username=ilka9',
      ['pmarek', 'ilka9'],
    ],
    ['a record id under a user key', 'employee=NH-20931 user_id=USR-8812409 acct=ACC-218671', []],
    ['a uid in a web link', 'GET /reset?token=Yx2k&uid=48291 HTTP/1.1 /list?aid=Q9&uid=88123', []],
    ['a URN under a user id key', '{"UserId":"urn:spo:anon#3e5edd16","Workload":"SharePoint"}', []],
    [
      'the name of an address under a user key (one email)',
      '{"requested_by":"dana.w@example.com"} username = "ana.lopez@mail.example.org"',
      [],
    ],
    ["the name after an RDP file's type", 'full address:s:10.0.0.5\nusername:s:CORP\\amoore', ['amoore']],
    ['a key before `=` as the value', 'ldap.user=cn=bind,ou=svc scim:User:employeeNumber=4471', []],
  ])('drops %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['a login that ends in digits under userId', '{"userId":"nora7","password":"x"}', ['nora7']],
    ['a name under User Id', 'Server=db;User Id=dbreader;Password=x', ['dbreader']],
    ['a capitalized name that ends the line', 'password changed for user Hakon', ['Hakon']],
    ['a name after user: with a space', 'auth ok user: mbeck', ['mbeck']],
    [
      'a user element after a prefix',
      '<admin-user>stream_adm</admin-user><wd:User_ID>kbaptiste</wd:User_ID>',
      ['stream_adm', 'kbaptiste'],
    ],
    ['a login at an address', 'scp out.tgz ops7@10.1.4.6:/tmp', ['ops7']],
    ['an account that is a word, after a bare user', 'session opened for user news by (uid=0)', ['news']],
    ['an account that is a word before a preposition', 'added user backup to group wheel', ['backup']],
    ['a participle quoted as the name', "user 'deleted' not allowed", ['deleted']],
    ['a word after a determiner and a quoted user', 'the user "support" was locked', ['support']],
  ])('keeps %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });
});
