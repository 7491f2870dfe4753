import { crc32 } from 'node:zlib';
import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createTokenDetector } from './token';

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A deterministic base62 run that looks random (a fixed stride through the alphabet). */
function randomish(length: number, seed = 7): string {
  let s = '';
  for (let i = 0; i < length; i++) s += base62[(seed + i * 37 + ((i * i) % 11)) % 62];
  return s;
}

function withChecksum(prefix: string, body: string): string {
  let n = crc32(body);
  let sum = '';
  for (; n > 0; n = Math.floor(n / 62)) sum = base62[n % 62] + sum;
  return `${prefix}_${body}${sum.padStart(6, '0')}`;
}

const github = withChecksum('ghp', randomish(30));
const npm = withChecksum('npm', randomish(30, 3));

describe('token detector', () => {
  const scanner = createPiiScanner({ types: ['token'] });
  const detector = createTokenDetector();

  test.each([
    [
      'finds a GitHub token with a valid checksum when it stands alone in prose',
      `docker login -p ${github} ghcr.io`,
      [github],
    ],
    ['finds an npm token when it is glued to an npmrc key', `//registry.npmjs.org/:_authToken=${npm}`, [npm]],
    [
      'finds a fine-grained GitHub token when it is in free text',
      `use github_pat_11${randomish(20)}_${randomish(59, 5)} here`,
      [`github_pat_11${randomish(20)}_${randomish(59, 5)}`],
    ],
    [
      'finds a New Relic license key when an agent config names it',
      'newrelic.ini: license_key = 3f9c0a7e5b21d48e90c6a2f7d1e8b3c54a92NRAL',
      ['3f9c0a7e5b21d48e90c6a2f7d1e8b3c54a92NRAL'],
    ],
    [
      'finds a New Relic license key when a region part leads it',
      'NEW_RELIC_LICENSE_KEY=eu01xx7a3d9c1f04e8b26a5d3c7f0e9b21d4NRAL node app.js',
      ['eu01xx7a3d9c1f04e8b26a5d3c7f0e9b21d4NRAL'],
    ],
    [
      'finds a GitLab token when it is a clone argument',
      `--token glpat-${randomish(20)} ok`,
      [`glpat-${randomish(20)}`],
    ],
    [
      'finds a Slack bot token when it is quoted',
      `"xoxb-123456789012-1234567890123-${randomish(24)}"`,
      [`xoxb-123456789012-1234567890123-${randomish(24)}`],
    ],
    [
      'finds a Vault token when it stands alone or under a variable',
      `vault login hvs.${randomish(24)}; export VAULT_TOKEN=hvb.${randomish(91, 2)}`,
      [`hvs.${randomish(24)}`, `hvb.${randomish(91, 2)}`],
    ],
    [
      'replaces only the secret path when a Slack webhook URL is logged',
      `POST https://hooks.slack.com/services/T0ABCDEF1/B0ABCDEF12/${randomish(24)} 404`,
      [`T0ABCDEF1/B0ABCDEF12/${randomish(24)}`],
    ],
    [
      'replaces the secret path when a Slack webhook path is logged without its host',
      `{"host":"hooks.slack.com","uri":"/services/T0ABCDEF1/B0ABCDEF12/${randomish(24)}"}`,
      [`T0ABCDEF1/B0ABCDEF12/${randomish(24)}`],
    ],
    [
      'finds a Stripe secret key when it follows --api-key',
      `--api-key sk_live_${randomish(24)}`,
      [`sk_live_${randomish(24)}`],
    ],
    [
      'finds a Google API key when it is a query parameter',
      `GET /maps?key=AIza${randomish(35)}&q=x`,
      [`AIza${randomish(35)}`],
    ],
    [
      'replaces the account key when an Azure connection string is logged',
      `AccountName=x;AccountKey=${randomish(86)}==;EndpointSuffix=core.windows.net`,
      [`${randomish(86)}==`],
    ],
    [
      'replaces the signature when an Azure SAS URL is logged',
      `?sv=2022-11-02&sp=r&sig=${randomish(40)}%3D`,
      [`${randomish(40)}%3D`],
    ],
    [
      'finds a SendGrid key when it is in a sentence',
      `key SG.${randomish(22)}.${randomish(43)} rejected`,
      [`SG.${randomish(22)}.${randomish(43)}`],
    ],
    [
      'finds a Twilio API key when it is logged',
      `api key SK${'0123456789abcdef'.repeat(2)}`,
      [`SK${'0123456789abcdef'.repeat(2)}`],
    ],
    [
      'finds an OpenAI project key when it is exported',
      `OPENAI_API_KEY=sk-proj-${randomish(30)}T3BlbkFJ${randomish(30)}`,
      [`sk-proj-${randomish(30)}T3BlbkFJ${randomish(30)}`],
    ],
    ['finds an xAI key when it is exported', `XAI_API_KEY=xai-${randomish(80)}`, [`xai-${randomish(80)}`]],
    [
      'finds a Hugging Face token when it is in an env dump',
      `HF_TOKEN=hf_${randomish(34).replace(/\d/g, 'q')}`,
      [`hf_${randomish(34).replace(/\d/g, 'q')}`],
    ],
    [
      'finds a Hugging Face token when it has digits',
      `model pull token=hf_${randomish(34)} ok`,
      [`hf_${randomish(34)}`],
    ],
    [
      'finds a Datadog key when it follows its key name',
      `DD_API_KEY=${'0123456789abcdef'.repeat(2)} ./install.sh`,
      ['0123456789abcdef'.repeat(2)],
    ],
    [
      'finds a PyPI token when it is a twine password',
      `--password pypi-AgEIcHlwaS5vcmc${randomish(60)}`,
      [`pypi-AgEIcHlwaS5vcmc${randomish(60)}`],
    ],
    [
      'finds a Docker Hub token when it is a login argument',
      `-p dckr_pat_${randomish(27)}`,
      [`dckr_pat_${randomish(27)}`],
    ],
    [
      'finds an Azure storage key when the az CLI takes it as --account-key',
      `az storage blob upload --account-key ${randomish(86)}== -f x`,
      [`${randomish(86)}==`],
    ],
    [
      'finds an Azure Communication Services key when it is a field of its connection string',
      `endpoint=https://acs-prod.communication.azure.com/;accesskey=${randomish(86)}==`,
      [`${randomish(86)}==`],
    ],
    [
      'finds a Tailscale auth key when it is a CLI argument',
      `tailscale up --authkey tskey-auth-${randomish(12)}-${randomish(30, 9)}`,
      [`tskey-auth-${randomish(12)}-${randomish(30, 9)}`],
    ],
    [
      'finds a DigitalOcean token when it is exported',
      `DIGITALOCEAN_ACCESS_TOKEN=dop_v1_${'0123456789abcdef'.repeat(4)}`,
      [`dop_v1_${'0123456789abcdef'.repeat(4)}`],
    ],
    [
      'finds a Terraform Cloud token when it is in a credentials file',
      `token = "${randomish(14)}.atlasv1.${randomish(67, 4)}"`,
      [`${randomish(14)}.atlasv1.${randomish(67, 4)}`],
    ],
    [
      'finds a Postman key when it is a header value',
      `x-api-key: PMAK-${'0123456789abcdef'.repeat(2).slice(0, 24)}-${'fedcba9876543210'.repeat(3).slice(0, 34)}`,
      [`PMAK-${'0123456789abcdef'.repeat(2).slice(0, 24)}-${'fedcba9876543210'.repeat(3).slice(0, 34)}`],
    ],
    [
      'finds a Databricks token when it is in free text',
      `using dapi${'0123456789abcdef'.repeat(2)} for the job`,
      [`dapi${'0123456789abcdef'.repeat(2)}`],
    ],
    [
      'finds a Telegram bot token when it is in a URL',
      `GET https://api.telegram.org/bot5412345678:AA${randomish(33)}/getMe`,
      [`5412345678:AA${randomish(33)}`],
    ],
    [
      'replaces the secret part when a Discord webhook URL is logged',
      `POST https://discord.com/api/webhooks/1234567890/${randomish(68)} 204`,
      [randomish(68)],
    ],
    [
      'finds an Azure AD client secret when it is in free text',
      `secret ${randomish(3)}8Q~${randomish(34, 2)} expires soon`,
      [`${randomish(3)}8Q~${randomish(34, 2)}`],
    ],
    [
      'replaces the key when a Sentry DSN is logged',
      `SENTRY_DSN=https://${'0123456789abcdef'.repeat(2)}@o4501.ingest.sentry.io/45`,
      ['0123456789abcdef'.repeat(2)],
    ],
    [
      'finds Render, HubSpot, crates.io and Octopus Deploy keys when they follow Bearer or a key name',
      `Bearer rnd_${randomish(32)}; Bearer pat-eu1-0b2c4d6e-1a3b-4c5d-8e9f-a0b1c2d3e4f5; token = "cio${randomish(32, 9)}"; X-Octopus-ApiKey: API-7Q4ZRB2M9KXW5TNC3VH8PLD6GJ`,
      [
        `rnd_${randomish(32)}`,
        'pat-eu1-0b2c4d6e-1a3b-4c5d-8e9f-a0b1c2d3e4f5',
        `cio${randomish(32, 9)}`,
        'API-7Q4ZRB2M9KXW5TNC3VH8PLD6GJ',
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
    // Through the scanner too: a rule runs only where its keywords are, so this checks they cover the text.
    const scanned = scanner.scan(text).map((m) => m.value);
    for (const value of expected) expect(scanned).toContain(value);
  });

  test.each([
    [
      'ignores a documentation placeholder when it has the GitHub shape',
      'export GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
    ['ignores a prefix when the body is too short', 'sk_live_abc and ghp_123 and AIzaSy12'],
    [
      'ignores a New Relic license key when it is a placeholder or too short',
      'license_key: 000000000000000000000000000000000000NRAL and 3f9c0a7e5b21d48e90c6NRAL',
    ],
    ['ignores a publishable Stripe key when it is public by design', `pk_live_${randomish(24)}`],
    ['ignores a longer identifier when the prefix is inside it', `xghp_${randomish(36)} and my_npm_${randomish(36)}`],
    ['ignores 32 hex characters when no Datadog key name is in front', `trace_id=${'0123456789abcdef'.repeat(2)}`],
    [
      'ignores an access key when no connection string holds it (another vendor names its keys so)',
      `X-ApiKeys: accessKey=${'0123456789abcdef'.repeat(4)}; secretKey=x; accessid=ab12 accesskey=${randomish(64)}`,
    ],
    [
      'ignores a Slack webhook when it is the documentation placeholder',
      'webhook configured as https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
    ],
    [
      'ignores a vendor prefix when the body has the wrong shape',
      'key-id=42 dapi_version=2 tskey-auth-short PMAK-123 hvs.short x.hvs.' +
        randomish(24) +
        ' API-GATEWAY-INTEGRATION-RESPONSE-TIMEOUT pat-na1-notauuid ciocciaratrattoriaristoranteitaliano',
    ],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
