import { candidate, keepAsIs, type Candidate, type Detector } from './detector';

/**
 * AWS secret access keys: 40 base64 characters, only in context (`aws_secret_access_key=`, `SecretAccessKey":`,
 * `AWS_SECRET_ACCESS_KEY: ...`, `<secret_access_key>…`), since a bare 40-character string is as likely a git commit or a hash. Other tools
 * name it their own way (`s3.client.default.secret_key <<< …`, `key_secret = …`, Zabbix's `{$AWS.SECRET.ACCESS.KEY}`, radosgw's `--secret=`):
 * those count when the text also speaks of AWS (`aws`, `s3`, `amazon`, or an `AKIA`/`ASIA` key id).
 */
export function createAwsSecretKeyDetector(): Detector {
  const pattern =
    /(?:(?<=\\[nrt])|(?<![\w-]))\\?["']?(?:aws[_-]?secret[_-]?(?:access[_-]?)?key|secret[_-]?access[_-]?key)\\?["']?(?:\s*(?:=>|[:=])\s*|\s+|>)\\?["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi;
  const otherNames =
    /(?:(?<=\\[nrt])|(?<![\w-]))\{?\$?[\w.-]*?(?:secret(?:[_.-]?(?:access[_.-]?)?key)?|key[_.-]?secret)\}?\\?["']?(?:\s*(?:=>|[:=]|<<<)\s*|\s+)\\?["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi;
  // Right after its key id (`AKIA…:wJalr…`, `"AKIA…", "wJalr…"`, a credentials.csv row `alice,,AKIA…,wJalr…`).
  const afterKeyId = /(?<![A-Z0-9])A[KS]IA[A-Z2-7]{16}["']?\s*[,:;/ ]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g;
  const awsContext = /aws|s3|amazon|A[KS]IA[A-Z2-7]{16}/i;
  return {
    type: 'aws_secret_key',
    keywordGroups: [['secret', 'akia', 'asia']],
    mayMatch: (text) => /secret|A[KS]IA/i.test(text),
    find(text: string, out: Candidate[]): void {
      for (const names of awsContext.test(text) ? [pattern, otherNames, afterKeyId] : [pattern]) {
        names.lastIndex = 0;
        for (let m = names.exec(text); m !== null; m = names.exec(text)) {
          const end = m.index + m[0].length;
          const claimEnd = text[end] === '"' || text[end] === "'" ? end + 1 : end;
          out.push(candidate('aws_secret_key', end - 40, end, m.index, claimEnd));
        }
      }
    },
    normalize: keepAsIs,
  };
}
