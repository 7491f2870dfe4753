import { afterAnyBut } from '../keyword-scan';
import type { Detector } from './detector';
import { createRuleDetector, rule } from './rules';
import { loginShaped, plainLogin } from './user-actor';

// A handle: letters, digits and single inner `.`/`_`/`-`.
const name = '[A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+){0,6}';

/**
 * A handle in a mention's place: `@` glued to nothing before it (no email's, path's or address's), a login after it
 * and then a blank, punctuation or the end (`message from @dalia_bia (id …)`, `user @hanabi_chan (local)`, `!so
 * @neon_cartographer`, `"slack_user":"@jlaurent"`). Not a flag's file argument (`curl -d @events.ndjson`), a Perl
 * array (`@mynetworks = qw(…)`), a scope or decorator with a path after it (`@types/node`), and the name must be a
 * login by its shape or no word (`@param`, `@here`, `@Override` are words).
 */
export function createUserHandleDetector(): Detector {
  return createRuleDetector(
    'user',
    [
      [
        rule(
          afterAnyBut(/[\w.@%+\\/:-]/, '@'),
          `(?<![\\w.@%+\\\\/:-])(?<!(?:^|\\s)--?[\\w-]+[\\s=])@(${name})(?!\\s*=)(?=$|[\\s,;)\\]}'"]|\\\\["']|[.:!?](?:\\s|$))`,
        ),
      ],
    ],
    (value) => loginShaped(value) || plainLogin(value),
  );
}
