import { anyOf, candidate, keepAsIs, type Candidate, type Detector } from './detector';
import { isPlaceholderValue } from './secret-kv';

/** A token rather than a word: 8+ characters with a digit, or mixed case, or token punctuation. */
export function looksLikeCredential(token: string): boolean {
  if (token.length < 8) return false;
  return /\d/.test(token) || (/[a-z]/.test(token) && /[A-Z]/.test(token)) || /[._~+/=-]/.test(token);
}

/** A Basic credential is base64 of `user:password` (also the `auth` of Docker's config.json and npm's `_auth`). */
export function isBasicCredential(token: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(token) || token.length < 4) return false;
  const decoded = Buffer.from(token, 'base64').toString('latin1');
  return decoded.includes(':') && !/[\x00-\x08\x0e-\x1f\x7f]/.test(decoded);
}

/** Documentation's example of a Basic credential (`dXNlcm5hbWU6cGFzc3dvcmQ=`, `username:password`) names nobody. */
function isExampleBasicCredential(token: string): boolean {
  return /^username:password$/i.test(Buffer.from(token, 'base64').toString('latin1'));
}

/** The type says what a value is, its position only finds it: a JWT after `Bearer` is the jwt detector's. */
const jwtShape = /^eyJ[\w-]*\.eyJ[\w-]*\.[\w-]*$/;

/** The start of an auth-param's value after its `=` (a token or a stand-in; base64 padding is followed by none). */
const authParamValue = /^[\w[<$({*]/;
/** A stand-in after a header's first word: a variable, a bracketed or templated name, a mask. */
const standInAfter = /^ +(?:\$\{?[A-Za-z_]|\[|<|\{\{|\*{3})/;

/** What stands before a scheme that is an `Authorization` header's value (`Authorization: `, `"authorization":"`). */
const headerBefore = /authorization\\?["']?\s*[:=]\s*\[?\\?["']?$/i;

/**
 * Credentials of HTTP authorization: `Bearer <token>` and `Basic <base64 user:pass>` wherever they appear,
 * and the value of an `Authorization` / `Proxy-Authorization` header with any other scheme (`token ghp_...`,
 * `Negotiate ...`) or none. The scheme is kept; only the credential is replaced.
 */
export function createAuthHeaderDetector(): Detector {
  // (`Bearer token <credential>`: the word says what follows. A `!` joins Salesforce's `00D…!AR8…` session ids.)
  // Each starts on its word and then looks behind it for the start of a word or an escaped line break (`\n`): a
  // pattern led by that test is tried at every position of the line, one led by the word skips to it.
  const scheme =
    /(bearer|basic)(?<=(?:^|\\[nrt]|[^\w-])(?:bearer|basic))(?:\\?\s)+(?:token\s+)?([A-Za-z0-9._~+/!-]+=*)(?![\w~+/=!-])/gi;
  // The value may sit in an array (Go's header maps: `"Authorization":["Token …"]`).
  const header =
    /(?:proxy-)?authorization(?<=(?:^|\\[nrt]|[^\w-])(?:proxy-)?authorization)\\?["']?\s*[:=]\s*\[?\\?["']?(?!(?:bearer|basic)\s)(?:([A-Za-z][\w-]*)\s+)?([A-Za-z0-9._~+/:-]+=*)/gi;
  // A header value that is a list of `key:value` pairs (`client_id:…, client_secret:…`): each value is a credential.
  const pairList = /^([A-Za-z][\w-]*):([^\s,;"']+)((?:\s*[,;]\s*[A-Za-z][\w-]*:[^\s,;"']+)+)/;
  const nextPair = /[,;]\s*[A-Za-z][\w-]*:([^\s,;"']+)/g;
  const tokenParam = /^\\?["']?([A-Za-z0-9._~+/-]+=*)/;
  const hint = anyOf(['bearer', 'basic', 'authoriz']);
  return {
    type: 'auth_header',
    keywordGroups: [['bearer', 'basic', 'authoriz']],
    mayMatch: (text) => hint.test(text),
    find(text: string, out: Candidate[]): void {
      scheme.lastIndex = 0;
      for (let m = scheme.exec(text); m !== null; m = scheme.exec(text)) {
        const token = m[2] as string;
        // Under an Authorization header, Basic carries whatever credential the API chose (an API key, not user:pass).
        const ok =
          (m[1] as string).toLowerCase() === 'basic'
            ? isBasicCredential(token)
              ? !isExampleBasicCredential(token)
              : looksLikeCredential(token) && headerBefore.test(text.slice(Math.max(0, m.index - 40), m.index))
            : looksLikeCredential(token) && !jwtShape.test(token);
        const end = m.index + m[0].length;
        // RFC 7235's auth-param (`Bearer access_token=[FILTERED]`): a parameter's name, not the credential.
        if (token.endsWith('=') && authParamValue.test(text.slice(end, end + 1))) continue;
        if (ok && !isPlaceholderValue(token)) out.push(candidate('auth_header', end - token.length, end, m.index, end));
      }
      header.lastIndex = 0;
      for (let m = header.exec(text); m !== null; m = header.exec(text)) {
        const token = m[2] as string;
        const end = m.index + m[0].length;
        // Rails' token scheme names its credential (`Authorization: Token token="…"`, PagerDuty's too).
        const param = /^token=/i.test(token) ? tokenParam.exec(text.slice(end - token.length + 6, end + 512)) : null;
        if (param !== null) {
          const valueEnd = end - token.length + 6 + param[0].length;
          const value = param[1] as string;
          if (looksLikeCredential(value))
            out.push(candidate('auth_header', valueEnd - value.length, valueEnd, m.index, valueEnd));
          continue;
        }
        // SigV4's `AWS4-HMAC-SHA256 Credential=AKIA...` and Digest's `username="ops"`: a parameter name, not a
        // credential (the key id is aws_access_key); base64 padding ends the value instead.
        if (
          !looksLikeCredential(token) ||
          jwtShape.test(token) ||
          isPlaceholderValue(token) ||
          (token.endsWith('=') && /^(?:\w|["'][\w-])/.test(text.slice(end, end + 2)))
        ) {
          continue;
        }
        // A scheme before a stand-in (`ApiKey-v1 $REDACTED`, `DeepL-Auth-Key [yourAuthKey]`): no credential at all.
        if (m[1] === undefined && standInAfter.test(text.slice(end, end + 8))) continue;
        const start = end - token.length;
        const pairs = m[1] === undefined ? pairList.exec(text.slice(start, start + 2048)) : null;
        if (pairs !== null) {
          const listEnd = start + pairs[0].length;
          const first = start + (pairs[1] as string).length + 1;
          out.push(candidate('auth_header', first, first + (pairs[2] as string).length, m.index, listEnd));
          const rest = pairs[3] as string;
          const restStart = listEnd - rest.length;
          nextPair.lastIndex = 0;
          for (let p = nextPair.exec(rest); p !== null; p = nextPair.exec(rest)) {
            const valueEnd = restStart + p.index + p[0].length;
            out.push(candidate('auth_header', valueEnd - (p[1] as string).length, valueEnd, m.index, listEnd));
          }
          continue;
        }
        out.push(candidate('auth_header', start, end, m.index, end));
      }
    },
    normalize: keepAsIs,
  };
}
