import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createSecretShapeDetector, passwordShaped } from './secret-shape';

describe('password shape', () => {
  test.each(['Lisbon#2288', 'Hx4-Pq7-Tz2', 'Oslo.Snow.48', 'Zt4pWq9LmX2vRb7K', 'Maple4410!', 'Cedar%21Hill77'])(
    'takes %s when it mixes kinds the way passwords do',
    (value) => {
      expect(passwordShaped(value)).toBe(true);
    },
  );

  test.each([
    ['a word with a closing !', 'Welcome!'],
    ['a word with no digit', 'SessionsController#create'],
    ['a short value', 'Ab3#x'],
    ['a camelCase identifier', 'Win32Exception'],
    ['a name and a counter', 'Listener-17'],
    ['an email', 'ann.lee@mail.example.com'],
    ['a product and version', 'Mozilla/5.0'],
    ['a host name', 'web-01.Prod.example.com'],
    ['a file name', 'Setup_5512.exe'],
    ['a version', 'v2.4.1-Beta3'],
    ['a date', 'Build-2024-11-03'],
    ['a time', 'T09:12:46Z'],
    ['a UUID', '3f2a9c1e-4b7d-4e6c-a0f9-1d2b3c4e5f6a'],
    ['a MAC', '00:1A:2b:3C:4d:5E'],
    ['a variable', '${DB_PASSWORD_2x}'],
    ['a printf reference', 'Pass%sword1'],
    ['a mask', 'Ab1**********'],
    ['a locale', 'en_US.UTF-8'],
    ['a typed id', 'cus_9Xk2LmQ7pR'],
    ['a label', 'Pop3Server3:'],
    ['a field list', 'A*01*B*02*C*03*'],
    ['an AWS secret key shape (its own type)', 'Zk3/9mQ1xYp4Vr7Tn2Lw8Hs5Jd0Fc6Bg3Ne1Ua9O'],
  ])('rejects %s', (_name, value) => {
    expect(passwordShaped(value)).toBe(false);
  });
});

describe('secret by shape detector', () => {
  const scanner = createPiiScanner({ types: ['secret_kv'] });
  const detector = createSecretShapeDetector();

  test.each([
    ['an admin CLI registers a user', `xmppctl register carol chat.example.org 'Lisbon#2288'`, ['Lisbon#2288']],
    ['an admin CLI changes a password', 'imctl change_password dave im.example.net Hx4-Pq7-Tz2', ['Hx4-Pq7-Tz2']],
    [
      'a password is piped into a command reading it from stdin',
      `echo 'Rv5!nq-Moss' | sudo vpnclient --user=ann --protocol=ssl --server=vpn.example.net --passwd-on-stdin`,
      ['Rv5!nq-Moss'],
    ],
    ['a prompt is answered', 'adduser-tool -c eve (password piped: Oslo.Snow.48)', ['Oslo.Snow.48']],
    ['an authinfo field holds it', 'AuthInfo:relay.example "U:svc-22" "P:Tq8#wE3!kLm2" "M:LOGIN"', ['Tq8#wE3!kLm2']],
    ['a camelCase PW key holds it', 'create room=r1&viewerPW=vw-Lp7xQ3&record=false', ['vw-Lp7xQ3']],
    [
      'a list of user:password lines follows',
      'Set these random passwords\nadmin:Zt4pWq9LmX2vRb7K',
      ['Zt4pWq9LmX2vRb7K'],
    ],
    [
      'a package manager stores HTTP basic credentials',
      'composer config http-basic.repo.example.org deploy Tq5-Harbor!x',
      ['Tq5-Harbor!x'],
    ],
    ['a kickstart line sets the root password', 'rootpw --plaintext Maple4410!', ['Maple4410!']],
    ['a form posts it URL-encoded', 'POST /signin form[user]=kim&form[pass]=Cedar%21Hill77', ['Cedar%21Hill77']],
    ['a settings record names it', '{"_id":"Mail_Password","value":"mail-Gate#77"}', ['mail-Gate#77']],
    [
      'a command takes a user flag',
      'sync-cli -s https://files.example -u ann@example.org -p Rk7-Fern_2030',
      ['Rk7-Fern_2030'],
    ],
    [
      'a Windows command names the user',
      'net use Y: \\\\nas\\docs /user:ann Gl4ss-Bay!07 /persistent:no',
      ['Gl4ss-Bay!07'],
    ],
    // By position: the last argument after the user (and a host) of an account command, not password-shaped.
    ['an account command ends with it', 'chatctl register ann chat.example.org hunter22', ['hunter22']],
    ['a mail admin tool sets it', `mailpasswd ann@mail.example.net 'blue4sky'`, ['blue4sky']],
    ['an admin CLI adds a user', 'brokerctl add_user metrics m3trics-only; echo done', ['m3trics-only']],
  ])('finds the password when %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
    const scanned = scanner.scan(text).map((m) => m.value);
    for (const value of expected) expect(scanned).toContain(value);
  });

  test.each([
    ['no credential word is near', 'deploy web-01 tag Verona#1597 done'],
    ['its key names something else', 'password reset for user_id=Ab3-xY7-zz9'],
    ['its JSON key names something else', 'login ok {"customerId":"Cx05j3ovQ"}'],
    ['a bracket holds a thread name', 'imap [Pop3SSLServer-3] authentication failed'],
    ['an angle bracket holds a session id', 'auth: passwd-file(olaf,<y1S5kYgTgJgAAB>): unknown user'],
    ['the word is inside another word', 'bypass cache for Build-x7Q#2 compass'],
    ['the word is author', 'author Kq3#vXb8 committed'],
    ['a flag follows the credential word', 'login --hostname=Edge-2x7Q --port 22'],
    ['a numbered field names what the token is', 'login: 553=ops 108=30 9=Wq2#x9Lm7 done'],
    ['sops encrypted the value', 'db_password: ENC[AES256_GCM,data:Kq3#vXb8Zm2T,iv:Zx9=,type:str]'],
    ['a product token follows a login', 'POST /login HTTP/1.1 "Mozilla/5.0 (X11) Chrome/122.0.6261.94"'],
    ['an account command takes no password', 'passwd -l ann; useradd -m -s /bin/bash ann; register ann example.org'],
    [
      'an account command ends with a word or a path',
      'chatctl register ann chat.example.org admin; mkuser ann /home/ann',
    ],
  ])('leaves the text alone when %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });

  test.each([
    ['a syslog tag with a pid', 'host app_Auth.v2_7[2211]: login ok for x'],
    ['a quoted key', '{"s3Config":{"credentials":{}}}'],
    ['a hex number ends an id', 'badge credential=PROX-H10301-0x7A3F11 granted'],
    ['a zero-padded record id', '"Login","005Ab000001XyZqAAB","ok"'],
    ['an epoch inside a message id', 'pass2: 1796000000-9f0e-Ab3Xq queued'],
    ['a fingerprint is named before it', 'auth ok, device fingerprint Kq3vXb8ZmT2wYhRe'],
    ['a file name ends in a letter and a digit', 'auth key file AuthKey_7Q.p8 loaded'],
    ['the label ends in a word that names an id', 'Wi-Fi credentials SSID: Home_Net_5G ok'],
  ])('leaves an id alone when %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });

  test("leaves IBM's keyword(value) options alone after an account command", () => {
    expect(findValues(detector, 'ADDUSER JOE02 DFLTGRP(SYS1) OWNER(ADM)')).toEqual([]);
  });

  test('leaves a URL-encoded email alone near a password word', () => {
    expect(findValues(detector, 'user jlee42%40lab.example.org password reset requested')).toEqual([]);
  });
});
