import { createHash } from 'node:crypto';
import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createTokenDetector } from './token';

const hex = '0123456789abcdef';
const digits = '0123456789';
const lowerAlnum = 'abcdefghijklmnopqrstuvwxyz0123456789';
const upperAlnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const base62 = `ABCDEFGHIJKLMNOPQRSTUVWXYZ${lowerAlnum}`;
const base64url = `${base62}_-`;
const base64 = `${base62}+/`;

/** Fills a run of `length` characters of `alphabet`: at random, with a placeholder, or too short. */
type Fill = (alphabet: string, length: number) => string;

/** Random runs drawn from SHA-256 of a seed and a counter: reproducible, so a failing token can be rebuilt. */
function randomFill(seed: number): Fill {
  let run = 0;
  return (alphabet, length) => {
    let out = '';
    for (let block = 0; out.length < length; block++)
      for (const byte of createHash('sha256').update(`${seed}:${run}:${block}`).digest())
        out += alphabet[byte % alphabet.length];
    run++;
    return out.slice(0, length);
  };
}

/** What documentation prints instead of a key: `xxxx`, `XXXX` or `0000`. */
const placeholderFill: Fill = (alphabet, length) =>
  (alphabet.includes('x') ? 'x' : alphabet.includes('X') ? 'X' : '0').repeat(length);

/** A real token's shape with its last random run a third as long: the same prefix, the wrong length. */
function shortFill(seed: number, runs: number): Fill {
  const fill = randomFill(seed);
  let run = 0;
  return (alphabet, length) => fill(alphabet, ++run === runs ? Math.floor(length / 3) : length);
}

const uuid = (f: Fill): string => `${f(hex, 8)}-${f(hex, 4)}-4${f(hex, 3)}-a${f(hex, 3)}-${f(hex, 12)}`;

/** Each vendor format: how its token is built from random runs, and the line it is logged in. */
const formats: ReadonlyArray<readonly [vendor: string, build: (f: Fill) => string, line?: (token: string) => string]> =
  [
    ['Clojars', (f) => `CLOJARS_${f(lowerAlnum, 60)}`],
    ['NuGet', (f) => `oy2${f(lowerAlnum, 43)}`, (t) => `dotnet nuget push pkg.nupkg --api-key ${t} -s nuget.org`],
    ['Prefect', (f) => `pnu_${f(base62, 36)}`],
    ['ReadMe', (f) => `rdme_${f(lowerAlnum, 70)}`],
    ['Scalingo', (f) => `tk-us-${f(base64url, 48)}`],
    ['Infracost', (f) => `ico-${f(base62, 32)}`],
    ['Harness', (f) => `pat.${f(base64url, 22)}.${f(base62, 24)}.${f(base62, 20)}`],
    ['Sourcegraph', (f) => `sgp_${f(hex, 16)}_${f(hex, 40)}`],
    ['dbt Cloud', (f) => `dbtc_${f(base64url, 56)}`],
    ['Socket', (f) => `sktsec_${f(base62, 48)}`],
    ['Azure DevOps', (f) => `${f(base62, 52)}JQQJ99BDACAAAAAAAAAAAAASAZDO${f(base62, 4)}`],
    [
      'OpenShift',
      (f) => `sha256~${f(base64url, 43)}`,
      (t) => `oc login --token=${t} --server=https://api.ocp.example:6443`,
    ],
    ['Rancher', (f) => `token-${f(lowerAlnum, 5)}:${f(lowerAlnum, 54)}`],
    ['Portainer', (f) => `ptr_${f(base64, 43)}=`],
    ['Cloudflare origin CA', (f) => `v1.0-${f(hex, 24)}-${f(hex, 146)}`],
    ['Cloudflare tunnel', (f) => `eyJhIjoi${f(base64, 160)}`, (t) => `cloudflared tunnel run --token ${t}`],
    ['Grafana API key', (f) => `eyJrIjoi${f(base62, 90)}`],
    ['Akamai EdgeGrid', (f) => `akab-${f(lowerAlnum, 16)}-${f(lowerAlnum, 16)}`, (t) => `client_token = ${t}`],
    ['Defined Networking', (f) => `dnkey-${f(base62, 26)}-${f(base62, 52)}`],
    ['Tencent Cloud', (f) => `AKID${f(base62, 32)}`],
    ['Yandex API key', (f) => `AQVN${f(base64url, 36)}`],
    ['Yandex IAM', (f) => `t1.${f(base64url, 60)}.${f(base64url, 86)}`],
    ['Scaleway', (f) => `SCW${f(upperAlnum, 17)}`],
    ['Google refresh token', (f) => `1//0${f(base64url, 100)}`],
    ['Backblaze B2', (f) => `K005${f(base62, 27)}`, (t) => `b2 authorize-account 0051a2b3c4d5e6f0000000001 ${t}`],
    ['Vercel Blob', (f) => `vercel_blob_rw_${f(base62, 16)}_${f(base62, 30)}`],
    [
      'Azure storage account key',
      (f) => `${f(base64, 86)}==`,
      (t) => `AZURE_ACCOUNT_NAME=backups AZURE_STORAGE_ACCOUNT_KEY=${t} restic snapshots`,
    ],
    [
      'Azure App Configuration',
      (f) => `${f(base64, 43)}=`,
      (t) => `Endpoint=https://cfg-prod.azconfig.io;Id=Ab1c-l0-s0:Xy9zQwErTy12;Secret=${t}`,
    ],
    ['Firebase server key', (f) => `AAAA${f(base64url, 7)}:APA91b${f(base64url, 134)}`],
    [
      '1Password secret key',
      (f) =>
        `A3-${f(upperAlnum, 6)}-${f(upperAlnum, 6)}-${f(upperAlnum, 5)}-${f(upperAlnum, 5)}-${f(upperAlnum, 5)}-${f(upperAlnum, 5)}`,
    ],
    ['Stytch', (f) => `secret-live-${f(base64url, 36)}`],
    ['Statsig', (f) => `secret-${f(base62, 43)}`],
    ['LaunchDarkly', (f) => `sdk-${uuid(f)}`, (t) => `LD_SDK_KEY=${t} node server.js`],
    ['Unleash, all projects', (f) => `*:production.${f(hex, 64)}`, (t) => `UNLEASH_API_TOKEN=${t} npm start`],
    [
      'Unleash, the default project',
      (f) => `default:development.${f(hex, 64)}`,
      (t) => `api-token-middleware: Invalid API token used: ${t} from 10.0.0.9`,
    ],
    ['Flagsmith', (f) => `ser.${f(base62, 22)}`],
    ['PostHog', (f) => `phx_${f(base62, 47)}`],
    ['New Relic insert key', (f) => `NRII-${f(base64url, 32)}`],
    ['Honeycomb', (f) => `hcaik_${f(lowerAlnum, 58)}`],
    ['Elastic Cloud', (f) => `essu_${f(base64, 80)}`],
    ['Axiom', (f) => `xaat-${uuid(f)}`],
    ['Coralogix', (f) => `cxtp_${f(base62, 30)}`],
    ['PagerDuty', (f) => `u+${f(base62, 18)}`, (t) => `Authorization: Token token=${t}`],
    ['Honeybadger', (f) => `hbp_${f(base62, 36)}`],
    ['Rootly', (f) => `rootly_${f(hex, 64)}`],
    ['Mailchimp', (f) => `${f(hex, 32)}-us14`],
    ['Mandrill', (f) => `md-${f(base62, 22)}`],
    ['Resend', (f) => `re_${f(base62, 8)}_${f(base62, 24)}`],
    ['MailerSend', (f) => `mlsn.${f(base62, 64)}`],
    ['OneSignal', (f) => `os_v2_app_${f(lowerAlnum, 110)}`],
    [
      'Microsoft Teams webhook',
      (f) => `${uuid(f)}@${uuid(f)}/IncomingWebhook/${f(hex, 32)}/${uuid(f)}`,
      (t) => `POST https://acme.webhook.office.com/webhookb2/${t} 200`,
    ],
    ['Matrix (Synapse)', (f) => `syt_${f(base62, 12)}_${f(base62, 20)}_${f(base62, 6)}`],
    ['Twitch chat', (f) => `oauth:${f(lowerAlnum, 30)}`, (t) => `PASS ${t}`],
    ['YouTrack', (f) => `perm:${f(base64, 8)}==.${f(base64, 12)}.${f(base62, 30)}`],
    ['Braintree', (f) => `access_token$production$${f(lowerAlnum, 16)}$${f(hex, 32)}`],
    ['PayPal', (f) => `A21AA${f(base64url, 92)}`, (t) => `Authorization: Bearer ${t}`],
    ['Checkout.com', (f) => `sk_sbox_${f(lowerAlnum, 26)}`],
    ['Flutterwave', (f) => `FLWSECK_TEST-${f(hex, 32)}-X`],
    ['Plaid', (f) => `access-production-${uuid(f)}`],
    ['Mercado Pago', (f) => `APP_USR-${f(digits, 16)}-${f(digits, 6)}-${f(hex, 32)}-${f(digits, 9)}`],
    ['Paddle', (f) => `pdl_live_apikey_${f(lowerAlnum, 26)}_${f(base62, 22)}_${f(base62, 3)}`],
    ['Shippo', (f) => `shippo_live_${f(hex, 40)}`],
    ['EasyPost', (f) => `EZAK${f(base62, 54)}`],
    ['Duffel', (f) => `duffel_live_${f(base64url, 43)}`],
    ['WooCommerce', (f) => `ck_${f(hex, 40)}`, (t) => `GET /wp-json/wc/v3/orders?consumer_key=${t}&per_page=20`],
    ['Midtrans', (f) => `SB-Mid-server-${f(base64url, 24)}`],
    ['Square', (f) => `EAAA${f(base64url, 60)}`, (t) => `Authorization: Bearer ${t}`],
    ['Facebook', (f) => `EAA${f(base62, 180)}`, (t) => `GET /v19.0/me/accounts?access_token=${t}`],
    ['Salesforce', (f) => `00D${f(base62, 12)}!${f(base62, 30)}.${f(base62, 60)}`, (t) => `sessionId=${t}`],
    ['Zoho', (f) => `1000.${f(hex, 32)}.${f(hex, 32)}`],
    ['Klaviyo', (f) => `pk_${f(hex, 34)}`],
    ['ClickUp', (f) => `pk_${f(digits, 8)}_${f(upperAlnum, 32)}`],
    ['Contentful', (f) => `CFPAT-${f(base64url, 43)}`],
    ['Intercom', (f) => `dG9rOj${f(base64, 54)}=`, (t) => `Authorization: Bearer ${t}`],
    ['Trello', (f) => `ATTA${f(hex, 64)}${f('0123456789ABCDEF', 8)}`],
    ['Airtable', (f) => `pat${f(base62, 14)}.${f(hex, 64)}`],
    ['Adobe', (f) => `p8e-${f(base62, 32)}`],
    ['Frame.io', (f) => `fio-u-${f(base64url, 64)}`],
    ['Typeform', (f) => `tfp_${f(base62, 44)}_${f(base62, 14)}`],
    ['Dropbox', (f) => `sl.${f(base64url, 140)}`, (t) => `Authorization: Bearer ${t}`],
    ['DeepL', (f) => `${uuid(f)}:fx`, (t) => `Authorization: DeepL-Auth-Key ${t}`],
    ['Adafruit IO', (f) => `aio_${f(base62, 28)}`],
    ['Riot Games', (f) => `RGAPI-${uuid(f)}`],
    ['X (Twitter) bearer', (f) => `${'A'.repeat(22)}${f(base62, 90)}`, (t) => `Authorization: Bearer ${t}`],
    ['Instagram', (f) => `IGQV${f(base64url, 150)}`],
    ['Pinterest', (f) => `pina_${f(base62, 96)}`],
    ['Login with Amazon', (f) => `Atza|${f(base64url, 180)}`, (t) => `x-amz-access-token: ${t}`],
    ['DeepSeek', (f) => `sk-${f(hex, 32)}`],
    ['ElevenLabs', (f) => `sk_${f(hex, 48)}`, (t) => `xi-api-key: ${t}`],
    ['LangSmith', (f) => `lsv2_pt_${f(hex, 32)}_${f(hex, 10)}`],
    ['Langfuse', (f) => `sk-lf-${uuid(f)}`],
    ['NVIDIA', (f) => `nvapi-${f(base64url, 64)}`],
    ['Tavily', (f) => `tvly-dev-${f(base62, 32)}`],
    ['Firecrawl', (f) => `fc-${f(hex, 32)}`],
    ['Jina', (f) => `jina_${f(base62, 60)}`],
    ['LlamaCloud', (f) => `llx-${f(base62, 48)}`],
    ['Together', (f) => `tgp_v1_${f(base64url, 43)}`],
    ['OpenAI session', (f) => `sess-${f(base62, 40)}`],
    ['Cerebras', (f) => `csk-${f(lowerAlnum, 48)}`],
    ['Supabase secret', (f) => `sb_secret_${f(base64url, 31)}`],
    ['Neon', (f) => `napi_${f(lowerAlnum, 64)}`],
    ['MongoDB Atlas', (f) => `mdb_sa_sk_${f(base64url, 48)}`],
    ['CockroachDB Cloud', (f) => `CCDB1_${f(base62, 22)}_${f(base62, 40)}`],
    ['Xata', (f) => `xau_${f(base62, 36)}`],
    ['Appwrite', (f) => `standard_${f(hex, 256)}`],
    ['Tinybird', (f) => `p.eyJ${f(base64url, 60)}.${f(base64url, 43)}`],
    [
      'Convex',
      (f) => `prod:${f(lowerAlnum, 6)}-${f(lowerAlnum, 6)}-123|${f(base64, 80)}`,
      (t) => `CONVEX_DEPLOY_KEY=${t}`,
    ],
    ['ClickHouse Cloud', (f) => `4b1d${f(base62, 38)}`],
    ['Databricks OAuth', (f) => `dose${f(hex, 32)}`],
    ['MaxMind', (f) => `${f(base62, 6)}_${f(base62, 29)}_mmk`],
    ['SettleMint', (f) => `sm_pat_${f(base62, 16)}`],
    ['Doppler service token', (f) => `dp.st.prd.${f(base62, 43)}`],
    ['CircleCI project token', (f) => `CCIPRJ_${f(base62, 22)}_${f(hex, 40)}`],
    ['Bitbucket access token', (f) => `ATCTT3xFfGN0${f(base64url, 180)}`],
  ];

/** The usual places a key is logged: an environment dump, a JSON field, a header, prose. */
const places: ReadonlyArray<(token: string) => string> = [
  (t) => `export SERVICE_API_KEY=${t}`,
  (t) => `{"level":"error","msg":"upstream rejected key","apiKey":"${t}"}`,
  (t) => `curl -sS -H "X-Api-Key: ${t}" https://api.example.test/v1/items`,
  (t) => `worker 3 configured with credential ${t} for tenant acme`,
];

/** How many random runs a build makes (its near miss cuts the last one). */
function runsOf(build: (f: Fill) => string): number {
  let runs = 0;
  build((alphabet, length) => {
    runs++;
    return alphabet.repeat(length).slice(0, length);
  });
  return runs;
}

describe('vendor token formats', () => {
  const detector = createTokenDetector();
  const scanner = createPiiScanner();

  describe.each(formats.map(([vendor, build, line], i) => ({ vendor, build, line, seed: 1000 + i })))(
    '$vendor',
    ({ build, line, seed }) => {
      const token = build(randomFill(seed));
      const text = (line ?? places[seed % places.length] ?? String)(token);

      test('finds a random token of the documented shape as a token where it is logged', () => {
        expect(findValues(detector, text)).toEqual([token]);
        expect(scanner.scan(text).filter((m) => m.value === token)).toEqual([
          expect.objectContaining({ type: 'token', value: token }),
        ]);
      });

      test('leaves a documentation placeholder of the same shape', () => {
        expect(findValues(detector, (line ?? places[0] ?? String)(build(placeholderFill)))).toEqual([]);
      });

      test('leaves the same prefix with a random part too short', () => {
        const nearMiss = build(shortFill(seed, runsOf(build)));
        expect(findValues(detector, (line ?? places[0] ?? String)(nearMiss))).toEqual([]);
      });
    },
  );

  test.each([
    ['a prefix that is an English word or a common name part', 'the dose was 5 mg; user.name=pat.smith; secret-santa'],
    ['a prefix in a message', 'oauth: disabled; perm: denied; token-based auth; access-production-ready; sess-timeout'],
    [
      'a prefix inside a longer word',
      'attach ATTACHMENT_LIMIT; mailchimp-us1 region; openssl.cnf; re_try md-raid fc-host',
    ],
    ['a hex digest that starts like a key', `sha1=4b1d${'0123456789abcdef'.repeat(3).slice(0, 38)} dose=12`],
    ['an id of the right length in the wrong alphabet', `ico-${'a-b_'.repeat(8)} sk_${'g'.repeat(48)}`],
    [
      'a 64-byte base64 value under another key, or an account key of another length',
      `signing_key=${randomFill(7)(base64, 86)}== account_key=${randomFill(8)(base64, 64)}==`,
    ],
    [
      'a project and environment that are no Unleash token',
      `scope=*:read.${'0'.repeat(32)} ref=default:main.${'abc'.repeat(4)} cors *:* ok`,
    ],
  ])('leaves %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
