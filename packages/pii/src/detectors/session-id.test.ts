import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createSessionIdDetector } from './session-id';

describe('session ids', () => {
  const detector = createSessionIdDetector();

  test.each([
    [
      "express-session's signed id, URL-encoded",
      'debug: cookie app.sid=s%3AQm7Vt2LxR9pKz4Nw8Yb.Hj3Fs6Dq1Tc5Gv0Ae9Ru2Lk7 user=x',
      ['s%3AQm7Vt2LxR9pKz4Nw8Yb.Hj3Fs6Dq1Tc5Gv0Ae9Ru2Lk7'],
    ],
    [
      'a UUID under a bare key',
      'checkout step=3 session=0c1f7e2a-55b9-4e0d-9a61-3f2be7d40c18 ok',
      ['0c1f7e2a-55b9-4e0d-9a61-3f2be7d40c18'],
    ],
    [
      'a UUID in JSON under sid',
      '{"evt":"resize","sid":"7d2a90c4-1b3e-4f6a-8c5d-2e9f01b7a3c6"}',
      ['7d2a90c4-1b3e-4f6a-8c5d-2e9f01b7a3c6'],
    ],
    [
      'a UUID under sess with a space',
      '"sess": "a41c9e07-3b2d-4c8f-b6e1-90d7f25c4a38",',
      ['a41c9e07-3b2d-4c8f-b6e1-90d7f25c4a38'],
    ],
    [
      'a braced GUID under a session uid',
      'session_uid:"{8C3D1F20-6A4B-4E7C-9D0A-B1C2D3E4F506}"',
      ['8C3D1F20-6A4B-4E7C-9D0A-B1C2D3E4F506'],
    ],
    [
      'hex under a glued sid',
      'event=join;lsid=4be1c07d93a2f6e85d10b7c4a9e3f216;who=x',
      ['4be1c07d93a2f6e85d10b7c4a9e3f216'],
    ],
    [
      'a SAML session index',
      'SAML ok NameID=x SessionIndex=_9a1f3c7e2b6d4a8f0c5e1b3d7a9f2c4e6b8d0a1f',
      ['_9a1f3c7e2b6d4a8f0c5e1b3d7a9f2c4e6b8d0a1f'],
    ],
    ['a value in angle brackets', 'imap-login: Login: user=<x>, session=<Zq4Rt7uVw2XyA9bC>', ['Zq4Rt7uVw2XyA9bC']],
    ['a key after an escaped tab', 'AUTH\\t1\\tPLAIN\\tsession=Hk2Lm9Np4Qr6St8U\\tlip=10.0.0.1', ['Hk2Lm9Np4Qr6St8U']],
    ['an encoded pair in a query', 'GET /cb?x=session%3Dr8Tq2Wm5Zk9Lp3Vn7Bx1Cy4 HTTP/1.1', ['r8Tq2Wm5Zk9Lp3Vn7Bx1Cy4']],
    ['a name written with a space', 'catalog: session id=K-7f3e9a1c2b5d8e0f4a6c search', ['K-7f3e9a1c2b5d8e0f4a6c']],
    ['a camelCase key', 'renew sessionId: "Wb3Kq9Zt2Lm7Xp4R"', ['Wb3Kq9Zt2Lm7Xp4R']],
    [
      'JSON and a glued key',
      '{"session_id":"Hq38bMz72nWyR1xK"} sessionid=47jdm2qxvk9w',
      ['Hq38bMz72nWyR1xK', '47jdm2qxvk9w'],
    ],
    [
      'random letters in both cases',
      'session_id=t_kWpRzXbqMu cookie sid=QmvTrLxkPwZsNbYd',
      ['t_kWpRzXbqMu', 'QmvTrLxkPwZsNbYd'],
    ],
    [
      'a sealed cookie and a numbered suffix',
      'web-session=Fe26.2**7c1d9e*Qx4Lm9Tr2Wv8 "sess":"4B7E19A0C2D35F68-0:1"',
      ['Fe26.2**7c1d9e*Qx4Lm9Tr2Wv8', '4B7E19A0C2D35F68-0:1'],
    ],
    ['a cookie-style name', 'PORTALSESSID=p0rt4lS3ss10nV4lu3x path', ['p0rt4lS3ss10nV4lu3x']],
    ['in prose after a login line', 'login accepted for user ana.r (session 4C1E9A7B20D35F86)', ['4C1E9A7B20D35F86']],
    [
      'up to the next pair of a record joined by colons',
      'INFO app.Auth @ ana.r@example.org:session_id=9A3F7C21D0B44E18A6C2F0E9B5D7713C:ip_addr=192.0.2.7:login',
      ['9A3F7C21D0B44E18A6C2F0E9B5D7713C'],
    ],
    [
      'up to the next pair of a colon-joined record whose key has no underscore',
      'user:session_id=4C1E9A7B20D35F86A1B2:ip=203.0.113.7:action=login and session_id=Qw8Er7Ty6Ui5Op4A:host=web2',
      ['4C1E9A7B20D35F86A1B2', 'Qw8Er7Ty6Ui5Op4A'],
    ],
    [
      'in prose in a line that names the user by email',
      'sso: form started by ana.r@example.org from 192.0.2.7 session Hq4Tz8Lm2Vb7Xc9N',
      ['Hq4Tz8Lm2Vb7Xc9N'],
    ],
    [
      'in prose after an encoded email',
      'portal accepted terms, email ana.r%40example.com, session 4e2a9c1d-7b3f-4a8e-9d5c-2f1b0a6e8c7d',
      ['4e2a9c1d-7b3f-4a8e-9d5c-2f1b0a6e8c7d'],
    ],
    [
      'after session and sid',
      'Login succeeded for user "kq" (session sid Tg7Hk2Lm9Np4Qr6St8Uv1Wx3)',
      ['Tg7Hk2Lm9Np4Qr6St8Uv1Wx3'],
    ],
    [
      'in brackets before a login call',
      'BEGIN session[5d0c9e2f-a1b7] -- SessionManager.login -- userName=x',
      ['5d0c9e2f-a1b7'],
    ],
    [
      'prefixed, before an account',
      'WARN session sess_Qw8Er7Ty6Ui5Op4As3Df2 expired for account bo_7',
      ['sess_Qw8Er7Ty6Ui5Op4As3Df2'],
    ],
    ['starting a user sentence', '"Session 9e4c1a7f02b35d68 started for user lin4."', ['9e4c1a7f02b35d68']],
    ['at the end of a sentence', 'user bo signed in, session 7Hq2Xk9Lm4Tz.', ['7Hq2Xk9Lm4Tz']],
    [
      'a long generated value, in a line about no login',
      'coupon rejected for session 4e0740b562bedb8b60ce05c1decfe3ad: expired',
      ['4e0740b562bedb8b60ce05c1decfe3ad'],
    ],
    [
      'a long generated value after a session class',
      'SessionStore "7kq2m9x4vz8p1r5t3w6y0n2b" saved',
      ['7kq2m9x4vz8p1r5t3w6y0n2b'],
    ],
  ])('finds %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['a session number', 'login ok user=a session=0000001042 seq=1 and session_id=4821'],
    ['a hex number', 'Established session 0x14ed93111f2002a with negotiated timeout for user x'],
    ['a reference: a word and a number', 'HGETALL session:ORD-448120 and sessionid=<imapd-4410-1765013311-2>'],
    ['words joined', 'user x: Initializing session [s_m_load_orders] and session Lobby_East_4'],
    ['a word or a masked value', 'PORTALSESSID=deleted session=******** session_id=null sid=<redacted>'],
    ['camelCase words', 'user x: session=SessionManagerImpl sid=AnonymousIdentityToken'],
    ['a URL', 'login for user x: session=https://idp.example.org/s/4f3a1b2c'],
    ['another property of a session', 'session_state=7f3e9a1c2b5d session_ip=10.0.0.9 SessionName=Ab12Cd34Ef'],
    [
      'a vendor record id under a Sid key',
      'MessageSid=SM9f3c1a7e2b6d4a8f0c5e1b3d7a9f2c4e AccountSid=AC0c5e1b3d7a9f2c4e9f3c1a7e2b6d4a8f',
    ],
    ['a Windows SID', 'Security ID: sid=S-1-5-21-3623811015-3361044348-30300820-1013'],
    ['a path', 'SESSID=./../../etc/passwd and session=/var/lib/php/sess_4f3a1b'],
    ['a Wi-Fi network', 'ssid=Guest2Ghz4Net bssid=a4c1e0f3b2d1 for user x'],
    ['a word that only holds the letters', 'outside:10.0.0.1/443 inside:4f3a1b2c9d8e consider=Ab12Cd34Ef'],
    ['prose with no login, user or account', 'fc-sync: session 2b77cf32-5fd7-4e81-9407-1ec55129ada8 closed normally'],
    [
      'prose with a domain but no email',
      'sync to files.example.org: session 2b77cf32-5fd7-4e81-9407-1ec55129ada8 closed',
    ],
    [
      'prose that says email but names no user',
      'newsletter: email campaign session 7A3B2C1D4E5F6071 queued 5000 messages; e-mail batch session 4C1E9A7B20D35F86',
    ],
    [
      'the session of a mail protocol in a line with an address',
      'mailer: sent digest to ops@example.com, smtp session 4C1E9A7B20D35F86 closed; LMTP session Qw8Er7Ty6Ui5 done',
    ],
    [
      "an SSH algorithm's name, no address",
      'kex: curve25519-sha256@libssh.org session 5F2A81C3B4D9E016 established, hostkey ssh-ed25519-cert-v01@openssh.com',
    ],
    [
      'the session of a protocol',
      'user x: TLS session 5F2A81C3B4D9E016 resumed; RADIUS accounting session 7A3B2C1D4E5F6071 for user y',
    ],
    [
      'the session of a job',
      'backup job "nightly" for account ops7 started session 9b21c7d4-0e5f-4a3b-8c6d-1e2f3a4b5c6d',
    ],
    ['a session verb or state', 'session opened for user news by (uid=0); session closed for user cyrus'],
    ['a counter or a word after session', 'session 4821 opened; session abcdefghijklmnopqrstuvwx closed'],
    ['a short hex id after session, in no login line', 'session 5d41402abc4b2a76 ended'],
    [
      'a long value of a protocol session',
      'TLSv1.3 session reused, session id 1de4fc99f81dfe88c7f7d9c17568ba9aa24fd4ec',
    ],
  ])('leaves %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });

  test('a JWT under a session key stays a jwt', () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4IiwiaWF0IjoxNzAwMDAwMDAwfQ.q9Zb3lE0sWmJk2pT7Yx4Nc8Rv1Ga6Hu5Do0Fi3Kw2Le';
    expect(
      createPiiScanner()
        .scan(`session=${jwt}; Path=/`)
        .map((m) => [m.type, m.value]),
    ).toEqual([['jwt', jwt]]);
  });

  test.each([
    ['sid', 'sid=8c1e4b7a9d', ['8c1e4b7a9d']],
    ['connect.sid', 'connect.sid=Nq4Rt7uVw2XyA9', ['Nq4Rt7uVw2XyA9']],
    ['JSESSIONID', 'JSESSIONID=Nq4Rt7uVw2XyA9', ['Nq4Rt7uVw2XyA9']],
    ['sessionIndex', 'sessionIndex=Nq4Rt7uVw2XyA9', ['Nq4Rt7uVw2XyA9']],
    ['session_uid', 'session_uid=Nq4Rt7uVw2XyA9', ['Nq4Rt7uVw2XyA9']],
    ['MoodleSession', 'MoodleSession=Nq4Rt7uVw2XyA9', ['Nq4Rt7uVw2XyA9']],
    ['session_state', 'session_state=Nq4Rt7uVw2XyA9', []],
    ['SessionName', 'SessionName=Nq4Rt7uVw2XyA9', []],
    ['ssid', 'ssid=Nq4Rt7uVw2XyA9', []],
    ['inside', 'inside=Nq4Rt7uVw2XyA9', []],
  ])('a generated value under %s', (_key, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['8c1e4b7a', ['8c1e4b7a']],
    ['Nq4Rt7uVw2XyA9', ['Nq4Rt7uVw2XyA9']],
    ['12345678', []],
    ['TKT-449120', []],
    ['web-node-3.cluster.lan', []],
    ['2026-12-04T08:02:44', []],
  ])('session_id=%s', (value, expected) => {
    expect(findValues(detector, `session_id=${value} ok`)).toEqual(expected);
  });
});
