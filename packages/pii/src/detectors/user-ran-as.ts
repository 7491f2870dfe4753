import { blanks } from '../keyword-scan';
import { isCommonWord } from './common-words';
import type { Detector } from './detector';
import { createRuleDetector, rule } from './rules';
import { proseLoginEnd as end, proseLogin as name } from './user-name';

// Verbs of a job, a build or a transfer: what runs under an account.
const jobVerbs =
  'ran run runs running finished started executed executing clone cloned cloning uploaded uploading built deployed deploying pushed pulled installed'.split(
    ' ',
  );

/** An account, not an article or an English word (`ran as expected`, `run as an administrator`), nor a capitalized
 * word (`run as Administrator` stays to the other rules). A name made of software words still counts here: the
 * syntax says an account (`ci-runner`, `hw-assess-bot`). */
function accountName(value: string): boolean {
  if (value.length < 3 || /^[A-Z][a-z]+$/.test(value)) return false;
  return /[-_\d.]/.test(value) || !isCommonWord(value.toLowerCase());
}

/**
 * The account a job, a build or a transfer ran as, later in its clause: `build ran as ci-runner in …`, `upload finished
 * as fr0142, 3 files`, `git clone https://… as hw-assess-bot (…)`, `cron run as erpbatch HOME=…`, `permission denied
 * (running as dmwangi)`. The verb and `as` in lower case (SQL's `AS t` is an alias), within 80 characters and no `,`,
 * `;` or `|` between.
 */
export function createUserRanAsDetector(): Detector {
  return createRuleDetector(
    'user',
    [
      [
        rule(
          blanks.map((b) => ` as${b}`),
          `\\b(?:${jobVerbs.join('|')})\\b[^,;|\\n]{0,80}?\\sas\\s+(${name})${end}`,
          undefined,
          'g',
          [jobVerbs],
        ),
      ],
    ],
    accountName,
  );
}
