import { blanks } from '../keyword-scan';
import type { Detector } from './detector';
import { isGivenName } from './given-names';
import { createRuleDetector, rule } from './rules';
import { loginShaped, plainLogin } from './user-actor';
import { generatedOrNumber, proseLogin as name } from './user-name';

// What a person does to a record, in the past tense (not what a component does: `connected`, `ran`, `accepted`).
const actions = [
  'changed',
  'updated',
  'approved',
  'requested',
  'exported',
  'deleted',
  'created',
  'removed',
  'banned',
  'unbanned',
  'submitted',
  'cancelled',
  'canceled',
  'granted',
  'revoked',
  'reset',
  'uploaded',
  'downloaded',
  'viewed',
  'edited',
  'modified',
  'impersonated',
  'invited',
  'muted',
  'kicked',
];
// Where a message starts: the line's start, after a `component:` prefix, a `|` field, a `]` or a level word.
const messageStart = '(?:^|:[ \\t]+|\\|[ \\t]+|\\][ \\t]+|\\b(?:INFO|WARN|WARNING|ERROR|DEBUG|NOTICE|AUDIT)[ \\t]+)';

/** A plain login that reads as a person's: a given name (`tariq`), or a given name and an initial (`kwamel`, `meik`). */
function givenNameLogin(value: string): boolean {
  return /^[a-z]{4,24}$/.test(value) && (isGivenName(value) || isGivenName(value.slice(0, -1))) && plainLogin(value);
}

/**
 * The subject of a message that reports what a person did: at the message's start, a login then a person's action in
 * the past tense (`payouts-admin: tariq approved manual payout`, `| tourney-admin | fatima_pro4390 changed match`,
 * `moderation: mod.daniel banned commenter …`, `OEM tech portal: hannaho requested security access`). The name is a
 * login shape or a given name as logins write it; a component's own word (`WP-Cron: wp_version_check ran`, `gNB-N2
 * accepted`, `derp-13 connected`) is neither, or its verb is no person's.
 */
export function createUserSubjectDetector(): Detector {
  return createRuleDetector(
    'user',
    [
      [
        rule(
          actions.flatMap((verb) => blanks.slice(0, 2).map((b) => `${b}${verb}`)),
          `${messageStart}(${name})[ \\t]+(?:has[ \\t]+|was[ \\t]+)?(?:${actions.join('|')})\\b`,
          undefined,
          'gm',
        ),
      ],
    ],
    (value) => !generatedOrNumber.test(value) && (loginShaped(value) || givenNameLogin(value)),
  );
}
