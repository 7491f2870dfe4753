import { createRedactor } from '../redactor';
import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createSecretPositionDetector } from './secret-position';

describe('secret by position detector', () => {
  const scanner = createPiiScanner({ types: ['secret_kv'] });
  const detector = createSecretPositionDetector();

  test.each([
    ['finds the value when a long flag names a password', 'tool --password u7Yh-3xQ_pl --verbose', ['u7Yh-3xQ_pl']],
    ['finds the value when a long flag names an API key', 'stripe listen --api-key abc123XYZ', ['abc123XYZ']],
    ['finds the password when curl -u carries one', 'curl -u deploy:changeme https://x', ['changeme']],
    ['finds the password when SQL sets one', `ALTER ROLE app WITH LOGIN PASSWORD 'p4ss-w0rd'`, ['p4ss-w0rd']],
    [
      'finds the password when MySQL creates a user',
      `CREATE USER 'etl'@'%' IDENTIFIED BY 'Summer2024#'`,
      ['Summer2024#'],
    ],
    [
      'finds the content when an XML element is named like a secret',
      '<db><password>hunter2</password><ns:apiKey>k3y</ns:apiKey></db>',
      ['hunter2', 'k3y'],
    ],
    ['finds the password when a .netrc entry has one', 'machine api.example.com login bob password pw99x', ['pw99x']],
    ['finds the second literal when a login call has two', 'smtp.login("me@example.com", "pw12345")', ['pw12345']],
    [
      'finds a random value when it follows a secret word in prose',
      'the api key is Zk29fhQ7LmPz31Xa.',
      ['Zk29fhQ7LmPz31Xa'],
    ],
    [
      'finds the second literal when the first holds the other quote',
      `smtp.login("l'doe@example.edu", "kprpkhbp8vkh")`,
      ['kprpkhbp8vkh'],
    ],
    ['finds the password when a Redis directive sets it', 'CONFIG SET requirepass e6rem4h626zt', ['e6rem4h626zt']],
    [
      'finds the password when a .pgpass line holds one',
      'cat ~/.pgpass: db.internal:5432:*:repl:hX3\\:pq8rT *:*:shop:app:Winter2026#',
      ['hX3\\:pq8rT', 'Winter2026#'],
    ],
    [
      'finds the password when SQL quotes it with double or escaped quotes',
      `ALTER USER bi IDENTIFIED BY "Bl00m!ng"; 'CREATE USER \\'r\\'@\\'%\\' IDENTIFIED BY \\'R3p!x\\''`,
      ['Bl00m!ng', 'R3p!x'],
    ],
    [
      "finds Oracle's stored verifier after IDENTIFIED BY VALUES",
      `Failing sql is: CREATE USER "APP" IDENTIFIED BY VALUES 'S:9A1C7E44B20D6F83C5A19E7B02D4F6A8C3E51B97D2' DEFAULT TABLESPACE "USERS"`,
      ['S:9A1C7E44B20D6F83C5A19E7B02D4F6A8C3E51B97D2'],
    ],
    [
      'finds a session token when an API request carries it under auth',
      '{"jsonrpc":"2.0","method":"host.get","auth":"0424bd59b807674191e7d77572075f33","id":1}',
      ['0424bd59b807674191e7d77572075f33'],
    ],
    [
      'finds the token inside brackets when a message wraps it',
      'failed to authenticate token [Xk29fhQ7LmPz31Xa]',
      ['Xk29fhQ7LmPz31Xa'],
    ],
    [
      'leaves the closing parenthesis out when the flag sits in one',
      '(/usr/bin/backup --token=Jn5sSmE7XAlEUJ6g)',
      ['Jn5sSmE7XAlEUJ6g'],
    ],
    [
      'finds the credential when a blank stands between an auth key and its value',
      `_auth = ${Buffer.from('ci:b4ckup-pw').toString('base64')}`,
      [Buffer.from('ci:b4ckup-pw').toString('base64')],
    ],
    ['finds the password when SQL passes it to a function', "SET PASSWORD = PASSWORD('Kx8mq2zT')", ['Kx8mq2zT']],
    [
      'finds the value when a long flag starts the text or follows a character past ASCII',
      '--password hunter2x9 given; \u2192--api-key Qw3rTy9Uiop2',
      ['hunter2x9', 'Qw3rTy9Uiop2'],
    ],
    ['finds the value when a tab follows a long flag', 'tool --api-key\tQw3rTy9Uiop2', ['Qw3rTy9Uiop2']],
    [
      'finds a random value when a no-break space follows the secret word',
      'the token\u00a0Zk29fhQ7LmPz31Xa expired',
      ['Zk29fhQ7LmPz31Xa'],
    ],
    ['finds a random value when a newline follows the secret word', 'api key\nHq81mZpTq27Wxc', ['Hq81mZpTq27Wxc']],
    [
      'finds the credential when an auth key holds base64 of user:pass',
      `{"auths":{"quay.io":{"auth":"${Buffer.from('bot:s3cr3t-pw').toString('base64')}"}}}`,
      [Buffer.from('bot:s3cr3t-pw').toString('base64')],
    ],
  ])('%s', (_name, text, expected) => {
    // Two of its rules may read one value (`--password x` is a flag and a secret word); the overlap step merges them.
    expect([...new Set(findValues(detector, text))]).toEqual(expected);
    // Through the scanner too: a rule runs only where its keywords are, so this checks they cover the text.
    const scanned = scanner.scan(text).map((m) => m.value);
    for (const value of expected) expect(scanned).toContain(value);
  });

  test('reads an element named like a secret only in a text that also holds a secret word, as the rule always has', () => {
    const text = '<snmp><community>Pr1vate9x</community></snmp>';
    expect(scanner.scan(text).map((m) => m.value)).toEqual([]);
    expect(scanner.scan(`${text} token`).map((m) => m.value)).toEqual(['Pr1vate9x']);
  });

  test.each([
    ['ignores a port when ssh or docker take -p', 'ssh -p 2222 host; docker run -p 8080:80 nginx; redis-cli -p 6379'],
    [
      'ignores a selector or a list of pairs when a flag takes one',
      'imgtool --admin-password password:Vq2-Lm9zT4 --user-password ops:password:Wq8-Pz2x --token id=ci,src=/run/t',
    ],
    [
      'ignores colon runs when they are not a .pgpass line',
      'db:5432 up; 00:11:22:33:44:55 on :5432:; main.go:120:5: error; fe80::1:5432:a:b',
    ],
    [
      'ignores prose when a sentence mentions a password flag',
      'Using --password via the CLI is insecure; --auth-user-pass with a file',
    ],
    ['ignores a variable when a flag takes one', 'docker login --password $REGISTRY_PASSWORD --password-stdin'],
    ['ignores the secret name when a Kubernetes event reports it missing', 'secret "db-password" not found'],
    ['ignores prose when a word follows a secret word', 'failed to fetch oauth token: unexpected status'],
    [
      'ignores ids when a UUID or hash follows a secret word',
      'secret 0b8e6f0e-4f52-4d3b-9a0e-3c1f2a9b7d11 rotated, token 5d41402abc4b2a76b9719d911017c592',
    ],
    ["ignores a key's file name when it follows a secret word", 'apns auth key AuthKey_7Q2K9XJ4LM.p8 = (a PEM block)'],
    [
      'ignores the next pair when it follows a secret word',
      'secret rotation: secretName=api-token version=22 status=ok',
    ],
    [
      'ignores an auth value when it is not base64 of user:pass',
      '{"auth":"bearer","oauth":"enabled","auth_mode":"c2Vzc2lvbg=="}',
    ],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });

  describe('the password of a user:password flag the user rule reads', () => {
    const redactor = createRedactor();
    // The user rule reads `-u`/`--user`/`-a NAME:SECRET` after any non-word character: the password goes with it.
    test.each([
      ['-u starts the line', '-u admin:Xq7pw9zz', 'Xq7pw9zz'],
      ['-u is in parentheses', '(-u admin:Xq7pw9zz)', 'Xq7pw9zz'],
      ['--user starts the line', '--user admin:Xq7pw9zz', 'Xq7pw9zz'],
      ['-a follows a blank', 'x -a admin:Xq7pw9zz', 'Xq7pw9zz'],
      ['-u follows a quote', 'args="-u ops:Lm4vq8rt"', 'Lm4vq8rt'],
      ['-a follows a bracket', '[heritrix -a root:Pw7kz2nx]', 'Pw7kz2nx'],
    ])('redacts the password when %s', (_name, text, password) => {
      expect(redactor.redact(text).text).not.toContain(password);
    });
  });

  describe('where a flag or a position holds no secret', () => {
    test.each([
      [
        "finds each half when curl's user and password are quoted apart",
        "curl --user 'svc.bot':'Qm8#vT2x' https://x",
        ['Qm8#vT2x'],
      ],
      [
        'finds an API key given as the user with the dummy password X',
        'curl -u 3fKq9ZpL2mWx8RtY7vBn:X https://x',
        ['3fKq9ZpL2mWx8RtY7vBn'],
      ],
      [
        'finds an API key given as the user with no password',
        'curl -u 9aPq2LmXz7RtVb4KcW8N: https://x',
        ['9aPq2LmXz7RtVb4KcW8N'],
      ],
      ["reads a T-SQL national string N'…'", "CREATE LOGIN etl WITH PASSWORD = N'Pq7#xL2m'", ['Pq7#xL2m']],
    ])('%s', (_name, text, expected) => {
      expect(findValues(detector, text)).toEqual(expected);
    });

    test.each([
      ['a token flag ends its line', 'vault login --token\nVault address: https://v:8200'],
      ['a shell comment follows the flag', 'tool user modify bob --reset-password  # prints a new one'],
      ['a SAS query string follows --sas-token', 'azcopy cp x --sas-token "sv=2023-01-03&sp=r&sig=AbC%2Bd"'],
      ['prose with punctuation follows the flag', 'hint: --api-key required, see docs'],
      ['-u takes a host and port', 'loadgen -u 10.0.4.2:9090 -c 4'],
      ['-u takes a rule and a list of names', 'printers -u allow:ana,bob'],
      ['-a takes a listen address and its options', 'varnishd -a :6081 -a localhost:8443,PROXY -T x'],
      ['a count is identified by a number', 'unique index identified by "2" failed'],
      ['credentials name a domain account', "using credentials 'CORP\\svc-backup' for host"],
      ['a secret is named by its ARN', 'rotated secret arn:aws:secretsmanager:us-east-1:1:secret:x-AbC123'],
    ])('ignores the value when %s', (_name, text) => {
      expect(findValues(detector, text)).toEqual([]);
    });
  });

  describe('conventions of code, cookies and flags', () => {
    test.each([
      [
        'finds a plainer password right after the word password',
        'ssh login as ops, password k7wq2zrx! (temporary)',
        ['k7wq2zrx!'],
      ],
      [
        'finds hex after a compound header name',
        'session created, X-Session-Token 5f0c3e2a9b8d7c6f1e0d4a3b2c1f9e8d',
        ['5f0c3e2a9b8d7c6f1e0d4a3b2c1f9e8d'],
      ],
      [
        'finds the value a setter gives a secret-named key',
        'cfg.set("spark.hadoop.fs.s3a.secret.key", "Wm8pQ2x9Tb7LrZ4v")',
        ['Wm8pQ2x9Tb7LrZ4v'],
      ],
      [
        'finds the value setProperty gives a password key',
        'props.setProperty("mail.smtp.password", "Lx9!vq2Pw");',
        ['Lx9!vq2Pw'],
      ],
      [
        'finds the password after a DSN and a user',
        '$dbh = DBI->connect("dbi:mysql:database=crm;host=db1", "crm_rw", "Tq8#lP2z"); new PDO(\'pgsql:host=db\', \'app\', \'Zr4-mQ9x\')',
        ['Tq8#lP2z', 'Zr4-mQ9x'],
      ],
      ['finds the value of a session-id flag', 'mgmt add --session-id Rk29xLq8Zp3vWm7T4nYb', ['Rk29xLq8Zp3vWm7T4nYb']],
      ['finds the value of a cookie flag', 'erl -name a@h -setcookie Q8ZKXPL2MW9RT4YB', ['Q8ZKXPL2MW9RT4YB']],
      [
        "finds a cookie's value after its name",
        'vpn --cookie=SVPNCOOKIE=a1b2c3d4e5f6a7b8c9d0',
        ['a1b2c3d4e5f6a7b8c9d0'],
      ],
      [
        'finds the value of a flag ending in auth',
        'app --token-auth=4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c',
        ['4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c'],
      ],
    ])('%s', (_name, text, expected) => {
      expect(findValues(detector, text)).toEqual(expected);
    });

    test.each([
      ['a setting that names no secret', 'map.put("timeout", "30s")'],
      ['a card token in prose', 'payouts: card token tok_4kq8zm2xv9tb7wc1 declined'],
      [
        'a SigV4 credential scope',
        'SignatureDoesNotMatch for credential AKIAQ3EXMPL7KEY2ID9Z/20261201/eu-west-1/s3/aws4_request',
      ],
      [
        'a stored secret named in prose',
        'kubelet: secret "grafana-admin-credentials" not found; secret vault-unseal-key3 missing',
      ],
      [
        "a stored secret's id or name given to a store's CLI",
        'vmctl secret-get --secret 0b8c2f4e-9a1d-4c7e-b3f5-2e6a9d0c1b7f; podman secret inspect --showsecret registry_token',
      ],
      ['a UUID under an echo token', 'OTA_PingRQ EchoToken=3c9e1a20-5b7d-4f0e-8a2c-6d1e9f3b7a05'],
      ['a short or word value after an auth or session flag', 'run --auth-type basic --session-id 42 --no-cookie'],
      ['an address after the word password', 'Password of "ana.lima@example.org": '],
      ['a report after the word password', 'Authentication failure (password mismatch?)'],
    ])('ignores %s', (_name, text) => {
      expect(findValues(detector, text)).toEqual([]);
    });
  });

  test.each([
    [
      'a credentials flag given user:password',
      'podman push --creds=bot+ci:Q8ZKXPL2MW9RT4YB7 quay.io/x',
      ['Q8ZKXPL2MW9RT4YB7'],
    ],
    ['a cookie flag given random capitals', 'erl -sname n -setcookie XKQZVMWLPJRTNBYHGD', ['XKQZVMWLPJRTNBYHGD']],
    [
      'a simple bind given a DN and a password',
      'ldap_bind($c, "cn=svc,ou=apps,dc=corp,dc=example", "Bind!Pw-93")',
      ['Bind!Pw-93'],
    ],
    ['no password: a JSON key follows a DN', '{"dn": "CN=Ana,OU=Staff,DC=corp,DC=example", "mapped": "ana"}', []],
    ['no password: a credentials flag names a file', 'gcloud auth --credentials ./creds-2024.json', []],
    ['a login and its password after an auth flag', 'cli connect 10.0.0.4 -auth ops:Qx-7k!vz', ['Qx-7k!vz']],
    [
      'a login pair under a users key',
      'auth.static.users=svc_ro::Tamarind9 portal.usr: kiosk:Lk-4!pa',
      ['Tamarind9', 'Lk-4!pa'],
    ],
    [
      'each password of a map of users',
      '"LocalUsers": { "mtan": "Harbor-81x", "jo.ruiz": "q7Wv!Pz3" }',
      ['Harbor-81x', 'q7Wv!Pz3'],
    ],
    ['no password: a role, a uid or a count under a users key', 'users=alice:admin logins=bo:1004 users: 3', []],
    [
      'no password: names and a phrase in a map of users',
      '"users": {"mtan": "Mei Tan", "count": "12"} users:profile',
      [],
    ],
    ['no password: a word after an auth flag', 'tool --auth-mode key:basic --auth kiosk:none', []],
    [
      'a UUID right after a word that names a credential',
      'bridge token 0f4c8e2a-91d3-4b6e-a7c5-3d2e1f0a9b8c; sid: session id <7b1d9e40-2c6a-4f83-b5e2-9a0c4d6f1e27>',
      ['0f4c8e2a-91d3-4b6e-a7c5-3d2e1f0a9b8c', '7b1d9e40-2c6a-4f83-b5e2-9a0c4d6f1e27'],
    ],
    [
      'a UUID after an authorization code and in a field after its name',
      'grant code = 5e6f7a8b-1c2d-4e3f-9a0b-c1d2e3f4a5b6 row|API-Key|9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d|200',
      ['5e6f7a8b-1c2d-4e3f-9a0b-c1d2e3f4a5b6', '9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'],
    ],
    [
      'no secret: a UUID after an id word, a longer word or a code of a kind',
      'trace id 0f4c8e2a-91d3-4b6e-a7c5-3d2e1f0a9b8c tokenizer 7b1d9e40-2c6a-4f83-b5e2-9a0c4d6f1e27 barcode 5e6f7a8b-1c2d-4e3f-9a0b-c1d2e3f4a5b6 request_id=9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      [],
    ],
  ])('reads %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });
});
