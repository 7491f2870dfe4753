import { candidate, keepAsIs, type Candidate, type Detector } from './detector';
import { isPlaceholderValue } from './secret-kv';

/** The length of a secret key, and of the run of `[A-Za-z0-9/+]` every pattern below wants. */
const keyLength = 40;

function isSecretKeyCharacter(code: number): boolean {
  const lower = code | 32;
  return (lower >= 97 && lower <= 122) || (code >= 48 && code <= 57) || code === 47 || code === 43;
}

/** True when the text holds 40 key characters in a row: most lines that name a secret hold no such run. */
function hasKeyLengthRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    run = isSecretKeyCharacter(text.charCodeAt(i)) ? run + 1 : 0;
    if (run === keyLength) return true;
  }
  return false;
}

/**
 * AWS secret access keys: 40 base64 characters, only in context (`aws_secret_access_key=`, `SecretAccessKey":`,
 * `AWS_SECRET_ACCESS_KEY: ...`, `<secret_access_key>…`), since a bare 40-character string is as likely a git commit or a hash. Other tools
 * name it their own way (`s3.client.default.secret_key <<< …`, `key_secret = …`, Zabbix's `{$AWS.SECRET.ACCESS.KEY}`, radosgw's `--secret=`):
 * those count when the text also speaks of AWS (`aws`, `s3`, `amazon` as words, or an `AKIA`/`ASIA` key id). After a key
 * id on its line, a 40-character run of upper and lower case and digits is its secret whatever names it (`access
 * key=AKIA…, secret key=…`, `key_id = AKIA… / key = …`, `"AKIA…","access_secret":{…"payload":"…"}`). AWS's
 * documentation secrets (`…EXAMPLEKEY`) are public, like its `AKIA…EXAMPLE` key id.
 */
export function createAwsSecretKeyDetector(): Detector {
  const pattern =
    /(?:(?<=\\[nrt])|(?<![\w-]))\\?["']?(?:aws[_-]?secret[_-]?(?:access[_-]?)?key|secret[_-]?access[_-]?key)\\?["']?(?:\s*(?:=>|[:=])\s*|\s+|>)\\?["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi;
  const otherNames =
    /(?:(?<=\\[nrt])|(?<![\w-]))\{?\$?[\w.-]*?(?:secret(?:[_.-]?(?:access[_.-]?)?key)?|key[_.-]?secret)\}?\\?["']?(?:\s*(?:=>|[:=]|<<<)\s*|\s+)\\?["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi;
  // Right after its key id (`AKIA…:wJalr…`, `"AKIA…", "wJalr…"`, a credentials.csv row `alice,,AKIA…,wJalr…`).
  const afterKeyId = /(?<![A-Z0-9])A[KS]IA[A-Z2-7]{16}["']?\s*[,:;/ ]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g;
  // Later on the key id's line, or on a line that names the secret key however it is written (`/ci/aws_secret_access_key
  // --value …`, Pulumi's `"aws:secretKey" is deprecated; the value …`), under any name: checked for the mix of a random
  // secret (no hash, no hex id).
  const laterOn = (lead: string, flags: string): RegExp =>
    new RegExp(`${lead}[^\\n]{0,160}?(?<![A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`, flags);
  const laterOnKeyIdLine = laterOn('(?<![A-Z0-9])A[KS]IA[A-Z2-7]{16}(?![A-Z0-9])', 'g');
  const laterOnKeyNameLine = laterOn('(?<![A-Za-z0-9])aws[_:-]?secret[_-]?(?:access[_-]?)?key(?![A-Za-z0-9])', 'gi');
  // `aws`, `s3`, `amazon` as words (a random value holds `S3` often enough), or a key id.
  const awsContext = /(?<![A-Za-z0-9])(?:[Aa][Ww][Ss]|[Ss]3)(?![a-z0-9])|[Aa]mazon|A[KS]IA[A-Z2-7]{16}/;
  return {
    type: 'aws_secret_key',
    keywordGroups: [['secret', 'akia', 'asia']],
    mayMatch: (text) => /secret|A[KS]IA/i.test(text),
    find(text: string, out: Candidate[]): void {
      if (!hasKeyLengthRun(text)) return;
      for (const names of awsContext.test(text)
        ? [pattern, otherNames, afterKeyId, laterOnKeyIdLine, laterOnKeyNameLine]
        : [pattern]) {
        names.lastIndex = 0;
        for (let m = names.exec(text); m !== null; m = names.exec(text)) {
          const end = m.index + m[0].length;
          const value = m[1] as string;
          if (isPlaceholderValue(value)) continue;
          if (names === laterOnKeyIdLine || names === laterOnKeyNameLine) {
            if (!/[A-Z]/.test(value) || !/[a-z]/.test(value) || !/\d/.test(value)) continue;
            out.push(candidate('aws_secret_key', end - keyLength, end));
            continue;
          }
          const claimEnd = text[end] === '"' || text[end] === "'" ? end + 1 : end;
          out.push(candidate('aws_secret_key', end - keyLength, end, m.index, claimEnd));
        }
      }
    },
    normalize: keepAsIs,
  };
}
