import { createPiiScanner } from '../scanner';
import { createUserActorDetector, loginShaped, plainLogin } from './user-actor';
import type { Candidate } from './detector';

describe('user actor detector', () => {
  const detector = createUserActorDetector();
  const found = (text: string): string[] => {
    const out: Candidate[] = [];
    detector.find(text, out);
    return [...new Set(out.sort((a, b) => a.start - b.start).map((c) => text.slice(c.start, c.end)))];
  };

  test.each([
    ['a participle and by', 'invoice 4471 approved by ap.clerk.mwong at 10:02', ['ap.clerk.mwong']],
    ['a noun and by', 'quarterly export by hr_reports2: 88 rows', ['hr_reports2']],
    ['by at the end of a sentence', 'Refund issued by support-Ben.', ['support-Ben']],
    ['assigned to', 'ticket SR-1182 reassigned to desk.jkaur (queue billing)', ['desk.jkaur']],
    ['a role before the name', 'dispatcher disp_lnoor released load 5521', ['disp_lnoor']],
    ['a role with a login word', 'courier login cour.bhatt ok', ['cour.bhatt']],
    ['letters then digits after a role', 'cashier MKT0071 opened drawer 3', ['MKT0071']],
    ['a login word before a login', 'kiosk login selfserv_07 from 10.4.4.9', ['selfserv_07']],
    ['a plain name after a failed login', 'Failed login for mbrandt from 192.0.2.7', ['mbrandt']],
    ['a quoted name after an auth word', "auth rejected for 'svc_backup': bad secret", ['svc_backup']],
    ['an escaped quoted name', 'sign-in succeeded for \\"okafor\\"', ['okafor']],
    ['a capitalized quoted name after a login word', 'sign-on via SAML succeeded for "Marlowe"', ['Marlowe']],
    ['a role as a key', 'refund ok amount=9.99 clerk=pos_tfarah lane=2', ['pos_tfarah']],
    ['a quoted list item after a login word', "Resetting password for ['kofi7']:", ['kofi7']],
    ['an account in capitals', '<wsse:Password>x</wsse:Password> rejected for GDSBOT4', ['GDSBOT4']],
    ['the account a session runs as', 'connected to db01 as reporting_ro via tls', ['reporting_ro']],
    ['a daemon dropping privileges', 'milter: setuid to jpark ok', ['jpark']],
    ['the login of a remote shell', 'sftp -oPort=2022 partner_in@files.example.com', ['partner_in']],
    ['the login of a remote copy, any word', 'rsync -az ./out/ backup@nas01.example.net:/srv/', ['backup']],
    ['the name of an account record', "ok: [web1] => (item={'name': 'pvance', 'shell': '/bin/zsh'})", ['pvance']],
    ['a Matrix user id', 'invite from @li.wei:chat.example.org accepted', ['li.wei']],
    ['a quoted name after User in escaped JSON', '"msg":"User \\"ftp-in-3\\" logged out"', ['ftp-in-3']],
    ['a uid in prose', 'Stopped User Manager for UID 1207.', ['1207']],
    ['a uid in parentheses, not a word before it', 'killed process (uid 2201)', ['2201']],
    ['an effective uid switch', 'changing euid from 0 to 3300 and egid', ['3300']],
    ['a uid under a quoted key', "{'login': 'x', 'uid': 4105}", ['4105']],
    ['a per-user systemd unit', 'Stopping user@1302.service...', ['1302']],
    ['the subject of a session verb', 'relay: ops_kim7 has logged out (idle)', ['ops_kim7']],
    ['a bracketed subject of a session verb', 'Wolfy22[/198.51.100.4:5120] logged in with id 7', ['Wolfy22']],
    ['who a moderator acted on', 'moderator banned grimlock9 for 24h; invited lu_wen to #ops', ['grimlock9', 'lu_wen']],
    ['an IMAP mailbox of another user', 'expunged 4 messages from mailbox user.okwu.Trash', ['okwu']],
    ['a name before its uid', 'disk quota exceeded for pvance (uid 3012) on /srv', ['pvance', '3012']],
    ['a name after a login word with a path', 'login via Auth\\LdapProvider failed for "jbeck"', ['jbeck']],
    ['a plain login after by', 'price override keyed by rvanleer at till 4', ['rvanleer']],
    ['a plain login ending a sentence after by', 'Batch 8812 released by okonkwoa.', ['okonkwoa']],
    ['a hyphenated login after by', 'snapshot deleted by ops-dbeck from 10.0.0.7', ['ops-dbeck']],
    ['a service account after by', 'token minted by svc-ledger for export', ['svc-ledger']],
    [
      'a plain login after a person role',
      'nurse kwamena charted vitals; cashier lpetrov closed till',
      ['kwamena', 'lpetrov'],
    ],
    ['an outcome after the name', 'Authentication request for "dkovacs" has been denied (IP: 10.0.0.1)', ['dkovacs']],
    ['an attempt and its outcome after the name', 'login attempt for mbauer was rejected', ['mbauer']],
    ['log in written in two words', 'Unable to log in for mtorres from 10.0.0.9 using SSH.', ['mtorres']],
    ['a session opened for a name', 'session opened for r.okafor from 10.1.2.3', ['r.okafor']],
    [
      'util-linux login lines',
      'FAILED LOGIN 3 FROM 192.0.2.9 FOR kjensen, x; LOGIN ON tty3 BY pnovak',
      ['kjensen', 'pnovak'],
    ],
    ['a console login', "getty: hbrandt login on 'tty2'", ['hbrandt']],
    ['who logged in, after the phrase', 'User logged in: lfarouk; signed in using ops_ro2', ['lfarouk', 'ops_ro2']],
    [
      'a bracketed subject of a login',
      '[ops.rkhan]: logged in; [dw_etl]: failed to log in: bad password',
      ['ops.rkhan', 'dw_etl'],
    ],
    [
      'an FTP server and client',
      '331 Password required for edi_in.\nName (ftp.example.net:mlopez): mlopez',
      ['edi_in', 'mlopez'],
    ],
    ['keys that name who did it', 'run Operator="hkline" Lane=3; {"approver":"pa.ndiaye"}', ['hkline', 'pa.ndiaye']],
    [
      'a Matrix id at the start of a line or after a character past ASCII',
      '@alice7:matrix.example.org invited «@bob.k:chat.example.net»',
      ['alice7', 'bob.k'],
    ],
    [
      'keys that name who did it, after a tab or as an element',
      'editor\t: mvance2 <Technician>tk.ruiz</Technician>',
      ['mvance2', 'tk.ruiz'],
    ],
    ['an admin CLI acting on accounts', 'mastoctl accounts create rbeaumont --email r@example.org', ['rbeaumont']],
    ['the login flag of ssh', 'ssh -p 2222 -l bk_ops 198.51.100.9 uptime', ['bk_ops']],
    ['the user of a URL with no password', 'pull from sftp://edi_feed@files.example.com/in', ['edi_feed']],
    ['a name with its uid under a user key', 'JobId=7 UserId=jsato(30112) GroupId=phys(4000)', ['jsato', '30112']],
    ['a uid in a KEY:VALUE list', 'launch request from UID:30112 GID:4000 HOST:10.0.0.1', ['30112']],
    ['a uid in parentheses before a colon', 'quota: over limit (uid 30112): /home 12G', ['30112']],
    ['root after by', 'job killed by root; snapshot pruned by root.', ['root']],
    ['who logged in as, after a colon', 'cli: Currently logged in as: jtam-ml (team-x)', ['jtam-ml']],
    ['a person key as an XML element', '<Sale><Lane>2</Lane><Operator>rquispe</Operator></Sale>', ['rquispe']],
    ['the name of an account created with its password', '/user add name=ops_ro group=read password=x', ['ops_ro']],
    ['the name after its password', 'secret set password=x name=branch-12 profile=p', ['branch-12']],
    [
      'a CEF custom string labelled as a user',
      'CEF:0|V|P|1|x|y|0|cs2Label=Auth.Username cs2=t.ozawa cs3=x',
      ['t.ozawa'],
    ],
    ['a Perl DBI connection', "DBI->connect('dbi:mysql:db=x;host=h', 'rpt_ro', $pw)", ['rpt_ro']],
    ['sbt credentials', 'credentials += Credentials("Repo", "repo.example.org", "ci-pub", "x")', ['ci-pub']],
    [
      'a container tool login',
      'skopeo copy --src-creds acme+puller:x a b; buildah push --creds=ci_push:y img',
      ['acme+puller', 'ci_push'],
    ],
    ['the bind DN of an LDAP tool', 'ldapwhoami -x -D "cn=syncbind,dc=example,dc=org" -W', ['syncbind']],
    [
      'the bind DN of an LDAP tool after a tab',
      'ldapmodify -H ldap://dir1\t-D uid=repl_bind,ou=svc,dc=x',
      ['repl_bind'],
    ],
    [
      'an object typed as a user',
      '{"type":"user","login":"mfaye","id":7}; {"name":"okoro","type":"user"}',
      ['mfaye', 'okoro'],
    ],
    [
      'IBM z/OS and IBM i accounts',
      'ICH408I USER(PAYR01 ) GROUP(G); ALTUSER JSMITH2 RESUME; CHGUSRPRF USRPRF(ACCTG3) X; User profile QPGMR not found',
      ['PAYR01', 'JSMITH2', 'ACCTG3', 'QPGMR'],
    ],
    ['the account a bind runs as', 'ldap sync: bind ldaps://10.0.0.5 as svc-dirsync password=x', ['svc-dirsync']],
    [
      'a CUPS page_log user',
      'Lobby-Laser dnakamura 2211 [03/Mar/2026:08:01:02 +0100] total 1 - 10.0.0.4 a.pdf',
      ['dnakamura'],
    ],
    ['a BSD ftpd login', 'ftpd[88]: FTP LOGIN FROM gw.example.net [192.0.2.8], pbrandt', ['pbrandt']],
    ['an otpauth account', 'uri otpauth://totp/Acme%20VPN:kvoss?secret=ABC&issuer=Acme', ['kvoss']],
    ["ONTAP's user-or-group flag", 'vserver -user-or-group-name svc-mon -role ro', ['svc-mon']],
    ['the users lpadmin allows', 'lpadmin -p HR -u allow:mrossi,tbaker -E', ['mrossi', 'tbaker']],
    [
      'a lower-case domain\\name field',
      '2026/01/02,TRAFFIC,allow-web,corp\\hdiallo,,ssl; user="lab\\k.ortiz"',
      ['hdiallo', 'k.ortiz'],
    ],
    [
      'login keys',
      'import row 9 login_id=kfarah status=active; AUTH=server, authid=jbloom, mech=PLAIN',
      ['kfarah', 'jbloom'],
    ],
    ['a sendmail authinfo user', 'AuthInfo:relay.example.net "U:relay-7731" "P:x" "M:PLAIN"', ['relay-7731']],
    [
      'the comment of a key ssh-keygen lists',
      '3072 SHA256:Ab3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9f deploy@web-2 (RSA)',
      ['deploy'],
    ],
    [
      'an XMPP server account command',
      'prosodyctl register rmiles chat.example.org x; ejabberdctl change_password aoife im.example.net y',
      ['rmiles', 'aoife'],
    ],
    [
      'the last argument of a password tool',
      'saslpasswd2 -c -u mail.example.net kdunn; ocpasswd -c /etc/oc/passwd ext-aud-3  # x',
      ['kdunn', 'ext-aud-3'],
    ],
    [
      'installer account lines',
      'user --name=ops_svc --groups=wheel\nd-i passwd/username string tvance',
      ['ops_svc', 'tvance'],
    ],
    [
      'the uid of useradd and an apt requester',
      'RUN useradd -m -u 10042 app\nRequested-By: mlind (1007)',
      ['10042', '1007'],
    ],
    [
      'the users of cron mail',
      'From: root@db-2 (Cron Daemon)\nSubject: Cron <etl@db-2> /opt/etl/run.sh',
      ['root', 'etl'],
    ],
    [
      'the value of a user column in an SQL INSERT',
      "INSERT INTO accounts(id, username, pw) VALUES (7, 'mvoss', 'x'); insert into t (login) values ('k_obi')",
      ['mvoss', 'k_obi'],
    ],
    [
      'the user flag of an SQL shell',
      'ysqlsh -h db -U app_rw -d x; hdbsql -n h:30015 -u BACKUP_OP -p y',
      ['app_rw', 'BACKUP_OP'],
    ],
    [
      'a name and a colon before an auth outcome',
      'auth failed on module m from h (10.0.0.1) for bk_sync: password mismatch',
      ['bk_sync'],
    ],
    ['a quoted login after by', 'Action CheckPassword: sign-in by "qk.almeida" rejected', ['qk.almeida']],
    ['a bracketed login after for', 'Loaded 4 attributes for [tvoss] from directory', ['tvoss']],
    ['a bracketed login after principal', 'grant issued to app [crm] for principal [r.okonjo]', ['r.okonjo']],
    ['a login in backticks after user', 'Denied for user `hmaalouf` (rate limited)', ['hmaalouf']],
    ['a quoted login in a call', 'sink user("ops.ingest") password(env)', ['ops.ingest']],
    ['a login in angle brackets after owner', 'lock held, owner: <jfarrow> since 09:12', ['jfarrow']],
    ['a bare login after who', 'AUDIT WHO: tbrennan WHAT: export', ['tbrennan']],
    ['a bare login after a trader key', 'fill qty=40 trader=a.lindgren book=FX', ['a.lindgren']],
    ['a bare login after target user', 'reset mfa target user: lmercer ok', ['lmercer']],
    ['a bare plain login after account in prose', 'disabled local account pweller after 5 failures', ['pweller']],
    ['a role as a key', 'infusion START therapist=okwame pump=IV-7', ['okwame']],
    ['a role after a prefix', 'handover on_call_physician: hbrandauer ward=3', ['hbrandauer']],
    ['a role before an id word, quoted', '{"underwriter_id":"tsokolova","limit":5000}', ['tsokolova']],
    ['an account in capitals under a role key', 'shift close teller=KWABENAA drawer=2', ['KWABENAA']],
    ['the identity one signs in with', 'EAP-TTLS identity=kiosk_wifi rejected', ['kiosk_wifi']],
    ['who an action was for, then a channel', 'replaying inbox for tmacallan via imap', ['tmacallan']],
    ['a camelCase flag naming the login', 'mdmctl enroll -ownerUsername rbakshi -serial C02X', ['rbakshi']],
    ['an auth-name flag', 'snmp-add --v3 --auth-name ops_poller --level authPriv', ['ops_poller']],
    ['a -u flag of any command', 'backup-tool push -u=svc-archive --dest s3', ['svc-archive']],
    ['who an action was for, then a parenthesis', 'quota raised for okoroafor7 (plan B)', ['okoroafor7']],
    ['who an action was for, at the end', 'session cache warmed for key lbergqvam', ['lbergqvam']],
  ])('finds %s', (_label, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test.each([
    ['prose after by', 'results sorted by name, grouped by host; disabled by default'],
    ['a common word quoted after for', "no handler found for 'default' or [request]"],
    ['a host, a file and a version in a slot', "waiting for 'db.example.net', owner [report.csv] by 'v2.1.0'"],
    ['a generated id after account', 'charge ok (account acct_829dLIa0meSLoiJZ)'],
    ['a billing account key', 'JobId=88 Partition=gpu Account=proj83 QOS=normal'],
    ['a capitalized word after who', 'WHO: Nobody WHAT: login'],
    ['the domain of an address before a uid', 'reset mailed to ana@mail.example.org (uid=4410)'],
    ['a cause after by', 'request aborted, caused by timeout'],
    ['admin after by, as often a role as an account', 'key rotated by admin; config reset by admin.'],
    ['a host after by', 'lease renewed by dhcp1.corp.example.com; relayed by mx.mail.example.de'],
    ['a host or a word before a session verb', 'gw.example.net logged in; everyone logged out; 671 logged out'],
    ['a file after by', 'rows imported by loader from batch_2026.csv; parsed by parser.py'],
    ['a code path after by', 'value resolved by os.path lookup; class loaded by sun.misc.Launcher'],
    ['a version after a role', 'driver v4.2 loaded; agent 7.1.0 started'],
    ['a record id after a role or assigned to', 'case escalated to TKT-4410; driver AB12 at gate'],
    ['a numbered machine after a role', 'job picked up by agent build-agent-12; worker node-7 joined'],
    ['a hyphenated word', 'file opened by non-trusted program; meta-data refreshed by sync-engine'],
    ['a technical word with digits', 'payload signed by sha256 digest, sent by http2 client'],
    ['root as uid', 'switching euid from 1000 to 0'],
    ['a uid in configuration syntax', 'user deploy uid 2010 class operator'],
    ['a client connecting as an id', 'New client connected from 10.0.0.8 as probe-a81f (c1, k30)'],
    ['a decorator or package scope', '@types/node:20 and @scope/pkg:latest'],
    ['a quoted prose word after a login word', "auth failed for 'Default' realm"],
    ['a cause closing a failed login message', 'authentication failure (pam_unix); login failed (errno)'],
    [
      'a component or a code identifier after by or a role',
      'payload parsed by json_parser; agent ssh_agent up; mod mod_ssl on',
    ],
    [
      'automation that acts like a person',
      'job triggered by github_actions; pod killed by oom_killer; cert rotated by cert_manager',
    ],
    ['a numbered thing that is not an account', 'panel_v2 logged out; session_1 logged out'],
    [
      'a login word without an outcome before for',
      'login shell for bash; access log for nginx: rotated; auth cache for nss',
    ],
    ['a replication role after connected as', 'connected to 10.0.0.5 as master; node connected as replica, lag 0'],
    ['a protocol in capitals after a login word', 'Login failed for FTP from 192.0.2.4; auth failed for LDAP'],
    ['a user agent under a role key', 'agent=python-requests/2.31 agent=kubelet'],
    ['a forge login or a host that embeds an address', 'ssh git@github.com; ssh ops@ip-10-0-4-7.example.net'],
    ['an email near a remote shell word', 'ssh-keygen -C ana@example.com; mail ana@example.com re ssh'],
    ['the name of a record that is no account', '{"name": "disk_check", "interval": 5, "groups": ["db"]}'],
    ['prose after for', 'login page served for example.com; password policy applied for users'],
    ['common words after by', 'requested by caller; masked by runner; handled by vault; run by nightly'],
    ['inflected and prefixed words after by', 'dropped by reconnecting; rejected by incorrect checksum'],
    ['programs after by', 'unlocked by loginwindow; rendered by confd; reaped by dockerd'],
    ['hyphenated words after by', 'handled by sync-engine; opened by non-trusted app; pushed by re-run'],
    ['a plain word after a role software has too', 'registered new driver usbfs; agent gpgx up; member kafka'],
    ['a function call after a login word', 'ciod: LOGIN chdir(/p/gb2/x) failed'],
    ['a value of a key that names something else', 'affinity Operator="In"; author=acme; {"operator":"Exists"}'],
    ['a cloud account a CLI adds', 'hal config provider docker-registry account add tb-reg --address r.example.io'],
    ['an app uid in lower case', 'blocked by permission manager uid:10111 pid:28601'],
    ['a forge URL', 'cloning ssh://git@github.com/acme/web.git'],
    ['prose after session opened for', 'session opened for user; Session created for client-app'],
    ['root uid with a name', 'UserId=root(0) GroupId=root(0)'],
    ['an outcome word that is no outcome', 'Authentication request for token has been queued'],
    ['an environment variable after by', 'passphrase given by BORG_PASSCOMMAND or by SMTP_USER'],
    ['a PAM module after by', 'Access denied by pam_access: no match; handled by nss_ldap'],
    ['a header after a role', 'admin: Proxy-Authorization: Basic x; agent: Content-Type: text/plain'],
    ['the name of an app beside its uid', 'acquire lock tag="x", name=com.android.phone, ws=null, uid=1001'],
    ['a CEF label that names no user', 'cs4Label=Auth.Login-Status cs4=REJECT cs5Label=Host cs5=web1'],
    ['a name without its password', 'ppp profile add name=default-encryption'],
    ['an access log with no job number', 'web1 - - [03/Mar/2026:08:01:02 +0100] "GET / HTTP/1.1" 200'],
    [
      'escapes, files and printers after a lower-case word and a backslash',
      'a: true\\nprovider x; run tools\\setup.exe; "srv-print\\Legal-BW"; "x\\u0041b"; path: logs\\tmp',
    ],
    ['root uid in useradd and a control tool verb alone', 'useradd -u 0 -o toor; systemctl register x'],
    ['an SQL INSERT without a user column', "INSERT INTO orders(id, sku) VALUES (1, 'ab-12')"],
    ['a record id under a role key', 'payroll export courier_id=CR4410 nurse_id=N2231 amount=80'],
    ['software under roles it has too', 'broker=kafka-1 controller=kcm-2 user_agent=curl planner=genetic'],
    ['a word or a number under a role key', 'tech=LTE nurse_count=3 engineer=SYSTEM teller=none clinician=12'],
    [
      'a -u flag before a word, a file, a remote or a number',
      'sort -u names; python -u run.py; git push -u origin main; docker run -u 1000 x; date -u +%s',
    ],
    [
      'words, ids and names of software after for',
      'retry for tenant on x; ack for MSG21905 from y; for blk_4411 at z; for checkout-00043 on w; for nginx on 80',
    ],
  ])('leaves %s', (_label, text) => {
    expect(found(text)).toEqual([]);
  });

  test('is part of the scanner, typed user', () => {
    const scanner = createPiiScanner({ types: ['user'] });
    expect(scanner.scan('case 9 escalated to tier2.okoye')).toEqual([
      { type: 'user', start: 20, end: 31, value: 'tier2.okoye' },
    ]);
  });

  test.each([
    ['frontdesk.lsilva', true],
    ['driver_44120', true],
    ['order_service', false],
    ['vpn-guest-07', true],
    ['kaveh8', true],
    ['non-trusted', false],
    ['python3', false],
    ['report.csv', false],
    ['lb.example.net', false],
    ['v2.1', false],
  ])('tells a login shape: %s', (value, expected) => {
    expect(loginShaped(value)).toBe(expected);
  });

  test.each([
    ['tquinlan', true],
    ['netadm-ro', true],
    ['svc-veeam', true],
    ['caller', false],
    ['nightly', false],
    ['sync-engine', false],
    ['non-trusted', false],
    ['usbfs', true],
    ['deployed', false],
  ])('tells a plain login: %s', (value, expected) => {
    expect(plainLogin(value)).toBe(expected);
  });
});
