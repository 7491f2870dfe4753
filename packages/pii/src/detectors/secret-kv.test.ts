import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createSecretKvDetector, isSecretKey, notASecretWhole, saysNoSecretWhole } from './secret-kv';

describe('secret kv detector', () => {
  const scanner = createPiiScanner({ types: ['secret_kv'] });
  const detector = createSecretKvDetector();

  test.each([
    ['finds a logfmt value when the key is password', 'user=bob password=hunter2 ok=1', ['hunter2']],
    ['finds the value inside braces when Go prints a field with %v', 'rpc args: token={q9Lm2Xv7Tb} ok', ['q9Lm2Xv7Tb']],
    ['keeps a lone brace out when a value is a structure', 'client_secret={ next', []],
    ['finds a JSON value when the key ends in secret', '{"client_secret":"a b c","x":1}', ['a b c']],
    ['finds a YAML-style value when the key is an api key', 'X-Api-Key: 3f9a1c2e7b', ['3f9a1c2e7b']],
    ['finds a single-quoted value when the separator is =>', "'access_token' => 'ya29.a0Af'", ['ya29.a0Af']],
    ['finds a value when JSON is escaped inside a string', '{"msg":"{\\"token\\":\\"tok_123\\"}"}', ['tok_123']],
    ['finds a query parameter when ended by &', '/cb?code=1&refresh_token=rt_9f8e&state=x', ['rt_9f8e']],
    [
      'finds a query parameter without the bracket that closes a logged request',
      'Fetched <GET https://api.example.net/v1/items?api_key=9Kq2mX7vLp4T> (200)',
      ['9Kq2mX7vLp4T'],
    ],
    ['keeps a comma inside the value when it is not followed by a space', 'passwd=a,b;c, next', ['a,b;c']],
    ['finds numbers when a secret key holds one', '"pin_token": 123456,', ['123456']],
    [
      "finds a record number's shape when a password, secret or token key holds it",
      'temp_password=TMP-483921 wifi_password=GUEST-48213 {"client_secret":"SEC-8812-44107"} password=PG-2026-55120 pwd=AB-12-34567 psk=WPA-2026-88123 api_token=TK-2026-00417',
      [
        'TMP-483921',
        'GUEST-48213',
        'SEC-8812-44107',
        'PG-2026-55120',
        'AB-12-34567',
        'WPA-2026-88123',
        'TK-2026-00417',
      ],
    ],
    [
      'finds a session cookie without the quote closing a header given on a command line',
      "curl -H 'Cookie: app.sid=s%3Aq8ZxT2mV.Lw4Rk9Pn3Jd'",
      ['s%3Aq8ZxT2mV.Lw4Rk9Pn3Jd'],
    ],
    [
      'finds a session cookie when in a Set-Cookie header',
      'Set-Cookie: sid=s%3A8f7e6d5c; Path=/; HttpOnly',
      ['s%3A8f7e6d5c'],
    ],
    [
      "stops at the cookie's attributes when the log line goes on after them",
      'web Set-Cookie: app_sid=Qm7vT2xLp9RwZ4kN; Path=/; HttpOnly; SameSite=Lax user=ana.r@example.org trace=Zq81Lm4Xv7Bn2Kc9Ty5W',
      ['Qm7vT2xLp9RwZ4kN'],
    ],
    [
      'finds only session cookies when a Cookie header has several',
      'Cookie: _ga=GA1.2.3; JSESSIONID=ABC123DEF; theme=dark',
      ['ABC123DEF'],
    ],
    [
      'finds short pass and pwd keys when they are a whole segment',
      'PASS=letmein42 mysql.pwd=hunter2',
      ['letmein42', 'hunter2'],
    ],
    [
      'ends the value at the next key when in a connection string',
      'Server=db;Password=Sql$erver2019;Encrypt=True',
      ['Sql$erver2019'],
    ],
    [
      'finds the value when the key is camelCase and ends in Pass or Pwd',
      'dbPass=Xy9k2 smtpPwd: "q7Rz"',
      ['Xy9k2', 'q7Rz'],
    ],
    [
      'finds the value when the key is a password in another language',
      'passwort=Geh31m mot_de_passe: "s3cr3t" contraseña=Cl4ve senha=S3nh4 wachtwoord=W8w00rd',
      ['Geh31m', 's3cr3t', 'Cl4ve', 'S3nh4', 'W8w00rd'],
    ],
    [
      'finds the value when the key is the Polish hasło and no other secret word is in the line',
      'hasło=Tajne12',
      ['Tajne12'],
    ],
    ['finds the community when an SNMP key holds one', 'snmp: version=2c community=Mon1tor!', ['Mon1tor!']],
    [
      'finds the value when it holds an & not followed by another pair',
      'password=Tr0ut&Lake-92 next=1 &token=x9&y=1',
      ['Tr0ut&Lake-92', 'x9'],
    ],
    [
      'finds the value when a header map holds it in an array',
      '{"headers":{"X-Api-Key":["k9f8e7d6c5"],"Cookie":["app_session=s3ss10nV4lue; theme=dark"]}}',
      ['k9f8e7d6c5', 's3ss10nV4lue'],
    ],
    [
      'finds a secret id when a CLI prints one',
      'Secret ID    = 5b2f0c9e-1a7d-4e3b-8c6f-2d9a0b1c3e4f',
      ['5b2f0c9e-1a7d-4e3b-8c6f-2d9a0b1c3e4f'],
    ],
    [
      'finds the value when the key is a pre-shared key',
      'PresharedKey = 9pL4mZ0aXb+Qw= psk="wifi-pass-77" db_pw=Pw1',
      ['9pL4mZ0aXb+Qw=', 'wifi-pass-77', 'Pw1'],
    ],
    [
      'finds the key when an app key encrypts or signs',
      'APP_KEY=base64:lJv+MfxBmiX= SIGNING_KEY=k3Y-8fJ2qLx0',
      ['base64:lJv+MfxBmiX=', 'k3Y-8fJ2qLx0'],
    ],
    [
      'finds the value when a Go header map or a connection string ends it with a quote',
      'map[X-Auth-Token:[9f8e7d6c5b4a39281706] Accept:[x]] "Password=Y^1#jcZ;"',
      ['9f8e7d6c5b4a39281706', 'Y^1#jcZ'],
    ],
    [
      'finds a pass or pw glued to a short prefix or a word that says whose',
      'bitcoind.rpcpass=Zq7Lm2Wx9k ldap.bindpw=Hq3$kL9mZ adminpwd: Kx7!rT2wq',
      ['Zq7Lm2Wx9k', 'Hq3$kL9mZ', 'Kx7!rT2wq'],
    ],
    [
      'finds a value when the key is in brackets',
      "form params[password]=Pw9xLq2Zt; $cfg['smtp_pass'] = 'Zk2Lq8Wm';",
      ['Pw9xLq2Zt', 'Zk2Lq8Wm'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
    // Through the scanner too: a rule runs only where its keywords are, so this checks they cover the text.
    const scanned = scanner.scan(text).map((m) => m.value);
    for (const value of expected) expect(scanned).toContain(value);
  });

  test.each([
    ['ignores keys when the secret word is not at the end', 'token_count=5 password_reset=true max_tokens=100'],
    [
      'ignores words that end in pass, a dot file and a format directive',
      "bypass=Lq8Zt2Wm9x overpass: Nw4Rt8Zq2 cat ~/.pgpass: h:5432:*:u:p $cfg['imap_pass'] = '%p';",
    ],
    [
      'ignores placeholders when the value says there is no secret',
      'password=*** token=null secret=<redacted> api_key=${API_KEY}',
    ],
    ['ignores empty values when nothing follows the separator', 'password= token=""'],
    [
      'ignores redaction banners, encrypted and environment references, and placeholders inside a value',
      '"dbpassword": "***HIDDEN BY POLICY***", db.password=ENC(q8Zk), -Password $env:SQL_PASS, api_key = "pk_<paste key>"',
    ],
    [
      'ignores yes/no flags when MySQL reports whether a password was used',
      "denied for user 'app' (using password: YES)",
    ],
    ['ignores cookies when none is a session cookie', '{"cookie":"theme=dark; lang=en"} and Cookie: _ga=GA1.2.3'],
    [
      "ignores a record's number under a pass or a key",
      'season pass issued pass=SP27-004418; seapass=SP-0098812204 {"businessKey":"LA-2026-11873"}',
    ],
    [
      'ignores a deleted session cookie when the server expires it',
      'Set-Cookie: APPSESSID=deleted; expires=Thu, 01 Jan 1970',
    ],
    [
      'ignores stand-ins when a value names itself one',
      'pass = replace_me, "token":"tok_placeholder_value", db_password: __POSTGRES_PASSWORD__, api_key="key_EXAMPLE_ONLY"',
    ],
    [
      'ignores a variable name in capitals and a redaction note where the value goes',
      'signing_secret=ACME_SIGNING_SECRET "api_key":"pk_…(public key, redacted)"',
    ],
    ["ignores shadow's locked marker when a password is set to it", "SET password='!!' WHERE id=3"],
    ['ignores sid outside a cookie header when it is a message id', 'SMS delivered sid=SM9f8e7d6c5b4a39281706'],
    [
      'ignores keys when the secret word is inside a longer word',
      'tokenizer=bpe secretary=alice bypass=on compass=north',
    ],
    ['ignores a path when a short secret key holds one', 'PWD=/home/ci OLDPWD=/srv'],
    ['ignores a small count when a pass key holds one', 'pass=1 fail=0'],
    ['ignores a session number when a session key holds digits', 'session_id=4821 sessid: 77'],
    ['ignores keys when they only name where a value goes', 'partition_key=orders-3 routing_key=orders.created'],
    [
      'ignores a flow hash when Zeek or Suricata log a community id',
      '{"community_id":"1:LQU9qZlK+B5F3KDmev6m5PMibrg="}',
    ],
    ['ignores prose when a word and more words follow token:', 'failed to fetch oauth token: unexpected status'],
    [
      'ignores prose when a capitalized word and a quoted part follow Secret:',
      'failed to list *v1.Secret: Get "https://10.0.0.1/api"',
    ],
    [
      'ignores a mask or a reference when a tool hides the value',
      "DB_PASSWORD: '++++++++' password=::es_redacted:: clientSecret: $dex.github.clientSecret token=$GITHUB_TOKEN",
    ],
    ['ignores a filter marker when a framework masked the value', '"password"=>"[FILTERED]", secret=[MASKED]'],
    [
      'ignores a value cut short by an ellipsis when a log prints only its start',
      'refresh_token=9fQx2LmTz0aBv7Kd... db_password: "{{..." session_token=Qm8vRt3Lw6...(truncated) api_key=Zk4Pq…',
    ],
    [
      'ignores the userinfo of a URL when url_credentials owns it',
      'git clone https://x-access-token:abc123def456@github.com/a/b.git',
    ],
    [
      'ignores masked, truncated and placeholder values when tools print them',
      'api_key=************a7f3 X-Vault-Token: hvs.CAESI...(masked) GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx KEY=sk_test_${SUFFIX}',
    ],
    [
      "ignores documentation's stand-ins when a README or a sample config shows where a key goes",
      'MAILER_TOKEN=YOUR_MAILER_TOKEN_HERE bot_token=xapp-your-app-token-here api_key=MG.xxxxxxxxxx private_key=0x0000000000000000000000000000000000000000',
    ],
    [
      "ignores a prefix shown before a mask and AWS's example key id",
      'PAYMENT_SECRET=rk_live_**** feature_token=*:staging.*** password=ASIAIOSFODNN7EXAMPLE',
    ],
    ['ignores an on/off option when a VM option says whether a password is used', '-vnc :1,password=off,lossy=on'],
    [
      'ignores documented syntaxes when their secret word names no secret',
      'pkcs11:module-path=/usr/lib/p11.so;token=ops-hsm2 pam_sss(sudo-passwd:auth): ok pkg.auth.token:4412] keytool -keypass:env KEY_PASS',
    ],
    [
      'ignores a token that marks a page, echoes a request or names a message',
      'nextPageToken=CiAKGjBpNDd2Nmp2Zml2cXRt EchoToken=4f1c2a90-7e11-4b8a-9d2e-31a6cc0b5d10 message_token=5514477001',
    ],
    [
      "ignores a processor's card token when the line is about a card",
      'card ending 4242 tokenized: token=tok_8Hq2LmZx4Tb7Wc9R payment_method_token=k2m9qz',
    ],
    ['ignores a value when sops encrypted it', 'api_token: ENC[AES256_GCM,data:Zk29Qx7L,iv:Ab3Cd4=,type:str]'],
    [
      "ignores a consent cookie when it holds a visitor's choices",
      'Set-Cookie: euconsent-v2=CPq7XkAPq7XkAAGABCENBaFgAP_AAH_AAAqIHrtf; CookieConsent=necessary%3Atrue%2Cmarketing%3Afalse%2Cstamp%3A4f9Qz2',
    ],
    [
      'ignores analytics visitor ids, which sign nobody in',
      'Cookie: _ga=GA1.2.918273645.1699990011; _ga_Q7WZ2K=GS1.1.1699990011.4.1.1699990320.0.0.0; _gid=GA1.2.55512340.1700000101; _fbp=fb.1.1699990011223.1408852261',
    ],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });

  test('isSecretKey accepts secret-named keys when used for structured values', () => {
    expect(['password', 'apiKey', 'client_secret', 'X-Auth-Token', 'dbPass', 'Passwort'].map(isSecretKey)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['rpcpass', 'bindpw', 'rootPW', 'keystorepass'].map(isSecretKey)).toEqual([true, true, true, true]);
    expect(['tokens', 'secretary', 'password_hint', 'bypass', 'compass'].map(isSecretKey)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  describe('where a value ends and what it is', () => {
    test.each([
      [
        'ends before a full stop when a sentence goes on',
        'lookup failed for api_key=f3a9c2d17b. Retrying',
        ['f3a9c2d17b'],
      ],
      ['ends at an encoded space after a semicolon', 'sid_token=Qm9xR2lT8vLp;%20lang=en', ['Qm9xR2lT8vLp']],
      ["reads a T-SQL national string N'…'", "ALTER LOGIN [etl] WITH PASSWORD = N'Kx7#mPq2-vb'", ['Kx7#mPq2-vb']],
      ["reads LDIF's base64 value after ::", 'userPassword:: c2VjcmV0UGFzczEyMw==', ['c2VjcmV0UGFzczEyMw==']],
      [
        'reads a capital PWD after a camelCase word',
        '<profile userName="deploy" userPWD="q8Lz2Rv7Tn"/>',
        ['q8Lz2Rv7Tn'],
      ],
      [
        'keeps the secret half of an S3-style pair',
        's3 --access_key=QWERTYUIOP12345ASDFG --secret_key=Zx81Qa/Lm29Pq+Rt; cfg access_key=ana access_secret=Kq3vXb8Z',
        ['Zx81Qa/Lm29Pq+Rt', 'Kq3vXb8Z'],
      ],
    ])('%s', (_name, text, expected) => {
      expect(findValues(detector, text)).toEqual(expected);
    });

    test.each([
      ['an empty value before a line break', 'API_TOKEN=\n# generate one with openssl rand'],
      [
        'a PEM block under a private_key key (the private_key detector has it)',
        '{"private_key":"-----BEGIN PRIVATE KEY-----\\nMIIBVQIBADANBg\\n-----END PRIVATE KEY-----\\n"}',
      ],
      ['a placeholder in angle brackets holding words', 'SMTP_PASSWORD=<ask the ops team> # fill in'],
      ['a word in brackets where the value goes', 'GET /api?api_key=[sensitive] 200'],
      [
        'a resource name that names a secret',
        'resolved arn:aws:secretsmanager:eu-west-1:123456789012:secret:payments/api-key-Zx81Qa',
      ],
    ])('ignores %s', (_name, text) => {
      expect(findValues(detector, text)).toEqual([]);
    });
  });

  test('leaves a variable alone when code assigned it before', () => {
    expect(findValues(detector, 'pw = "Xy7!kk2"\nconnect(user="a", password=pw)')).toEqual(['Xy7!kk2']);
  });

  test('finds access codes and passcodes', () => {
    expect(findValues(detector, 'door access_code=Maple-7734 passcode: 8812-6610')).toEqual([
      'Maple-7734',
      '8812-6610',
    ]);
  });

  test("finds Rails' secret key base", () => {
    expect(findValues(detector, 'SECRET_KEY_BASE=9f8e7d6c5b4a39281706f5e4d3c2b1a0 RAILS_ENV=production')).toEqual([
      '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
    ]);
  });

  test('answers for a plain value what the whole placeholder pattern answers', () => {
    // Pieces of every alternative a value of letters, digits and `_.-/+=` can match, and of ones it nearly matches.
    const pieces = (
      'a x X 0 7 _ - . / + = +++ your here masked Redacted removed hidden example only placeholder EXAMPLEKEY AKIA ' +
      'ASIA replace me null no on off reset failed incorrect Bearer 0x 0000000000000000 xxxxxxxx ... __'
    ).split(' ');
    let seed = 11;
    const next = (n: number): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const values = pieces.flatMap((a) => pieces.map((b) => a + b));
    for (let i = 0; i < 20000; i++)
      values.push(Array.from({ length: 1 + next(5) }, () => pieces[next(pieces.length)] as string).join(''));
    const differing = values.filter((value) => saysNoSecretWhole(value) !== notASecretWhole.test(value));
    expect(differing).toEqual([]);
  });
});
