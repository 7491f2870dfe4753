import { passesCrc32Base62 } from '../checksums/crc32-base62';
import { entropyPerChar } from '../checksums/entropy';
import { anyOf, candidate, keepAsIs, type Candidate, type Detector } from './detector';

/** How a vendor's token is recognised: its documented shape, and what makes a match of that shape real. */
interface TokenFormat {
  readonly vendor: string;
  /** Group 1, when present, is the part replaced (the secret inside a URL or a connection string). */
  readonly pattern: RegExp;
  /** Lower-case literals one of which every text containing a match contains: the cheap test. */
  readonly prefixes: readonly string[];
  readonly valid?: (token: string) => boolean;
}

// Random base62 scores about 4.5-5.9 bits per character over 20-40 characters; documentation placeholders
// (`ghp_xxxx...`, `sk_live_0000...`, `AIzaSyXXXX...`) score under 2.
const minEntropy = 3;

function looksRandom(token: string): boolean {
  return entropyPerChar(token) >= minEntropy;
}

/** GitHub classic and npm tokens end in a CRC32 of their random part; a hand-written token still counts when random. */
function checksumOrRandom(token: string): boolean {
  const body = token.slice(token.indexOf('_') + 1);
  return passesCrc32Base62(body.slice(0, -6), body.slice(-6)) || looksRandom(body);
}

const end = '(?![A-Za-z0-9_-])';
const start = '(?<![A-Za-z0-9_-])';

/** Vendor formats, read from the vendors' documentation and public token-scanning rule sets. */
const formats: readonly TokenFormat[] = [
  { vendor: 'github', prefixes: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], pattern: new RegExp(`${start}gh[pousr]_[A-Za-z0-9]{36}${end}`, 'g'), valid: checksumOrRandom },
  { vendor: 'github-fine-grained', prefixes: ['github_pat_'], pattern: new RegExp(`${start}github_pat_[A-Za-z0-9]{20,30}_[A-Za-z0-9]{50,70}${end}`, 'g'), valid: looksRandom },
  { vendor: 'npm', prefixes: ['npm_'], pattern: new RegExp(`${start}npm_[A-Za-z0-9]{36}${end}`, 'g'), valid: checksumOrRandom },
  {
    vendor: 'gitlab',
    prefixes: ['glpat-', 'gldt-', 'glrt-', 'glptt-', 'glft-', 'glimt-', 'gloas-', 'glcbt-', 'glsoat-', 'glffct-', 'glagent-', 'glwt-'],
    pattern: new RegExp(`${start}gl(?:pat|dt|rt|ptt|ft|imt|oas|cbt|soat|ffct|agent|wt)-[A-Za-z0-9_-]{20,}(?:\\.[0-9a-z]{2}\\.[0-9a-z]{7,10})?${end}`, 'g'),
    valid: looksRandom,
  },
  { vendor: 'gitlab-runner', prefixes: ['gr1348941'], pattern: new RegExp(`${start}GR1348941[A-Za-z0-9_-]{20,}${end}`, 'g') },
  { vendor: 'slack', prefixes: ['xox'], pattern: new RegExp(`${start}xox[abposre](?:\\.xox[a-z])?-\\d[A-Za-z0-9-]{9,}${end}`, 'g') },
  { vendor: 'slack-app', prefixes: ['xapp-'], pattern: new RegExp(`${start}xapp-\\d-[A-Z0-9]{6,}-\\d{6,}-[a-f0-9]{32,}${end}`, 'g') },
  {
    vendor: 'slack-webhook',
    prefixes: ['hooks.slack.com'],
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/(T[A-Z0-9]{6,}\/[A-Z0-9]{6,}\/[A-Za-z0-9]{16,})/g,
  },
  { vendor: 'stripe', prefixes: ['k_live_', 'k_test_'], pattern: new RegExp(`${start}(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,247}${end}`, 'g'), valid: looksRandom },
  { vendor: 'stripe-webhook', prefixes: ['whsec_'], pattern: new RegExp(`${start}whsec_[A-Za-z0-9+/]{32,}${end}`, 'g') },
  { vendor: 'google-api', prefixes: ['aiza'], pattern: new RegExp(`${start}AIza[0-9A-Za-z_-]{35}${end}`, 'g'), valid: looksRandom },
  { vendor: 'google-oauth-secret', prefixes: ['gocspx-'], pattern: new RegExp(`${start}GOCSPX-[A-Za-z0-9_-]{28}${end}`, 'g') },
  { vendor: 'google-oauth-access', prefixes: ['ya29.'], pattern: new RegExp(`${start}ya29\\.[0-9A-Za-z_-]{30,}${end}`, 'g') },
  {
    vendor: 'azure-connection-string',
    prefixes: ['accountkey', 'accesskey', 'primarykey', 'secondarykey', '--account-key'],
    pattern: /(?:(?<![\w])(?:Account|SharedAccess|Access|Primary|Secondary)Key\s*=\s*|--account-key[=\s]\s*)([A-Za-z0-9+/]{40,}={0,2})(?![A-Za-z0-9+/=])/gi,
  },
  { vendor: 'azure-sas', prefixes: ['sig='], pattern: /[?&;]sig=((?:[A-Za-z0-9+/]|%2[Bb]|%2[Ff]){30,}(?:=|%3[Dd]){0,2})(?![A-Za-z0-9%+/=])/g },
  { vendor: 'sendgrid', prefixes: ['sg.'], pattern: new RegExp(`${start}SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}${end}`, 'g') },
  { vendor: 'twilio-api-key', prefixes: ['sk'], pattern: /(?<![A-Za-z0-9_-])SK[0-9a-fA-F]{32}(?![A-Za-z0-9_-])/g },
  {
    vendor: 'openai',
    prefixes: ['sk-'],
    pattern: new RegExp(`${start}sk-(?:(?:proj|svcacct|admin|None)-)?(?:[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}|[A-Za-z0-9_-]{40,})${end}`, 'g'),
    valid: looksRandom,
  },
  { vendor: 'anthropic', prefixes: ['sk-ant-'], pattern: new RegExp(`${start}sk-ant-[a-z]+\\d{2}-[A-Za-z0-9_-]{80,}${end}`, 'g') },
  { vendor: 'xai', prefixes: ['xai-'], pattern: new RegExp(`${start}xai-[A-Za-z0-9]{70,90}${end}`, 'g'), valid: looksRandom },
  { vendor: 'huggingface', prefixes: ['hf_', 'api_org_'], pattern: new RegExp(`${start}(?:hf|api_org)_[A-Za-z]{34}${end}`, 'g'), valid: looksRandom },
  {
    vendor: 'datadog',
    prefixes: ['dd_ap', 'dd-ap', 'ddap', 'datadog'],
    pattern: /(?:dd|datadog)[_-]?(?:api|app|application)[_-]?key\\?["']?\s*(?:[:=]|=>)?\s*\\?["']?([a-f0-9]{32}|[a-f0-9]{40})(?![A-Za-z0-9])/gi,
  },
  { vendor: 'pypi', prefixes: ['pypi-'], pattern: new RegExp(`${start}pypi-AgE[A-Za-z0-9_-]{50,}${end}`, 'g') },
  { vendor: 'docker-hub', prefixes: ['dckr_'], pattern: new RegExp(`${start}dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,}${end}`, 'g') },
  { vendor: 'grafana', prefixes: ['glsa_', 'glc_'], pattern: new RegExp(`${start}(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,}={0,2})${end}`, 'g') },
  { vendor: 'shopify', prefixes: ['shpat_', 'shpca_', 'shppa_', 'shpss_'], pattern: new RegExp(`${start}shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}${end}`, 'g') },
  { vendor: 'new-relic', prefixes: ['nrak-'], pattern: new RegExp(`${start}NRAK-[A-Z0-9]{27}${end}`, 'g') },
];

/**
 * Vendor credentials recognised by their own documented format, wherever they appear (no key name needed):
 * GitHub, npm, GitLab, Slack tokens and webhooks, Stripe, Google, Azure keys and SAS signatures, SendGrid, Twilio,
 * OpenAI, Anthropic, xAI, Hugging Face, Datadog (after its key name), PyPI, Docker Hub, Grafana, Shopify, New Relic.
 */
export function createTokenDetector(): Detector {
  const allPrefixes = [...new Set(formats.flatMap((f) => f.prefixes))];
  const hint = anyOf(allPrefixes);

  return {
    type: 'token',
    keywordGroups: formats.map((f) => f.prefixes),
    mayMatch: (text) => hint.test(text),
    find(text: string, out: Candidate[], groups = -1): void {
      for (let i = 0; i < formats.length; i++) {
        if ((groups & (1 << i)) === 0) continue;
        const format = formats[i] as TokenFormat;
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
