// Synthetic PII and secret values for the corpus: random, but shaped like the real thing (checksums included), so a
// detector is scored on formats, not on a handful of memorised strings. Every value is made up here.
const zlib = require('node:zlib');

/** A small seeded PRNG (mulberry32): the corpus is reproducible from the seed. */
function createRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[int(0, list.length - 1)];
  const chars = (alphabet, n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[int(0, alphabet.length - 1)];
    return s;
  };
  return { next, int, pick, chars };
}

const DIGITS = '0123456789';
const HEX = '0123456789abcdef';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const BASE62 = DIGITS + UPPER + LOWER;
const BASE64 = UPPER + LOWER + DIGITS + '+/';
const BASE64URL = UPPER + LOWER + DIGITS + '-_';

function base62(n, width) {
  let s = '';
  do {
    s = BASE62[n % 62] + s;
    n = Math.floor(n / 62);
  } while (n > 0);
  return s.padStart(width, '0');
}

function luhnDigit(body) {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

function mod97(numeric) {
  let r = 0;
  for (const ch of numeric) r = (r * 10 + Number(ch)) % 97;
  return r;
}

function createValues(seed) {
  const r = createRandom(seed);
  const first = [
    'jane',
    'li',
    'omar',
    'sofia',
    'k',
    'priya',
    'mateo',
    'anna',
    'chen',
    'fatima',
    'noah',
    'yuki',
    'lars',
    'amara',
    'diego',
    'ines',
    'tom',
    'olga',
  ];
  const last = [
    'doe',
    'wang',
    'haddad',
    'rossi',
    'nguyen',
    'patel',
    'garcia',
    'berg',
    'okafor',
    'muller',
    'silva',
    'kowalski',
    'tanaka',
    'dubois',
  ];
  const domains = [
    'example.com',
    'example.org',
    'shop.example.fr',
    'mail.example.net',
    'corp.example.co.uk',
    'example.io',
    'students.example.edu',
    'example.de',
  ];
  const users = [
    'jdoe',
    'alice',
    'bwang',
    'deploy_bot',
    'm.rossi',
    'svc-backup',
    'kpatel',
    'nguyen7',
    'webmaster',
    'olga.k',
    'tanaka_y',
    'cyrus',
    'guest',
    'ftpuser',
    'dbadmin',
    'x_chen',
  ];

  const v = {
    r,
    hex: (n) => r.chars(HEX, n),
    digits: (n) => r.chars(DIGITS, n),
    base62: (n) => r.chars(BASE62, n),
    base64: (n) => r.chars(BASE64, n),
    user: () => r.pick(users),
    name: () => r.pick(first),
    email() {
      const shape = r.int(0, 5);
      const local =
        shape === 0
          ? `${r.pick(first)}.${r.pick(last)}`
          : shape === 1
            ? `${r.pick(first)}${r.int(1, 99)}`
            : shape === 2
              ? `${r.pick(first)}+${r.pick(['alerts', 'test', 'billing'])}`
              : shape === 3
                ? `${r.pick(first)[0]}_${r.pick(last)}`
                : shape === 4
                  ? `${r.pick(['d', 'o', 'l'])}'${r.pick(last)}`
                  : `${r.pick(last)}`;
      return `${local}@${r.pick(domains)}`;
    },
    ipv4() {
      const firstOctet = r.pick([10, 172, 192, 203, 198, 100, 34, 52, 81, 185, 91, 62, 220, 45]);
      return [firstOctet, r.int(0, 255), r.int(0, 255), r.int(1, 254)].join('.');
    },
    ipv6() {
      const g = () => r.chars(HEX, r.int(1, 4)).replace(/^0+(?=.)/, '');
      const shape = r.int(0, 3);
      if (shape === 0) return `2001:db8:${g()}:${g()}::${g()}`;
      if (shape === 1) return `fe80::${g()}:${r.chars(HEX, 2)}ff:fe${r.chars(HEX, 2)}:${g()}`;
      if (shape === 2) return Array.from({ length: 8 }, g).join(':');
      return `2a02:${g()}:${g()}::${g()}:${g()}`;
    },
    mac(sep = r.pick([':', '-'])) {
      const pairs = Array.from({ length: 6 }, () => r.chars(HEX, 2));
      pairs[0] = (parseInt(pairs[0], 16) & 0xfc).toString(16).padStart(2, '0');
      return r.next() < 0.5 ? pairs.join(sep) : pairs.join(sep).toUpperCase();
    },
    phone() {
      const shape = r.int(0, 5);
      if (shape === 0) return `+1 ${r.int(201, 989)}-555-${v.digits(4)}`;
      if (shape === 1) return `(${r.int(201, 989)}) 555-${v.digits(4)}`;
      if (shape === 2) return `+44 20 7946 ${v.digits(4)}`;
      if (shape === 3) return `+49 30 ${v.digits(7)}`;
      if (shape === 4) return `+33 6 ${v.digits(2)} ${v.digits(2)} ${v.digits(2)} ${v.digits(2)}`;
      return `${r.int(201, 989)}.555.${v.digits(4)}`;
    },
    card() {
      const shape = r.int(0, 2);
      if (shape === 0) {
        const body = '4' + v.digits(14);
        const n = body + luhnDigit(body);
        return r.next() < 0.5 ? n : n.replace(/(\d{4})(?=\d)/g, '$1 ');
      }
      if (shape === 1) {
        const body = String(r.int(51, 55)) + v.digits(13);
        const n = body + luhnDigit(body);
        return r.next() < 0.5 ? n : n.replace(/(\d{4})(?=\d)/g, '$1-');
      }
      const body = r.pick(['34', '37']) + v.digits(12);
      const n = body + luhnDigit(body);
      return `${n.slice(0, 4)} ${n.slice(4, 10)} ${n.slice(10)}`;
    },
    iban() {
      const [country, length] = r.pick([
        ['DE', 22],
        ['GB', 22],
        ['FR', 27],
        ['NL', 18],
        ['ES', 24],
        ['IT', 27],
      ]);
      let bban = '';
      if (country === 'GB') bban = 'NWBK' + v.digits(14);
      else if (country === 'NL') bban = 'ABNA' + v.digits(10);
      else if (country === 'IT') bban = 'X' + v.digits(22);
      else bban = v.digits(length - 4);
      const numeric = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
      const check = String(98 - mod97(numeric)).padStart(2, '0');
      const iban = country + check + bban;
      return r.next() < 0.5 ? iban : iban.replace(/(.{4})(?=.)/g, '$1 ');
    },
    ssn() {
      return `${r.int(101, 665)}-${String(r.int(1, 99)).padStart(2, '0')}-${String(r.int(1, 9999)).padStart(4, '0')}`;
    },
    jwt() {
      const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
      return `${b64({ alg: r.pick(['HS256', 'RS256']), typ: 'JWT' })}.${b64({ sub: v.digits(6), iat: 1700000000 + r.int(0, 9e6) })}.${r.chars(BASE64URL, 43)}`;
    },
    awsAccessKey: () => r.pick(['AKIA', 'ASIA']) + r.chars(UPPER + '234567', 16),
    awsSecretKey: () => r.chars(BASE64, 40),
    privateKey(
      kind = r.pick([
        'RSA PRIVATE KEY',
        'PRIVATE KEY',
        'OPENSSH PRIVATE KEY',
        'EC PRIVATE KEY',
        'PGP PRIVATE KEY BLOCK',
      ]),
    ) {
      return `-----BEGIN ${kind}-----\\n${r.chars(BASE64, 64)}\\n${r.chars(BASE64, 40)}=\\n-----END ${kind}-----`;
    },
    password: () =>
      r.pick([
        `${r.pick(first)}${r.int(10, 99)}!`,
        r.chars(BASE62 + '-_!#%', r.int(10, 18)),
        `${r.pick(['Summer', 'Winter', 'Blue', 'Tiger'])}${r.int(2019, 2026)}#`,
        r.chars(LOWER + DIGITS, 12),
      ]),
    /** A GitHub classic token: prefix, 30 random base62, then the CRC32 of those 30 as 6 base62 digits. */
    github(prefix = r.pick(['ghp', 'gho', 'ghu', 'ghs', 'ghr'])) {
      const body = r.chars(BASE62, 30);
      return `${prefix}_${body}${base62(zlib.crc32(body), 6)}`;
    },
    githubPat: () => `github_pat_11${r.chars(UPPER + DIGITS, 20)}_${r.chars(BASE62, 59)}`,
    /** npm's granular tokens share GitHub's layout: 30 random base62 and a 6-digit CRC32. */
    npm() {
      const body = r.chars(BASE62, 30);
      return `npm_${body}${base62(zlib.crc32(body), 6)}`;
    },
    gitlab: () =>
      r.pick([
        `glpat-${r.chars(BASE62 + '-_', 20)}`,
        `glpat-${r.chars(BASE62 + '-_', 27)}.01.${r.chars(LOWER + DIGITS, 9)}`,
        `gldt-${r.chars(BASE62 + '-_', 20)}`,
        `glrt-${r.chars(BASE62 + '-_', 20)}`,
      ]),
    slack: () =>
      r.pick([
        `xoxb-${v.digits(12)}-${v.digits(13)}-${r.chars(BASE62, 24)}`,
        `xoxp-${v.digits(12)}-${v.digits(12)}-${v.digits(13)}-${v.hex(32)}`,
        `xapp-1-A${r.chars(UPPER + DIGITS, 10)}-${v.digits(13)}-${v.hex(64)}`,
      ]),
    slackWebhookPath: () => `T${r.chars(UPPER + DIGITS, 8)}/B${r.chars(UPPER + DIGITS, 10)}/${r.chars(BASE62, 24)}`,
    stripe: () => `${r.pick(['sk', 'rk'])}_${r.pick(['live', 'test'])}_${r.chars(BASE62, r.pick([24, 99]))}`,
    google: () => `AIza${r.chars(BASE62 + '-_', 35)}`,
    azureKey: () => `${r.chars(BASE64, 86)}==`,
    azureSig: () => encodeURIComponent(`${r.chars(BASE64, 43)}=`),
    sendgrid: () => `SG.${r.chars(BASE62 + '-_', 22)}.${r.chars(BASE62 + '-_', 43)}`,
    twilio: () => `SK${v.hex(32)}`,
    openai: () =>
      r.pick([
        `sk-proj-${r.chars(BASE62 + '-_', 74)}T3BlbkFJ${r.chars(BASE62 + '-_', 74)}`,
        `sk-${r.chars(BASE62, 20)}T3BlbkFJ${r.chars(BASE62, 20)}`,
        `sk-svcacct-${r.chars(BASE62 + '-_', 58)}T3BlbkFJ${r.chars(BASE62 + '-_', 58)}`,
      ]),
    xai: () => `xai-${r.chars(BASE62, 80)}`,
    huggingface: () => `hf_${r.chars(UPPER + LOWER, 34)}`,
    datadog: () => v.hex(32),
    pypi: () => `pypi-AgEIcHlwaS5vcmc${r.chars(BASE64URL, r.int(60, 120))}`,
    docker: () => `dckr_pat_${r.chars(BASE62 + '-_', 27)}`,
    age: () => `AGE-SECRET-KEY-1${r.chars('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58)}`,
    /** Any one vendor token, for lines where the vendor doesn't matter. */
    anyToken() {
      return r.pick([
        v.github,
        v.githubPat,
        v.npm,
        v.gitlab,
        v.slack,
        v.stripe,
        v.google,
        v.sendgrid,
        v.twilio,
        v.openai,
        v.xai,
        v.huggingface,
        v.pypi,
        v.docker,
      ])();
    },
    home: () =>
      r.pick([
        `/home/${r.pick(users)}`,
        `/Users/${r.pick(first)}${r.pick(['', '.' + r.pick(last)])}`,
        `C:\\Users\\${r.pick(first)}`,
      ]),
    ipHost() {
      const ip = [r.pick([10, 81, 220, 62, 54, 172]), r.int(0, 255), r.int(0, 255), r.int(1, 254)];
      return r.pick([
        () => `ip-${ip.join('-')}.ec2.internal`,
        () => `${ip.join('-')}.dynamic.example-isp.net`,
        () => `host-${ip.join('-')}`,
        () => `ec2-${ip.join('-')}.compute-1.amazonaws.com`,
        () => `${ip.join('.')}.static.example-isp.com`,
        () => `pool-${ip.join('-')}.bstn.example.net`,
        () => `${r.pick(['laptop', 'calvisitor', 'dhcp', 'node'])}-${ip.join('-')}`,
      ])();
    },
    uuid: () => `${v.hex(8)}-${v.hex(4)}-4${v.hex(3)}-${r.pick(['8', '9', 'a', 'b'])}${v.hex(3)}-${v.hex(12)}`,
    sha: (n = r.pick([32, 40, 64])) => v.hex(n),
  };
  return v;
}

module.exports = { createValues, base62, luhnDigit };
