import { createPiiScanner } from '../scanner';

/** Secrets named by the last word of their key, and values that end where their syntax says. */
describe('secret key words and value syntax', () => {
  const scanner = createPiiScanner();
  const found = (text: string) => scanner.scan(text).map((m) => [m.type, m.value]);

  test.each([
    [
      'finds the value when the last word of a key is key, skey, authtok or creds',
      'gw: EdgeKey=Qm9xW4tZp2Lr7sUv3NyA signing.key: "Zt5nVb8Kq1Wd3Fh7Jm2P" skey=n7Hq2LwZ4xR9tYv1K3pM authtok = Lynx42!rq creds: Pq8$wZ3mTt',
      [
        ['secret_kv', 'Qm9xW4tZp2Lr7sUv3NyA'],
        ['secret_kv', 'Zt5nVb8Kq1Wd3Fh7Jm2P'],
        ['secret_kv', 'n7Hq2LwZ4xR9tYv1K3pM'],
        ['secret_kv', 'Lynx42!rq'],
        ['secret_kv', 'Pq8$wZ3mTt'],
      ],
    ],
    [
      'finds a hex session key and a session cookie named by its hash',
      'ICA SessionKey=7D1A44C09E2B58F3A6C1D0E9B7F24A55; drupal SESS3b8f0c9d2e7a41f5b6c8=Wq2Lr9tZx4Vn7Bm1Kp3Y; next',
      [
        ['secret_kv', '7D1A44C09E2B58F3A6C1D0E9B7F24A55'],
        ['secret_kv', 'Wq2Lr9tZx4Vn7Bm1Kp3Y'],
      ],
    ],
    [
      'finds a session id in a query string and leaves a session counter',
      'GET /cart?session=9f8e7d6c5b4a39281706f5e4d3c2b1a098765432&x=1 and session=42 session: closed',
      [['secret_kv', '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432']],
    ],
    [
      'finds a quoted key when a crypto object holds it',
      '{"signer":{"alg":"hs256","key":"b3JnYW5pYzQyIXNlY3JldC1rZXk9PQ=="}}',
      [['secret_kv', 'b3JnYW5pYzQyIXNlY3JldC1rZXk9PQ==']],
    ],
    [
      'ignores keys that name, route or partition when their last word is key',
      'partition_key=tenant-8841 routing_key=orders.created.v2 public_key=AAAAC3NzaC1lZDI1NTE5AAAAIG UserKey=1003F46DA6874061 ikey=DIXUVMD3FXH75PY {"key":"team-42-alpha"} s3Key=logs/2024/01/app-7.log kmsKey=arn:aws:kms:eu-west-1:123456789012:key/9f2c',
      [],
    ],
    [
      'ignores words, ids and references when a credentials key holds them',
      'credentials: none credential=env://SVC_PASS creds=file:///run/secrets/db idempotencyKey=0f8c2a8e-5c1b-4d8a-9a51-1d2e3f4a5b6c',
      [],
    ],
    [
      'ends a value at a ? that starts another option',
      'server "Map?MaxPlayers=10?AdminPassword=Kx7mQ2vZ9?Port=27015" -log',
      [['secret_kv', 'Kx7mQ2vZ9']],
    ],
    [
      'ends a value at a comma before the next key: of a struct dump',
      'auth=&Config{Username:ops,Password:Vt4mZq81x,Auth:,Token:,}',
      [
        ['user', 'ops'],
        ['secret_kv', 'Vt4mZq81x'],
      ],
    ],
    [
      'finds the value inside a Python string prefix',
      "call(user=u'ops', passwd=u'Hq7!zLm2', secret=b'Zr81xQ')",
      [
        ['user', 'ops'],
        ['secret_kv', 'Hq7!zLm2'],
        ['secret_kv', 'Zr81xQ'],
      ],
    ],
    [
      'finds the secret after the id when an API token is ID=SECRET',
      'PVEAPIToken=ops@pam!ci=2b1c4d6e-8f90-4a1b-9c2d-3e4f5a6b7c8d',
      [
        ['user', 'ops@pam'],
        ['secret_kv', '2b1c4d6e-8f90-4a1b-9c2d-3e4f5a6b7c8d'],
      ],
    ],
    [
      'finds the credential when an Authorization header sits in an array or lists key:value pairs',
      '{"Authorization":["Token Zq8xWm2Lp4Tn6Vb0Kr3Y"]} -H "Authorization: app_id:Lm3Kq9Zx7Vt2, app_secret:Wp8Rt4Yn1Qs6"',
      [
        ['auth_header', 'Zq8xWm2Lp4Tn6Vb0Kr3Y'],
        ['auth_header', 'Lm3Kq9Zx7Vt2'],
        ['auth_header', 'Wp8Rt4Yn1Qs6'],
      ],
    ],
    [
      'finds the credential when Bearer token names it',
      'rejected Bearer token Zt9Lm2Qx8Wv4Kp7Rn3Y: expired',
      [['auth_header', 'Zt9Lm2Qx8Wv4Kp7Rn3Y']],
    ],
    [
      'finds the password of -pw and -t flags and of -u NAME -p PASS pairs',
      'kadmin -q "ank -pw Wq9zLm42Tx bob@LAB.TEST"; influx query -t Rk2Vm8Zq4Lx7Tn1W; jcli open h:1 -u ops -p Zm4Kq8Lx',
      [
        ['secret_kv', 'Wq9zLm42Tx'],
        ['user', 'bob@LAB.TEST'],
        ['secret_kv', 'Rk2Vm8Zq4Lx7Tn1W'],
        ['user', 'ops'],
        ['secret_kv', 'Zm4Kq8Lx'],
      ],
    ],
    [
      'finds the user and the password when an admin CLI sets one with passwd',
      'mqctl users passwd operator Hx7$kq2Lm',
      [
        ['user', 'operator'],
        ['secret_kv', 'Hx7$kq2Lm'],
      ],
    ],
    [
      'finds both when a query string has u= and p=',
      'GET /query?db=x&p=Kq7Lm2Zx9&u=ops_ro HTTP/1.1',
      [
        ['secret_kv', 'Kq7Lm2Zx9'],
        ['user', 'ops_ro'],
      ],
    ],
    [
      'finds the body of an armored seed and a SecureString plain text',
      '-----BEGIN USER NKEY SEED-----\\nSUAQ2ZLW7XK4JMTN3PRB5VYC6HDGE\\n------END USER NKEY SEED------ ; ConvertTo-SecureString "Zq8!Lm4x" -AsPlainText -Force',
      [
        ['secret_kv', 'SUAQ2ZLW7XK4JMTN3PRB5VYC6HDGE'],
        ['secret_kv', 'Zq8!Lm4x'],
      ],
    ],
    [
      'finds a directive value when a comment follows it',
      'rcon_password "Wz8Kq2Lm7"  // loaded from server.cfg',
      [['secret_kv', 'Wz8Kq2Lm7']],
    ],
    [
      'finds a generated value under a word glued to key, in either case',
      'harvest GET /search?wskey=Qm9xW4tZp2Lr7sUv3NyA8c and GET /report?PASSKEY=9F3A61C0B7E24D58A1C9E07B3F6D2A84&t=1',
      [
        ['secret_kv', 'Qm9xW4tZp2Lr7sUv3NyA8c'],
        ['secret_kv', '9F3A61C0B7E24D58A1C9E07B3F6D2A84'],
      ],
    ],
    [
      'leaves a glued key of a word, a name or a public key',
      'ui hotkey=Ctrl+Shift+F12 turnkey=Solution2026 pubkey=Qm9xW4tZp2Lr7sUv3NyA8c rowkey=Ab12Cd34Ef56Gh78',
      [],
    ],
    [
      "finds a PagerDuty event's routing key",
      '{"routing_key":"9c1d7b3f4a8e9d5c2f1b0a6e8c7d4e2a","event_action":"resolve","dedup_key":"db-7"}',
      [['secret_kv', '9c1d7b3f4a8e9d5c2f1b0a6e8c7d4e2a']],
    ],
    [
      "leaves a broker's routing key and one outside a PagerDuty event",
      'amqp publish routing_key=orders.eu.created and {"routing_key":"9c1d7b3f4a8e9d5c2f1b0a6e8c7d4e2a","queue":"x"}',
      [],
    ],
    [
      "leaves a broker's 32-character routing key beside an event_action of its own",
      '{"routing_key":"3f2a1c9d8e7b6a5f4e3d2c1b0a998877","exchange":"events","event_action":"publish"}',
      [],
    ],
    [
      'leaves a routing key beside a PagerDuty action with no payload or dedup_key',
      'bus: event_action=trigger routing_key=7b2e4c9a1d8f3e6b5a0c9d2e1f4a7b8c exchange=alerts',
      [],
    ],
    [
      'finds a routing key in an Events API v2 trigger with a payload',
      'pd: POST /v2/enqueue {"payload":{"summary":"x"},"routing_key":"5e8a1c3d7f2b9e4a6c0d8b1f3e7a2c9d","event_action":"trigger"}',
      [['secret_kv', '5e8a1c3d7f2b9e4a6c0d8b1f3e7a2c9d']],
    ],
    [
      "leaves a glued key that is a view's range or a public site key",
      'couchdb GET /db/_design/app/_view/by_id?startkey=4e2a9c1d7b3f4a8e9d5c&endkey=9c1d7b3f4a8e9d5c2f1b&limit=50 200',
      [],
    ],
    [
      'leaves a glued word that names no documented key',
      'GET /signup 200 sitekey=6LfQm7vT2xLp9RwZ4kNc8s0AAAAAHq4Tz8Lm2Vb7 monkey=Ab3dE6gH9jK2mN5pQ8rS',
      [],
    ],
    [
      'finds a generated value under a documented glued key',
      'crm sync GET /contacts?hapikey=Zt5nVb8Kq1Wd3Fh7Jm2PxR4s and jwtkey=9F3A61C0B7E24D58A1C9E07B3F6D2A84 loaded',
      [
        ['secret_kv', 'Zt5nVb8Kq1Wd3Fh7Jm2PxR4s'],
        ['secret_kv', '9F3A61C0B7E24D58A1C9E07B3F6D2A84'],
      ],
    ],
    [
      "finds a generated value under a user's or a license's key",
      'GET /v2/report?user_key=Qm9xW4tZp2Lr7sUv3NyA8cK1 app.licenseKey=Zt5nVb8Kq1Wd3Fh7Jm2PxR4s',
      [
        ['secret_kv', 'Qm9xW4tZp2Lr7sUv3NyA8cK1'],
        ['secret_kv', 'Zt5nVb8Kq1Wd3Fh7Jm2PxR4s'],
      ],
    ],
    [
      "ignores an id under a user's or a license's key",
      '{"UserKey":"1003F46DA6874061"} userKey=ue_3c0e7a1b84f2 license_key=4f9a0c27be81d3365a7e4f9a Lic_Key=Ab12Cd34',
      [],
    ],
    [
      "ignores a record's number under a business's or a ticket's key",
      '{"businessKey":"LA-2026-11873","ticketKey":"SP27-004418","ticket_key":"OPS-2026-10442"}',
      [],
    ],
    [
      "finds a record number's shape under any other key",
      '{"signing_key":"SK-2026-448812"} creds=CRX-2026-55120 auth_salt=SALT-8812-44107',
      [
        ['secret_kv', 'SK-2026-448812'],
        ['secret_kv', 'CRX-2026-55120'],
        ['secret_kv', 'SALT-8812-44107'],
      ],
    ],
    [
      'ignores stand-ins in capitals, references and a URL after -u',
      'tool login -u USERNAME -p PASSWORD; cli auth -password env://APP_PASS; govc ls -u "https://vc.example.org/sdk"',
      [],
    ],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test('leaves a publishable key alone, which a browser is given', () => {
    expect(found('NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=pk_live_Q2xyZ9mK3vTb8RwLp4Xn')).toEqual([]);
  });

  test.each([
    ['a query string key=', 'GET /v1/places?key=Qm8xZ2pL9vTr4WnY7kB3&q=cafe', [['secret_kv', 'Qm8xZ2pL9vTr4WnY7kB3']]],
    ['a salt', 'ONBOARD_SALT=Zk29Lq8xPm4vTb7R', [['secret_kv', 'Zk29Lq8xPm4vTb7R']]],
    [
      'the auth of a compound key',
      'stats?token_auth=9f3b2a7c1d8e4f60a5b9c3d2e1f07a8b&idsite=3',
      [['secret_kv', '9f3b2a7c1d8e4f60a5b9c3d2e1f07a8b']],
    ],
    [
      "a password's hash",
      'user.pwd_hash=8e2f1a9c3b7d6e5f4a0b1c2d3e4f5a6b',
      [['secret_kv', '8e2f1a9c3b7d6e5f4a0b1c2d3e4f5a6b']],
    ],
    ['no other hash, and no key= in prose', 'query_hash=9f3b2a7c1d8e4f60a5b9 cache key=Zk29Lq8xPm4vTb7R', []],
  ])('reads %s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test.each([
    [
      'a session id under sid',
      '{"data":{"sid":"Qv8XbT2mLp9ZrW4nK7yHc3Jd"}}',
      [['secret_kv', 'Qv8XbT2mLp9ZrW4nK7yHc3Jd']],
    ],
    ['no typed record id under sid', 'sms delivered sid=SM3f9a0c1e2b4d5f6a7b8c9d0e1f2a3b4c', []],
    ['no Windows SID', 'owner sid=S-1-5-21-1004336348-1177238915-682003330-512', []],
    [
      'key= where the text says API key',
      'Created API key for 9 key=6fa83b2c9d1e4f5a7b8c0d2e3f4a5b6c',
      [['secret_kv', '6fa83b2c9d1e4f5a7b8c0d2e3f4a5b6c']],
    ],
  ])('reads %s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test.each([
    [
      'a glued credential and a key after an index',
      'sync.dbcredentials=Mq8!zT3wLk realm.ldap[2].bind-credential=Vx4#pR9sQe',
      [
        ['secret_kv', 'Mq8!zT3wLk'],
        ['secret_kv', 'Vx4#pR9sQe'],
      ],
    ],
    [
      'random values under code, verifier and pat',
      '{"device_code":"Hk3Lq9ZtW2mRx7Vb4NpYc8"} &codeVerifier=Tz8Wq2Lm5Kx9Rb3Vn7Pc4Hd GITLAB_PAT=Rb7Xq2Lm9Zt4Wk8Vn3Hc',
      [
        ['secret_kv', 'Hk3Lq9ZtW2mRx7Vb4NpYc8'],
        ['secret_kv', 'Tz8Wq2Lm5Kx9Rb3Vn7Pc4Hd'],
        ['secret_kv', 'Rb7Xq2Lm9Zt4Wk8Vn3Hc'],
      ],
    ],
    [
      'no code, verifier or pat that names something',
      'error_code=ERR_CONN_4011 statusCode: 404 country_code=US zip_code=90210 verifier=sha256 pat=weekly-2024',
      [],
    ],
    [
      "a wallet's mnemonic phrase, and no list of words under another key",
      'restore mnemonic="ridge lumber oval fancy quiet mango shelf orbit tunnel brisk hollow cedar" tags="ridge lumber oval fancy quiet mango shelf orbit tunnel brisk hollow cedar"',
      [['secret_kv', 'ridge lumber oval fancy quiet mango shelf orbit tunnel brisk hollow cedar']],
    ],
    [
      'a bare key= after a command-line option and a bare "key" in JSON',
      'http POST /keys --form key=Lq9Zt2Wm8Rx4Vb7Kp3Hc {"id":7,"key":"Wm2Rx8Lq4Zt9Vb3Kp7Hc"}',
      [
        ['secret_kv', 'Lq9Zt2Wm8Rx4Vb7Kp3Hc'],
        ['secret_kv', 'Wm2Rx8Lq4Zt9Vb3Kp7Hc'],
      ],
    ],
    [
      'no bare key that is a label, an id of capitals or a name',
      'public key: Hq2Lm8Zt4Wx9Rb7Vn3Kc {"key":"DIQ7ZXW2KM4RT8YV1LPB"} {"key":"build-7-release"}',
      [],
    ],
  ])('reads %s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test.each([
    [
      'a PIN, a PUK and a card code however short',
      'kiosk unlock sim_pin=4402 PUK2=91827364 cvc2=0571',
      ['4402', '91827364', '0571'],
    ],
    ['a PIN in JSON and escaped JSON', '{"wallet_pin":"52816"} body="{\\"cvv\\":\\"884\\"}"', ['52816', '884']],
    ['a PIN named in camelCase and as an XML element', 'lock cardPin=770314 <SimPIN>8126</SimPIN>', ['770314', '8126']],
    [
      'a numbered PUK and card code as XML elements',
      '<sim><PUK2>55018822</PUK2><CVV2>613</CVV2></sim>',
      ['55018822', '613'],
    ],
    ['codes a person is sent', 'mfa verification_code=482913 smsCode: 7731 otp=902214', ['482913', '7731', '902214']],
    [
      'a confirmation code element and a voucher',
      '<ConfirmationCode>55120984</ConfirmationCode> voucher=WF8K2QZ7',
      ['55120984', 'WF8K2QZ7'],
    ],
    [
      'a code under its word and what was done with it',
      'ivr step=auth PIN_ENTERED=5907 otpProvided=318204 {"passcode_entered":"77041"}',
      ['5907', '318204', '77041'],
    ],
    [
      "a prepaid voucher's long PIN and a PIN in groups of four",
      'topup voucher_pin=61830492775301 token_pin: 6205-1187-4930 ./sign',
      ['61830492775301', '6205-1187-4930'],
    ],
    ['a PIN in a pipe-delimited record', 'ivr|caller=7|dtmf_pin=4182|match=Y', ['4182']],
    ["the IRS e-file schema's Identity Protection PIN", '<Filer><SpouseIPPIN>508213</SpouseIPPIN></Filer>', ['508213']],
  ])('finds %s', (_name, text, values) => {
    expect(found(text)).toEqual(values.map((v) => ['secret_kv', v]));
  });

  test.each([
    ['a CPU affinity mask under a pin key', 'kernel: cpu_pin=0000111100001111 numa=0'],
    ['a long number under a thread pin key', 'sched thread_pin=1048576001048576 ok'],
    [
      'counts, flags and words that contain pin',
      'pin_count=3 pinned=true spinner=dots spin=2400 mapping=1234 pins=4402',
    ],
    ['a GPIO pin and a short pin number', 'led pin=GPIO4 relay pin: 17 <pin>D7</pin>'],
    ['a card check result and a masked code', 'avs=Y cvv=M cvvResultCode=P cvc=*** cvv2=1'],
    [
      'status, country and error codes',
      'status_code=4031 country_code=4412 errorCode=50126 exit code=1 auth_code=481516',
    ],
    ['a voucher of letters only or a number too short', 'voucher=SUMMER voucher=12345 otp=123'],
    [
      'a count or flag after a typed code, a code cut at a pipe that is no short secret',
      'pin_attempts=3 pin_entered=true passcode_input=masked rec|aCode=Zq7Dv6q61XJhN|acc=C2',
    ],
  ])('leaves %s', (_name, text) => {
    expect(found(text).filter(([type]) => type === 'secret_kv')).toEqual([]);
  });

  test('finds a one-time-password seed and leaves a random-number seed', () => {
    expect(found('user totp_seed=JBSWY3DPEHPK3PXP7Q2R rng seed=42abcdef12345678')).toEqual([
      ['secret_kv', 'JBSWY3DPEHPK3PXP7Q2R'],
    ]);
  });
});
