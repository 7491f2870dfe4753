import type { Detector } from './detector';
import { createRuleDetector, rule } from './rules';
import { isPlaceholderValue } from './secret-kv';

// An SQL identifier, maybe quoted.
const name = '[A-Za-z_][\\w$]{0,62}';
const open = '(?:\\\\?["\'`\\[])?';

/**
 * The account SQL grants a privilege to: `GRANT SELECT ON inventory TO rf_scanner;`, MySQL's `TO
 * 'civi_report'@'localhost'`; not `PUBLIC`, a role, group or share named as such (Snowflake's `TO ROLE analyst`), or
 * the session's own user. (A role given only a password, `ALTER ROLE app WITH PASSWORD …`, is labeled a user by some
 * writers and not by others: left to `WITH LOGIN`, as the conventions say.)
 */
export function createUserSqlGrantDetector(): Detector {
  return createRuleDetector(
    'user',
    [
      [
        rule(
          ['grant '],
          `\\bGRANT\\s[^;\\n]{1,200}?\\sON\\s[^;\\n]{1,200}?\\sTO\\s+(?!(?:PUBLIC|ROLE|GROUP|SHARE|DATABASE|CURRENT_USER|SESSION_USER|CURRENT_ROLE)\\b)${open}(${name})(?=\\\\?["'\`\\]]?(?:@|\\s*[;,]|\\s+WITH\\b|\\s*$|\\\\?"))`,
          undefined,
          'gi',
        ),
      ],
    ],
    (value) => !isPlaceholderValue(value),
  );
}
