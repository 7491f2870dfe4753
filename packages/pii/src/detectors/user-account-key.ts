import type { Detector } from './detector';
import { createRuleDetector, rule } from './rules';
import { loginShaped, plainLogin } from './user-actor';
import { fieldLoginEnd as end, proseLogin as name } from './user-name';

/** The keys a product names an account by, as a whole key (a prefix names another thing: `slurm_account`,
 * `service_account`, `owner_acct`): `account` (lower case: Slurm's and Windows' `Account=` name a billing account or a
 * section), a campus `netid`, a directory's `sam` (sAMAccountName), a `login_id`/`logon_id` and SMPP's `system_id`. */
const accountKey =
  'account|netid|netId|NetID|NETID|sam|SAM|login_?id|loginId|LoginId|LOGIN_ID|logon_?id|logonId|LogonId|system_id|systemId|SystemId';

/** A generated id or a record's number, not a login: a letter after a digit, a short prefix and a number
 * (`acct_5512`), capitals only (`CORP-ACME-118`), or a cloud locator with its region (`xy12345.eu-west-1`). */
const notALogin = /\d[A-Za-z]|^[A-Za-z]{1,4}[_-]?\d+$|^[^a-z]*$|\.[a-z]{2}-[a-z]+-\d/;

/**
 * The login under a key a product uses for the account (`account=xgretax`, `"account":"oldblog17"`, `netid=hnakamu2`,
 * `sam=idunleavy`, `login_id=omensah`, `system_id=spa_rem02`): a login by its shape or a plain login, not a word, a
 * number (an application's own id is no user) or a generated id.
 */
export function createUserAccountKeyDetector(): Detector {
  return createRuleDetector(
    'user',
    [
      [
        rule(
          [
            'account',
            'netid',
            'sam=',
            'sam:',
            'sam"',
            'login_id',
            'loginid',
            'logon_id',
            'logonid',
            'system_id',
            'systemid',
          ],
          `(?<![\\w.-])(?:${accountKey})\\\\?["']?\\s*[:=]\\s*\\\\?["']?(${name})${end}`,
        ),
      ],
    ],
    (value) => !notALogin.test(value) && (loginShaped(value) || plainLogin(value)),
  );
}
