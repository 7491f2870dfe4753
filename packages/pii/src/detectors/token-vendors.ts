import {
  end,
  hasDigitAndLetter,
  looksRandom,
  mixesCaseAndDigits,
  prefixed,
  start,
  uuid,
  type TokenFormat,
} from './token-format';

/**
 * More vendors' credentials by their documented shape (round 5), read from the vendors' documentation and the public
 * rule sets of secret scanners; each pattern is written here from the shape, by the kind of service a platform team
 * logs. Only shapes with a literal prefix, suffix or fixed structure: a bare 32-hex key is `secret_kv`'s, by its key.
 */
export const vendorFormats: readonly TokenFormat[] = [
  // CI/CD, code hosting and package registries.
  prefixed('clojars', ['clojars_'], 'CLOJARS_[a-z0-9]{60}'),
  prefixed('nuget', ['oy2'], 'oy2[a-z0-9]{43}', hasDigitAndLetter),
  prefixed('prefect', ['pnu_', 'pnb_'], 'pn[ub]_[A-Za-z0-9]{36}'),
  prefixed('readme', ['rdme_'], 'rdme_[a-z0-9]{70}'),
  prefixed('scalingo', ['tk-us-'], 'tk-us-[A-Za-z0-9_-]{48}'),
  prefixed('infracost', ['ico-'], 'ico-[A-Za-z0-9]{32}'),
  prefixed('harness', ['pat.', 'sat.'], '[ps]at\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}'),
  prefixed('sourcegraph', ['sgp_'], 'sgp_(?:(?:[a-f0-9]{16}|local)_)?[a-f0-9]{40}'),
  prefixed('dbt-cloud', ['dbtc_', 'dbtu_'], 'dbt[cu]_[A-Za-z0-9_-]{40,80}'),
  prefixed('socket', ['sktsec_'], 'sktsec_[A-Za-z0-9_]{30,80}'),
  // Microsoft's identifiable keys (Azure DevOps PATs and others): 84 characters, 52 random, `JQQJ` at 52.
  {
    vendor: 'microsoft-identifiable-key',
    prefixes: ['jqqj'],
    pattern: new RegExp(`${start}[A-Za-z0-9]{52}JQQJ[A-Za-z0-9]{28}${end}`, 'g'),
    valid: (token) => looksRandom(token.slice(0, 52)),
  },
  // Cloud, hosting and the platforms on it.
  prefixed('openshift', ['sha256~'], 'sha256~[A-Za-z0-9_-]{43}'),
  prefixed('rancher', ['token-'], 'token-[a-z0-9]{5}:[a-z0-9]{54}'),
  prefixed('portainer', ['ptr_'], 'ptr_[A-Za-z0-9+/]{43}=?'),
  prefixed('cloudflare-origin-ca', ['v1.0-'], 'v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}'),
  // A tunnel token is base64 of `{"a":account,"t":tunnel,"s":secret}`; Grafana's old API keys of `{"k":…`.
  prefixed('cloudflare-tunnel', ['eyjhijoi'], 'eyJhIjoi[A-Za-z0-9+/]{80,}={0,2}'),
  prefixed('grafana-api-key', ['eyjrijoi'], 'eyJrIjoi[A-Za-z0-9+/]{70,400}={0,3}'),
  prefixed('akamai-edgegrid', ['akab-'], 'akab-[a-z0-9]{16}-[a-z0-9]{16}'),
  prefixed('defined-networking', ['dnkey-'], 'dnkey-[A-Za-z0-9=_-]{26}-[A-Za-z0-9=_-]{52}'),
  prefixed('tencent-cloud', ['akid'], 'AKID[A-Za-z0-9]{32}', mixesCaseAndDigits),
  prefixed('yandex-api-key', ['aqvn'], 'AQVN[A-Za-z0-9_-]{35,38}'),
  prefixed('yandex-iam', ['t1.'], 't1\\.[A-Za-z0-9_-]+={0,2}\\.[A-Za-z0-9_-]{86}={0,2}'),
  prefixed('scaleway', ['scw'], 'SCW[A-Z0-9]{17}', hasDigitAndLetter),
  prefixed('google-refresh', ['1//0'], '1//0[A-Za-z0-9_-]{40,}'),
  prefixed('backblaze-b2', ['k00'], 'K00\\d[A-Za-z0-9+/]{27}', mixesCaseAndDigits),
  prefixed('vercel-blob', ['vercel_blob_rw_'], 'vercel_blob_rw_[A-Za-z0-9]{16}_[A-Za-z0-9]{30}'),
  {
    // Azure App Configuration's connection string: the `Secret=` after its endpoint and credential id.
    vendor: 'azure-app-configuration',
    prefixes: ['azconfig.io'],
    pattern: /\.azconfig\.io;\s*Id=[^;\s]+;\s*Secret=([A-Za-z0-9+/]{40,}={0,2})(?![A-Za-z0-9+/=])/g,
    valid: looksRandom,
  },
  {
    // An Azure storage account key (64 random bytes in base64: 86 characters and `==`) under an `account_key` variable
    // (`AZURE_ACCOUNT_KEY=`, `account_key=`), outside a connection string.
    vendor: 'azure-storage-account-key',
    prefixes: ['account_key'],
    pattern:
      /(?<![A-Za-z0-9])(?:[A-Za-z]+_)*account_key\\?["']?\s*[:=]\s*\\?["']?([A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/gi,
    valid: looksRandom,
  },
  // Firebase Cloud Messaging's legacy server key.
  {
    vendor: 'firebase-server-key',
    prefixes: [':apa91b'],
    pattern: new RegExp(`${start}AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}${end}`, 'g'),
    valid: (token) => looksRandom(token.slice(18)),
  },
  prefixed(
    '1password-secret-key',
    ['a3-'],
    'A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}',
  ),
  // Identity, secrets managers and feature flags.
  prefixed('stytch', ['secret-live-', 'secret-test-'], 'secret-(?:live|test)-[A-Za-z0-9_=-]{36}'),
  prefixed('statsig', ['secret-'], 'secret-[A-Za-z0-9]{43}', mixesCaseAndDigits),
  prefixed('launchdarkly', ['sdk-', 'api-'], `(?:sdk|api)-${uuid}`),
  {
    // Unleash's API tokens are `project:environment.secret`; `*` stands for all projects or environments, and a project
    // is named in the keyword pass only when it is all of them or the default one.
    vendor: 'unleash',
    prefixes: ['*:', 'default:'],
    pattern: /(?<![\w*.:-])(?:\*|default):(?:\*|[a-z0-9][a-z0-9_-]{0,39})\.[a-f0-9]{32,64}(?![\w-])/g,
    valid: (token) => {
      const secret = token.slice(token.lastIndexOf('.') + 1);
      return /\d/.test(secret) && /[a-f]/.test(secret) && looksRandom(secret);
    },
  },
  prefixed('flagsmith', ['ser.'], 'ser\\.[A-Za-z0-9]{22}', mixesCaseAndDigits),
  prefixed('posthog', ['phx_'], 'phx_[A-Za-z0-9_]{40,50}'),
  // Observability and on-call.
  prefixed('new-relic-insert', ['nrii-'], 'NRII-[A-Za-z0-9_-]{32}'),
  prefixed('honeycomb', ['hcaik_', 'hcxik_', 'hcamk_', 'hcxmk_'], 'hc[ax][im]k_[0-9a-z]{50,70}'),
  prefixed('elastic-cloud', ['essu_'], 'essu_[A-Za-z0-9+/=_-]{40,}'),
  prefixed('axiom', ['xaat-', 'xapt-'], `xa[ap]t-${uuid}`),
  prefixed('coralogix', ['cxtp_'], 'cxtp_[A-Za-z0-9]{20,40}'),
  prefixed('pagerduty', ['u+'], 'u\\+[A-Za-z0-9_+-]{18}', mixesCaseAndDigits),
  prefixed('honeybadger', ['hbp_'], 'hbp_[A-Za-z0-9]{30,40}'),
  prefixed('rootly', ['rootly_'], 'rootly_[a-f0-9]{64}'),
  // Messaging, email and chat.
  {
    // A datacenter suffix `-us1`…`-us21` ends every Mailchimp key.
    vendor: 'mailchimp',
    prefixes: ['-us1', '-us2', '-us3', '-us4', '-us5', '-us6', '-us7', '-us8', '-us9'],
    pattern: new RegExp(`${start}[a-f0-9]{32}-us\\d{1,2}${end}`, 'g'),
    valid: (token) => looksRandom(token.slice(0, 32)),
  },
  prefixed('mandrill', ['md-'], 'md-[A-Za-z0-9_-]{22}', mixesCaseAndDigits),
  prefixed('resend', ['re_'], 're_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}'),
  prefixed('mailersend', ['mlsn.'], 'mlsn\\.[A-Za-z0-9]{64}'),
  prefixed('onesignal', ['os_v2_'], 'os_v2_(?:app|org)_[a-z0-9]{50,}'),
  {
    // A Teams incoming webhook: the host stays, the tenant, connector and signature path goes.
    vendor: 'teams-webhook',
    prefixes: ['webhook.office.com/webhookb2/'],
    pattern: new RegExp(
      `webhook\\.office\\.com/webhookb2/(${uuid}@${uuid}/IncomingWebhook/[a-f0-9]{32}/${uuid}(?:/[A-Za-z0-9_-]{20,})?)`,
      'g',
    ),
    valid: (path) => looksRandom(path.split('/')[2] ?? ''),
  },
  prefixed('matrix-synapse', ['syt_'], 'syt_[A-Za-z0-9]+_[A-Za-z0-9]{20}_[A-Za-z0-9]{6}'),
  prefixed('twitch-chat', ['oauth:'], 'oauth:[a-z0-9]{30}', hasDigitAndLetter),
  prefixed('youtrack', ['perm:'], 'perm:[A-Za-z0-9+/=_-]{2,}\\.[A-Za-z0-9+/=_-]{2,}\\.[A-Za-z0-9]{30}'),
  // Payments and commerce.
  prefixed(
    'braintree',
    ['access_token$production$', 'access_token$sandbox$'],
    'access_token\\$(?:production|sandbox)\\$[a-z0-9]{16}\\$[a-f0-9]{32}',
  ),
  prefixed('paypal', ['a21aa'], 'A21AA[A-Za-z0-9_-]{60,}'),
  prefixed('checkout', ['sk_sbox_'], 'sk_sbox_[a-z0-9]{26}'),
  prefixed('flutterwave', ['flwseck'], 'FLWSECK(?:_TEST)?-[a-f0-9]{32}-X'),
  prefixed(
    'plaid',
    ['access-sandbox-', 'access-development-', 'access-production-'],
    `access-(?:sandbox|development|production)-${uuid}`,
  ),
  prefixed('mercadopago', ['app_usr-'], 'APP_USR-\\d{16}-\\d{6}-[a-f0-9]{32}-\\d{6,10}'),
  prefixed(
    'paddle',
    ['pdl_live_apikey_', 'pdl_sdbx_apikey_'],
    'pdl_(?:live|sdbx)_apikey_[a-z0-9]{26}_[A-Za-z0-9]{22}_[A-Za-z0-9]{3}',
  ),
  prefixed('shippo', ['shippo_'], 'shippo_(?:live|test)_[a-f0-9]{40}'),
  prefixed('easypost', ['ezak', 'eztk'], 'EZ[AT]K[A-Za-z0-9]{54}'),
  prefixed('duffel', ['duffel_'], 'duffel_(?:test|live)_[A-Za-z0-9_=-]{43}'),
  prefixed('woocommerce', ['ck_', 'cs_'], 'c[ks]_[a-f0-9]{40}', hasDigitAndLetter),
  prefixed('midtrans', ['mid-server-'], '(?:SB-)?Mid-server-[A-Za-z0-9_-]{24}'),
  // Square's access tokens are 64 characters; Facebook's (the Graph API, WhatsApp, Instagram's) 100 and more.
  prefixed('square', ['eaaa'], 'EAAA[A-Za-z0-9_-]{60}'),
  prefixed('facebook', ['eaa'], 'EAA[A-Za-z0-9]{100,}'),
  // CRM, marketing, content and work management.
  prefixed('salesforce', ['00d'], '00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{80,}'),
  prefixed('zoho', ['1000.'], '1000\\.[a-f0-9]{32}\\.[a-f0-9]{32}'),
  prefixed('klaviyo', ['pk_'], 'pk_[a-f0-9]{34}', hasDigitAndLetter),
  prefixed('clickup', ['pk_'], 'pk_\\d{4,10}_[A-Z0-9]{32}'),
  prefixed('contentful', ['cfpat-'], 'CFPAT-[A-Za-z0-9_-]{43}'),
  // Intercom's tokens are base64 of `tok:…`.
  prefixed('intercom', ['dg9ro'], 'dG9rO[A-Za-z0-9+/]{40,}={0,2}'),
  prefixed('trello', ['atta'], 'ATTA[a-fA-F0-9]{72}', hasDigitAndLetter),
  prefixed('airtable', ['pat'], 'pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}'),
  prefixed('adobe', ['p8e-'], 'p8e-[A-Za-z0-9]{32}'),
  prefixed('frameio', ['fio-u-'], 'fio-u-[A-Za-z0-9_=-]{64}'),
  prefixed('typeform', ['tfp_'], 'tfp_[A-Za-z0-9_.=-]{59}'),
  // Dropbox documents no length for its short-lived tokens; logged ones run from about 100 to over 1,000 characters.
  prefixed('dropbox', ['sl.'], 'sl\\.(?:u\\.)?[A-Za-z0-9_=-]{100,}'),
  {
    // DeepL's free-plan keys: a UUID and `:fx`.
    vendor: 'deepl',
    prefixes: [':fx'],
    pattern: new RegExp(`${start}${uuid}:fx${end}`, 'g'),
    valid: (token) => looksRandom(token.slice(0, 36)),
  },
  prefixed('adafruit', ['aio_'], 'aio_[A-Za-z0-9]{28}'),
  prefixed('riot-games', ['rgapi-'], `RGAPI-${uuid}`),
  // Social networks and ads.
  prefixed('twitter-bearer', ['aaaaaaaaaaaaaaaaaaaaaa'], 'A{22}[A-Za-z0-9%]{80,120}'),
  prefixed('instagram', ['igqv', 'igaa'], 'IG(?:QV|AA)[A-Za-z0-9_-]{100,}'),
  prefixed('pinterest', ['pina_'], 'pina_[A-Za-z0-9]{50,}'),
  prefixed('amazon-login', ['atza|', 'atzr|'], 'Atz[ar]\\|[A-Za-z0-9_-]{100,}'),
  // AI platforms.
  prefixed('deepseek', ['sk-'], 'sk-[a-f0-9]{32}', hasDigitAndLetter),
  prefixed('elevenlabs', ['sk_'], 'sk_[a-f0-9]{48}', hasDigitAndLetter),
  prefixed('langsmith', ['lsv2_'], 'lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}'),
  prefixed('langfuse', ['sk-lf-'], `sk-lf-${uuid}`),
  prefixed('nvidia', ['nvapi-'], 'nvapi-[A-Za-z0-9_-]{64}'),
  prefixed('tavily', ['tvly-'], 'tvly-(?:dev-|prod-)?[A-Za-z0-9]{32}'),
  prefixed('firecrawl', ['fc-'], 'fc-[a-f0-9]{32}', hasDigitAndLetter),
  prefixed('jina', ['jina_'], 'jina_[A-Za-z0-9_]{50,70}'),
  prefixed('llamacloud', ['llx-'], 'llx-[A-Za-z0-9]{48}'),
  prefixed('together', ['tgp_v1_'], 'tgp_v1_[A-Za-z0-9_-]{40,50}'),
  prefixed('openai-session', ['sess-'], 'sess-[A-Za-z0-9]{40}', mixesCaseAndDigits),
  prefixed('cerebras', ['csk-'], 'csk-[a-z0-9]{40,60}', hasDigitAndLetter),
  // Databases as a service and data platforms.
  prefixed('supabase-secret', ['sb_secret_'], 'sb_secret_[A-Za-z0-9_-]{20,}'),
  prefixed('neon', ['napi_'], 'napi_[a-z0-9]{40,80}'),
  prefixed('mongodb-atlas', ['mdb_sa_sk_'], 'mdb_sa_sk_[A-Za-z0-9_-]{40,}'),
  prefixed('cockroach-cloud', ['ccdb1_'], 'CCDB1_[A-Za-z0-9]{22}_[A-Za-z0-9]{40}'),
  prefixed('xata', ['xau_'], 'xau_[A-Za-z0-9]{32,}'),
  prefixed('appwrite', ['standard_'], 'standard_[a-f0-9]{256}'),
  // Tinybird's tokens are `p.` and a signed JSON payload; Convex deploy keys name their deployment before `|`.
  prefixed('tinybird', ['p.eyj'], 'p\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}'),
  prefixed('convex', ['prod:', 'dev:', 'preview:'], '(?:prod|dev|preview):[a-z0-9-]+\\|[A-Za-z0-9+/=]{40,}'),
  prefixed('clickhouse-cloud', ['4b1d'], '4b1d[A-Za-z0-9]{38}', (token) => /[g-zG-Z]/.test(token)),
  prefixed('databricks-oauth', ['dose'], 'dose[a-f0-9]{32}', hasDigitAndLetter),
  {
    vendor: 'maxmind',
    prefixes: ['_mmk'],
    pattern: new RegExp(`${start}[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk${end}`, 'g'),
    valid: (token) => looksRandom(token.slice(0, 36)),
  },
  prefixed('settlemint', ['sm_aat_', 'sm_pat_', 'sm_sat_'], 'sm_[aps]at_[A-Za-z0-9]{16}'),
];
