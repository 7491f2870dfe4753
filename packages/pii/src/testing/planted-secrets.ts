import { crc32 } from 'node:zlib';

/** One secret or identity planted in a log line: what an end-to-end test must never see again downstream. */
export interface PlantedSecret {
  readonly kind: string;
  /** The line as a client sends it. */
  readonly line: string;
  /** The value that must not appear in anything that leaves the process. */
  readonly value: string;
}

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A deterministic run that looks random: the same fixture every run, but no repeated pattern a detector could key on. */
function randomish(length: number, seed: number, alphabet = base62): string {
  let state = seed >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out += alphabet[(state >>> 16) % alphabet.length];
  }
  return out;
}

function toBase62(n: number, width: number): string {
  let s = '';
  for (; n > 0; n = Math.floor(n / 62)) s = base62[n % 62] + s;
  return s.padStart(width, '0');
}

/** A GitHub-layout token (prefix, 30 random base62, CRC32 of them in 6 base62 digits), as GitHub and npm issue them. */
function checksummed(prefix: string, seed: number): string {
  const body = randomish(30, seed);
  return `${prefix}_${body}${toBase62(crc32(body), 6)}`;
}

/**
 * One planted value of every kind issue 11 and issue 9 name: vendor tokens without a key name in front, passwords
 * as command arguments and in other spellings, PII forms, identities. Built programmatically (tokens carry valid
 * checksums); every value is made up.
 */
export function plantedSecrets(): PlantedSecret[] {
  const plant = (kind: string, value: string, line: (v: string) => string): PlantedSecret => ({
    kind,
    value,
    line: line(value),
  });
  return [
    plant('github token after docker login -p', checksummed('ghp', 11), (v) => `+ docker login -u ci -p ${v} ghcr.io`),
    plant(
      'github fine-grained token in prose',
      `github_pat_11${randomish(20, 12, base62.slice(0, 36))}_${randomish(59, 13)}`,
      (v) => `using ${v} for the release`,
    ),
    plant(
      'slack bot token',
      `xoxb-${randomish(12, 14, '0123456789')}-${randomish(13, 15, '0123456789')}-${randomish(24, 16)}`,
      (v) => `slack client ready with ${v}`,
    ),
    plant(
      'slack user token',
      `xoxp-${randomish(12, 17, '0123456789')}-${randomish(12, 18, '0123456789')}-${randomish(13, 19, '0123456789')}-${randomish(32, 20, '0123456789abcdef')}`,
      (v) => `token ${v} revoked`,
    ),
    plant(
      'slack webhook path',
      `T${randomish(8, 21, base62.slice(0, 36))}/B${randomish(10, 22, base62.slice(0, 36))}/${randomish(24, 23)}`,
      (v) => `POST https://hooks.slack.com/services/${v} 404`,
    ),
    plant(
      'stripe key after --api-key',
      `sk_live_${randomish(24, 24)}`,
      (v) => `stripe listen --api-key ${v} --forward-to localhost:4242`,
    ),
    plant(
      'google api key in a query',
      `AIza${randomish(35, 25)}`,
      (v) => `GET /maps/api/geocode/json?address=x&key=${v} 200`,
    ),
    plant(
      'azure account key',
      `${randomish(86, 26, `${base62}+/`)}==`,
      (v) => `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${v};EndpointSuffix=core.windows.net`,
    ),
    plant(
      'azure sas signature',
      `${randomish(43, 27)}%3D`,
      (v) => `GET https://acme.blob.core.windows.net/c/b?sv=2022-11-02&sp=r&sig=${v} 403`,
    ),
    plant(
      'npm token in npm config',
      checksummed('npm', 28),
      (v) => `npm config set //registry.npmjs.org/:_authToken ${v}`,
    ),
    plant('gitlab token', `glpat-${randomish(20, 29)}`, (v) => `git remote set-url origin with ${v}`),
    plant('sendgrid key', `SG.${randomish(22, 30)}.${randomish(43, 31)}`, (v) => `sendgrid rejected ${v}`),
    plant('twilio api key', `SK${randomish(32, 32, '0123456789abcdef')}`, (v) => `twilio key ${v} disabled`),
    plant('openai key', `sk-proj-${randomish(40, 33)}T3BlbkFJ${randomish(40, 34)}`, (v) => `OPENAI_API_KEY=${v}`),
    plant('xai key', `xai-${randomish(80, 35)}`, (v) => `using xAI with ${v}`),
    plant(
      'hugging face token',
      `hf_${randomish(34, 36, base62.slice(10))}`,
      (v) => `huggingface-cli login --token ${v}`,
    ),
    plant('datadog api key', randomish(32, 37, '0123456789abcdef'), (v) => `DD_API_KEY=${v} datadog-agent start`),
    plant('pypi token', `pypi-AgEIcHlwaS5vcmc${randomish(70, 38)}`, (v) => `twine upload -p ${v} dist/*`),
    plant('docker hub token', `dckr_pat_${randomish(27, 39)}`, (v) => `echo ${v} | docker login --password-stdin`),
    plant(
      'age secret key',
      `AGE-SECRET-KEY-1${randomish(58, 40, 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L')}`,
      (v) => `identity ${v} loaded`,
    ),
    plant(
      'pgp private block',
      `-----BEGIN PGP PRIVATE KEY BLOCK-----\\n${randomish(64, 41)}\\n-----END PGP PRIVATE KEY BLOCK-----`,
      (v) => `gpg export: ${v}`,
    ),
    plant('mysql -p glued', `Pl4nted${randomish(6, 42)}`, (v) => `mysqldump -u backup -p${v} shop > dump.sql`),
    plant('sshpass -p', `Ss-${randomish(10, 43)}`, (v) => `sshpass -p '${v}' ssh deploy@bastion`),
    plant('redis-cli -a', `Rd${randomish(12, 44)}`, (v) => `redis-cli -h cache -a ${v} PING`),
    plant('--password with a space', `u7${randomish(9, 45)}-3xQ`, (v) => `backup-tool --password ${v} --verbose`),
    plant('sql PASSWORD', `Sq1-${randomish(10, 46)}`, (v) => `ALTER ROLE app WITH LOGIN PASSWORD '${v}';`),
    plant('login() call', `Lg${randomish(11, 47)}`, (v) => `smtp.login("mailer@example.com", "${v}")`),
    plant(
      'xml password element',
      `Xm${randomish(11, 48)}`,
      (v) => `<datasource><password>${v}</password></datasource>`,
    ),
    plant('.netrc password', `Nr${randomish(11, 49)}`, (v) => `machine api.example.com login bot password ${v}`),
    plant('aws configure set', randomish(40, 50, `${base62}/+`), (v) => `aws configure set aws_secret_access_key ${v}`),
    plant('api key in prose', `Ak${randomish(18, 51)}`, (v) => `the api key is ${v}`),
    plant('authorization header', `Zx${randomish(30, 52)}`, (v) => `AUTHORIZATION: Token ${v}`),
    plant('cookie header', randomish(32, 53), (v) => `cookie: theme=dark; sessionid=${v}`),
    plant('tel: uri', '+1-931-555-7300', (v) => `callback requested at tel:${v}`),
    plant('url-encoded email', 'li%40shop.example.fr', (v) => `GET /unsubscribe?email=${v}&list=weekly`),
    plant('email with an apostrophe', "d'wang@example.com", (v) => `mail bounced for ${v}`),
    plant(
      'user name after Invalid user',
      'zqplanteduser',
      (v) => `sshd[1]: Invalid user ${v} from 203.0.113.77 port 52211`,
    ),
    plant(
      'user name after user=',
      'zqplantedguest',
      (v) => `pam_unix: authentication failure; logname= uid=0 user=${v}`,
    ),
    plant('home directory', 'zqplantedhome', (v) => `open /home/${v}/.ssh/id_rsa: permission denied`),
    plant('host name with an embedded ip', 'calvisitor-10-105-160-95', (v) => `${v} kernel: wifi reconnect`),
  ];
}
