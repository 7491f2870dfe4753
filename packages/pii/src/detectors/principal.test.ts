import { createPiiScanner } from '../scanner';

/** Principals and domain-qualified names are users; their realms are neither emails nor users. */
describe('principals and domain-qualified names', () => {
  const scanner = createPiiScanner();
  const found = (text: string) => scanner.scan(text).map((m) => [m.type, m.value]);

  test.each([
    [
      'finds the whole principal and no email when a Kerberos principal has an upper-case realm',
      'kinit: pre-auth failed for mweber@LAB.ACME.TEST while getting initial credentials',
      [['user', 'mweber@LAB.ACME.TEST']],
    ],
    [
      'ignores service principals when they name a service, not a user',
      'TGS_REQ for ldap/dc2.acme.test@ACME.TEST and krbtgt/ACME.TEST@ACME.TEST issued',
      [],
    ],
    [
      'keeps an address when all of it is in capitals',
      'NOTIFY SENT TO J.SMITH@ACME-MAIL.COM',
      [['email', 'J.SMITH@ACME-MAIL.COM']],
    ],
    [
      'finds the whole principal when a login is qualified by a private realm',
      'login ok: ops_admin@lab.internal via sso; svc-bk@fileserver.local mounted',
      [
        ['user', 'ops_admin@lab.internal'],
        ['user', 'svc-bk@fileserver.local'],
      ],
    ],
    [
      'finds the whole principal when a user key holds a one-label realm',
      'auth user=tmiller@pve rhost=203.0.113.4 then "userid":"backup2@pbs"',
      [
        ['user', 'tmiller@pve'],
        ['ipv4', '203.0.113.4'],
        ['user', 'backup2@pbs'],
      ],
    ],
    [
      'finds the whole principal when an API token id or a repository spec qualifies it',
      'token jdoe@pve!deploy used; repo svc@pbs@10.9.8.7:datastore; <ops@pam> ran; GET /users/kim@pve/tokens',
      [
        ['user', 'jdoe@pve'],
        ['user', 'svc@pbs'],
        ['ipv4', '10.9.8.7'],
        ['user', 'ops@pam'],
        ['user', 'kim@pve'],
      ],
    ],
    [
      'finds the whole principal when a key, quotes or brackets hold it',
      'bind principal=h.ortiz@AD.NORTHWIND.TEST ok; user "r_okafor@DIR.EXAMPLE" denied; acct=ylin@pve',
      [
        ['user', 'h.ortiz@AD.NORTHWIND.TEST'],
        ['user', 'r_okafor@DIR.EXAMPLE'],
        ['user', 'ylin@pve'],
      ],
    ],
    [
      'finds the whole principal when prose names it',
      'ticket renewed for tsato@LAB.EXAMPLE; GSSAPI bind by dfarah@nas.home.arpa succeeded',
      [
        ['user', 'tsato@LAB.EXAMPLE'],
        ['user', 'dfarah@nas.home.arpa'],
      ],
    ],
    [
      'keeps an address when a user key holds one, in capitals or not',
      'user=M.OKONJO@FABRIKAM.COM login=ada@fabrikam.com',
      [
        ['email', 'M.OKONJO@FABRIKAM.COM'],
        ['email', 'ada@fabrikam.com'],
      ],
    ],
    [
      'finds only the name when a shell prompt puts a host in capitals after it',
      'ops@WEB-07:~$ uptime',
      [['user', 'ops']],
    ],
    [
      'finds only the name when a device prompt puts a host in capitals after it',
      'admin@R1A2B3C4> show run',
      [['user', 'admin']],
    ],
    [
      'ignores an Erlang node name and package versions when a name and an @ come together',
      'erl -sname couch@DB1 -setcookie x; npm i chalk@5.3.0 and pkg@1.2.3',
      [],
    ],
    [
      'ignores npm tags, routers and message ids when one label follows the @',
      'npm i react@latest; router api@internal; service web@docker; id=<a1b2c3d4e5.f6@mx.internal>',
      [],
    ],
    [
      'finds a host name when an IPv4-embedding host follows a node name',
      'node beam@ip-10-1-2-3.eu-west-1.compute.internal joined; peer rabbit@ip-10-0-0-9 up',
      [
        ['hostname', 'ip-10-1-2-3.eu-west-1.compute.internal'],
        ['hostname', 'ip-10-0-0-9'],
      ],
    ],
    [
      'finds the host name when it ends the userinfo of a URL',
      'dsn mysql://app:Xk29sLq0@81-2-3-44.cust.isp.test:3306/db',
      [
        ['url_credentials', 'app:Xk29sLq0'],
        ['hostname', '81-2-3-44.cust.isp.test'],
      ],
    ],
    [
      'finds the name and not the domain when a Windows domain qualifies it',
      'logon for user EMEA\\kwong failed; account "LAB\\\\rpatel" locked; mapped [ACME]\\[t.ng] at dc1',
      [
        ['user', 'kwong'],
        ['user', 'rpatel'],
        ['user', 't.ng'],
      ],
    ],
    [
      'takes a backslash and a letter literally when the text has no other escape',
      'session login userName=ACME.TEST\\tnguyen ip=10.2.3.4',
      [
        ['user', 'tnguyen'],
        ['ipv4', '10.2.3.4'],
      ],
    ],
    [
      'takes a backslash and a letter literally when the text has real line breaks',
      'Threat found\n User: EMEA\\nlopez\n Action: quarantine',
      [['user', 'nlopez']],
    ],
    [
      'ignores one label in capitals after the @ (a host, a database alias)',
      'lic OUT: "CADP" k.obi@WS-ENG-41; connect scott7/x@ORCLPDB; USERID etl@DWH, PASSWORD x',
      [],
    ],
    ['finds the name before a prompt after one label in capitals', 'ops7@FW-EDGE-2> show run', [['user', 'ops7']]],
    [
      'ignores paths, registry keys, built-in accounts and escapes when they hold a backslash',
      'C:\\Program Files\\App\\x.exe \\\\FS01\\share HKLM\\SOFTWARE NT AUTHORITY\\SYSTEM BUILTIN\\Users {"m":"FAILED\\nretry\\n"}',
      [],
    ],
    [
      'ignores the letters after an armour line when its dashes end a capital word (no domain ends with -)',
      '{"m":"bad key \\"-----BEGIN EC PRIVATE KEY-----\\\\nMHcCAQEEI...\\""}',
      [],
    ],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});
