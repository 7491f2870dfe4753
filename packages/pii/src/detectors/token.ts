import { passesCrc32Base62 } from '../checksums/crc32-base62';
import { afterAnyBut } from '../keyword-scan';
import { anyOf, candidate, combineDetectors, inRunsOf32, keepAsIs, type Candidate, type Detector } from './detector';
import { end, looksRandom, start, type TokenFormat } from './token-format';
import { datadogFormats } from './token-datadog';
import { vendorFormats } from './token-vendors';

/** GitHub classic and npm tokens end in a CRC32 of their random part; a hand-written token still counts when random. */
function checksumOrRandom(token: string): boolean {
  const body = token.slice(token.indexOf('_') + 1);
  return passesCrc32Base62(body.slice(0, -6), body.slice(-6)) || looksRandom(body);
}

/** Vendor formats, read from the vendors' documentation and public token-scanning rule sets. */
const formats: readonly TokenFormat[] = [
  {
    vendor: 'github',
    prefixes: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    pattern: new RegExp(`${start}gh[pousr]_[A-Za-z0-9]{36}${end}`, 'g'),
    valid: checksumOrRandom,
  },
  {
    vendor: 'github-fine-grained',
    prefixes: ['github_pat_'],
    pattern: new RegExp(`${start}github_pat_[A-Za-z0-9]{20,30}_[A-Za-z0-9]{50,70}${end}`, 'g'),
    valid: looksRandom,
  },
  {
    vendor: 'npm',
    prefixes: ['npm_'],
    pattern: new RegExp(`${start}npm_[A-Za-z0-9]{36}${end}`, 'g'),
    valid: checksumOrRandom,
  },
  {
    vendor: 'gitlab',
    prefixes: [
      'glpat-',
      'gldt-',
      'glrt-',
      'glptt-',
      'glft-',
      'glimt-',
      'gloas-',
      'glcbt-',
      'glsoat-',
      'glffct-',
      'glagent-',
      'glwt-',
    ],
    pattern: new RegExp(
      `${start}gl(?:pat|dt|rt|ptt|ft|imt|oas|cbt|soat|ffct|agent|wt)-[A-Za-z0-9_-]{20,}(?:\\.[0-9a-z]{2}\\.[0-9a-z]{7,10})?${end}`,
      'g',
    ),
    valid: looksRandom,
  },
  {
    vendor: 'gitlab-runner',
    prefixes: ['gr1348941'],
    pattern: new RegExp(`${start}GR1348941[A-Za-z0-9_-]{20,}${end}`, 'g'),
  },
  {
    vendor: 'slack',
    prefixes: ['xox'],
    pattern: new RegExp(`${start}xox[abposre](?:\\.xox[a-z])?-\\d[A-Za-z0-9-]{9,}${end}`, 'g'),
  },
  {
    vendor: 'slack-app',
    prefixes: ['xapp-'],
    pattern: new RegExp(`${start}xapp-\\d-[A-Z0-9]{6,}-\\d{6,}-[a-f0-9]{32,}${end}`, 'g'),
  },
  {
    vendor: 'slack-webhook',
    // Also the bare path where a log puts the host in another field (`"uri":"/services/T…/B…/…"`).
    prefixes: ['hooks.slack.com', '/services/t'],
    pattern:
      /(?:hooks\.slack\.com\/(?:services|workflows|triggers)\/|\/services\/(?=T[A-Z0-9]{6,}\/B))(T[A-Z0-9]{6,}\/[A-Z0-9]{6,}\/[A-Za-z0-9]{16,})/g,
    // Slack's documentation prints `T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`: its secret part is no secret.
    valid: (path) => looksRandom(path.slice(path.lastIndexOf('/') + 1)),
  },
  {
    vendor: 'stripe',
    prefixes: ['k_live_', 'k_test_'],
    pattern: new RegExp(`${start}(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,247}${end}`, 'g'),
    valid: looksRandom,
  },
  {
    vendor: 'stripe-webhook',
    prefixes: ['whsec_'],
    pattern: new RegExp(`${start}whsec_[A-Za-z0-9+/]{32,}${end}`, 'g'),
  },
  {
    vendor: 'google-api',
    prefixes: ['aiza'],
    pattern: new RegExp(`${start}AIza[0-9A-Za-z_-]{35}${end}`, 'g'),
    valid: looksRandom,
  },
  {
    vendor: 'google-oauth-secret',
    prefixes: ['gocspx-'],
    pattern: new RegExp(`${start}GOCSPX-[A-Za-z0-9_-]{28}${end}`, 'g'),
  },
  {
    vendor: 'google-oauth-access',
    prefixes: ['ya29.'],
    pattern: new RegExp(`${start}ya29\\.[0-9A-Za-z_-]{30,}${end}`, 'g'),
  },
  {
    vendor: 'azure-connection-string',
    prefixes: ['accountkey', 'accesskey', 'primarykey', 'secondarykey', '--account-key'],
    // `AccessKey=` is Azure's only as a field of a `;`-separated connection string (Communication Services): alone it is
    // every other vendor's key name (`X-ApiKeys: accessKey=…; secretKey=…`, `accessid=… accesskey=…`).
    pattern:
      /(?:(?<![\w])(?:Account|SharedAccess|Primary|Secondary)Key\s*=\s*|(?<=;\s?)AccessKey\s*=\s*|--account-key[=\s]\s*)([A-Za-z0-9+/]{40,}={0,2})(?![A-Za-z0-9+/=])/gi,
  },
  {
    vendor: 'azure-sas',
    prefixes: ['sig='],
    pattern: /[?&;]sig=((?:[A-Za-z0-9+/]|%2[Bb]|%2[Ff]){30,}(?:=|%3[Dd]){0,2})(?![A-Za-z0-9%+/=])/g,
  },
  {
    vendor: 'sendgrid',
    prefixes: ['sg.'],
    pattern: new RegExp(`${start}SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}${end}`, 'g'),
  },
  {
    vendor: 'twilio-api-key',
    prefixes: ['sk'],
    // (Gated as the look-behind reads it: `sk` inside `task` and `disk` called the part on 1,625 loghub lines.)
    words: afterAnyBut(/[A-Za-z0-9_-]/, 'sk'),
    pattern: /(?<![A-Za-z0-9_-])SK[0-9a-fA-F]{32}(?![A-Za-z0-9_-])/g,
  },
  {
    vendor: 'openai',
    prefixes: ['sk-'],
    pattern: new RegExp(
      `${start}sk-(?:(?:proj|svcacct|admin|None)-)?(?:[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}|[A-Za-z0-9_-]{40,})${end}`,
      'g',
    ),
    valid: looksRandom,
  },
  {
    vendor: 'anthropic',
    prefixes: ['sk-ant-'],
    pattern: new RegExp(`${start}sk-ant-[a-z]+\\d{2}-[A-Za-z0-9_-]{80,}${end}`, 'g'),
  },
  {
    vendor: 'xai',
    prefixes: ['xai-'],
    pattern: new RegExp(`${start}xai-[A-Za-z0-9]{70,90}${end}`, 'g'),
    valid: looksRandom,
  },
  {
    vendor: 'huggingface',
    prefixes: ['hf_', 'api_org_'],
    pattern: new RegExp(`${start}(?:hf|api_org)_[A-Za-z0-9]{34}${end}`, 'g'),
    valid: looksRandom,
  },
  { vendor: 'pypi', prefixes: ['pypi-'], pattern: new RegExp(`${start}pypi-AgE[A-Za-z0-9_-]{50,}${end}`, 'g') },
  {
    vendor: 'docker-hub',
    prefixes: ['dckr_'],
    pattern: new RegExp(`${start}dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,}${end}`, 'g'),
  },
  {
    vendor: 'grafana',
    prefixes: ['glsa_', 'glc_'],
    pattern: new RegExp(`${start}(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,}={0,2})${end}`, 'g'),
  },
  {
    vendor: 'shopify',
    prefixes: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    pattern: new RegExp(`${start}shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}${end}`, 'g'),
  },
  { vendor: 'new-relic', prefixes: ['nrak-'], pattern: new RegExp(`${start}NRAK-[A-Z0-9]{27}${end}`, 'g') },
  // New Relic's ingest license key: 40 characters, a 6-character region part (`eu01xx` or hex), 30 hex, then `NRAL`.
  {
    vendor: 'new-relic-license',
    prefixes: ['nral'],
    pattern: new RegExp(`${start}[a-z0-9]{6}[a-f0-9]{30}NRAL${end}`, 'g'),
    valid: (token) => looksRandom(token.slice(6, 36)),
  },
  // Infrastructure and developer platforms: Vault (service `hvs.`, batch `hvb.`, recovery `hvr.`), Terraform Cloud,
  // Tailscale, DigitalOcean...
  {
    vendor: 'vault',
    prefixes: ['hvs.', 'hvb.', 'hvr.'],
    pattern: new RegExp(`(?<![\\w.-])hv[sbr]\\.[A-Za-z0-9_-]{24,}${end}`, 'g'),
  },
  {
    vendor: 'terraform-cloud',
    prefixes: ['.atlasv1.'],
    pattern: new RegExp(`${start}[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}${end}`, 'g'),
  },
  {
    vendor: 'tailscale',
    prefixes: ['tskey-'],
    pattern: new RegExp(`${start}tskey-(?:auth|api|client|scim|webhook)-[A-Za-z0-9]{6,}-[A-Za-z0-9]{16,}${end}`, 'g'),
  },
  {
    vendor: 'digitalocean',
    prefixes: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    pattern: new RegExp(`${start}do[por]_v1_[a-f0-9]{64}${end}`, 'g'),
  },
  {
    vendor: 'atlassian',
    prefixes: ['atatt3', 'atctt3', 'atbb'],
    pattern: new RegExp(`${start}(?:AT[AC]TT3[A-Za-z0-9_=-]{100,}|ATBB[A-Za-z0-9_=.-]{28,})${end}`, 'g'),
    valid: looksRandom,
  },
  { vendor: 'postman', prefixes: ['pmak-'], pattern: new RegExp(`${start}PMAK-[a-f0-9]{24}-[a-f0-9]{34}${end}`, 'g') },
  { vendor: 'linear', prefixes: ['lin_api_'], pattern: new RegExp(`${start}lin_api_[A-Za-z0-9]{40}${end}`, 'g') },
  {
    vendor: 'sentry',
    prefixes: ['sntrys_', 'sntryu_'],
    pattern: new RegExp(`${start}sntry[su]_[A-Za-z0-9+/=_-]{40,}${end}`, 'g'),
  },
  {
    vendor: 'doppler',
    prefixes: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
    // A service token names its config between the kind and the secret (`dp.st.prd.…`).
    pattern: new RegExp(
      `${start}dp\\.(?:pt|st(?:\\.[A-Za-z0-9_-]{1,40})?|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,44}${end}`,
      'g',
    ),
    valid: looksRandom,
  },
  { vendor: 'pulumi', prefixes: ['pul-'], pattern: new RegExp(`${start}pul-[a-f0-9]{40}${end}`, 'g') },
  // Render `rnd_`, HubSpot private apps `pat-<region>-<uuid>`, crates.io `cio` and Octopus Deploy `API-`.
  {
    vendor: 'render',
    prefixes: ['rnd_'],
    pattern: new RegExp(`${start}rnd_[A-Za-z0-9]{32}${end}`, 'g'),
    valid: looksRandom,
  },
  {
    vendor: 'hubspot',
    prefixes: ['pat-'],
    pattern: new RegExp(
      `${start}pat-[a-z]{2,3}\\d-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}${end}`,
      'g',
    ),
  },
  {
    vendor: 'crates-io',
    prefixes: ['cio'],
    pattern: new RegExp(`${start}cio[A-Za-z0-9]{32}${end}`, 'g'),
    valid: (token) => /\d/.test(token) && /[A-Z]/.test(token) && looksRandom(token),
  },
  {
    vendor: 'octopus-deploy',
    prefixes: ['api-'],
    pattern: new RegExp(`${start}API-[A-Z0-9]{25,32}${end}`, 'g'),
    valid: (token) => /\d/.test(token) && looksRandom(token),
  },
  { vendor: 'databricks', prefixes: ['dapi'], pattern: new RegExp(`${start}dapi[a-f0-9]{32}(?:-\\d)?${end}`, 'g') },
  {
    vendor: 'sonarqube',
    prefixes: ['sqp_', 'squ_', 'sqa_'],
    pattern: new RegExp(`${start}sq[pau]_[a-f0-9]{40}${end}`, 'g'),
  },
  { vendor: 'rubygems', prefixes: ['rubygems_'], pattern: new RegExp(`${start}rubygems_[a-f0-9]{48}${end}`, 'g') },
  {
    vendor: 'jfrog',
    prefixes: ['akcp', 'cmvmdgtu'],
    pattern: new RegExp(`${start}(?:AKCp[A-Za-z0-9]{69}|cmVmdGtuOjAxOj[A-Za-z0-9]{50,})${end}`, 'g'),
  },
  {
    vendor: 'mailgun',
    prefixes: ['key-'],
    pattern: new RegExp(`${start}key-[a-f0-9]{32}${end}`, 'g'),
    valid: looksRandom,
  },
  { vendor: 'telegram-bot', prefixes: [':aa'], pattern: /(?<![\d])\d{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/g },
  // A Sentry DSN's key (`https://<32 hex>@o123.ingest.sentry.io/456`): it lets anyone send events to the project.
  {
    vendor: 'sentry-dsn',
    prefixes: ['sentry.io', 'ingest.'],
    pattern: /https?:\/\/([0-9a-f]{32})(?=(?::[0-9a-f]{32})?@[\w.-]*(?:sentry\.io|ingest\.[\w.-]+))/g,
  },
  {
    vendor: 'discord-webhook',
    prefixes: ['discord'],
    pattern: /discord(?:app)?\.com\/api\/webhooks\/\d+\/([A-Za-z0-9_-]{60,})/g,
  },
  {
    vendor: 'alibaba',
    prefixes: ['ltai'],
    pattern: new RegExp(`${start}LTAI[A-Za-z0-9]{12,20}${end}`, 'g'),
    valid: looksRandom,
  },
  {
    vendor: 'fly',
    prefixes: ['fo1_', 'fm1', 'fm2_'],
    pattern: new RegExp(`${start}(?:fo1_[A-Za-z0-9_-]{43}|fm[12][ar]?_[A-Za-z0-9+/]{100,}={0,3})${end}`, 'g'),
  },
  {
    vendor: 'planetscale',
    prefixes: ['pscale_'],
    pattern: new RegExp(`${start}pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.=-]{32,64}${end}`, 'g'),
  },
  {
    vendor: 'supabase-netlify-buildkite',
    prefixes: ['sbp_', 'nfp_', 'bkua_'],
    pattern: new RegExp(`${start}(?:sbp_[a-f0-9]{40}|nfp_[A-Za-z0-9]{36}|bkua_[a-f0-9]{40})${end}`, 'g'),
  },
  {
    vendor: 'circleci',
    prefixes: ['ccipat_', 'cciprj_'],
    pattern: new RegExp(`${start}CCIP(?:AT|RJ)_[A-Za-z0-9]{22}_[a-f0-9]{40}${end}`, 'g'),
    valid: looksRandom,
  },
  {
    vendor: 'azure-ad-client-secret',
    prefixes: ['q~'],
    pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g,
    valid: looksRandom,
  },
  {
    vendor: '1password-service-account',
    prefixes: ['ops_eyj'],
    pattern: new RegExp(`${start}ops_eyJ[A-Za-z0-9+/=_-]{100,}${end}`, 'g'),
  },
  { vendor: 'heroku', prefixes: ['hrku-'], pattern: new RegExp(`${start}HRKU-[A-Za-z0-9_-]{60}${end}`, 'g') },
  {
    vendor: 'figma-notion',
    prefixes: ['figd_', 'ntn_'],
    pattern: new RegExp(`${start}(?:figd_[A-Za-z0-9_-]{40}|ntn_[A-Za-z0-9]{46})${end}`, 'g'),
  },
  {
    vendor: 'mapbox-secret',
    prefixes: ['sk.eyj'],
    pattern: new RegExp(`${start}sk\\.eyJ[A-Za-z0-9_-]{50,}\\.[A-Za-z0-9_-]{20,}${end}`, 'g'),
  },
  {
    vendor: 'dynatrace',
    prefixes: ['dt0c01.'],
    pattern: new RegExp(`${start}dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}${end}`, 'g'),
  },
  {
    vendor: 'brevo',
    prefixes: ['xkeysib-', 'xsmtpsib-'],
    pattern: new RegExp(`${start}x(?:key|smtp)sib-[a-f0-9]{64}-[A-Za-z0-9]{16}${end}`, 'g'),
  },
  {
    vendor: 'square',
    prefixes: ['sq0atp-', 'sq0csp-'],
    pattern: new RegExp(`${start}sq0(?:atp|csp)-[A-Za-z0-9_-]{22,43}${end}`, 'g'),
  },
  {
    vendor: 'ai-platforms',
    prefixes: ['gsk_', 'r8_', 'pplx-', 'pcsk_'],
    pattern: new RegExp(
      `${start}(?:gsk_[A-Za-z0-9]{52}|r8_[A-Za-z0-9]{37}|pplx-[A-Za-z0-9]{48}|pcsk_[A-Za-z0-9_]{50,})${end}`,
      'g',
    ),
    valid: looksRandom,
  },
];

/**
 * Vendor credentials recognised by their own documented format, wherever they appear (no key name needed): the
 * formats above (GitHub, npm, GitLab, Slack, Stripe, Google, Azure, the AI platforms, ...), `datadogFormats` and `vendorFormats`.
 */
export function createTokenDetector(): Detector {
  // One keyword group a format, so a format runs only on a text holding one of its own prefixes; formats come in parts
  // of 32 (the bits of one group set), which the scanner runs as detectors of their own.
  const parts = inRunsOf32([...formats, ...datadogFormats, ...vendorFormats]).map(createFormatPart);
  return combineDetectors('token', parts);
}

function createFormatPart(partFormats: readonly TokenFormat[]): Detector {
  const hint = anyOf([...new Set(partFormats.flatMap((f) => f.prefixes))]);
  return {
    type: 'token',
    keywordGroups: partFormats.map((f) => f.words ?? f.prefixes),
    mayMatch: (text) => hint.test(text),
    find(text: string, out: Candidate[], groups = -1): void {
      for (let i = 0; i < partFormats.length; i++) {
        if ((groups & (1 << i)) === 0) continue;
        const format = partFormats[i] as TokenFormat;
        format.pattern.lastIndex = 0;
        for (let m = format.pattern.exec(text); m !== null; m = format.pattern.exec(text)) {
          const token = m[1] ?? m[0];
          if (format.valid !== undefined && !format.valid(token)) continue;
          const matchEnd = m.index + m[0].length;
          const tokenStart = m[1] === undefined ? m.index : matchEnd - token.length;
          out.push(candidate('token', tokenStart, tokenStart + token.length, m.index, matchEnd));
        }
      }
    },
    normalize: keepAsIs,
  };
}
