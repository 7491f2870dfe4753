import { afterAnyBut, blanks } from '../keyword-scan';
import { isCommonWord } from './common-words';
import { combineDetectors, type Detector } from './detector';
import { createRuleDetector, rule } from './rules';
import { loginShaped, plainLogin } from './user-actor';
import { proseLogin as name } from './user-name';

// A handle as people pick one on a social or chat platform: lower-case words and digits joined by `_`.
const snakeHandle = '[a-z][a-z0-9]*(?:_[a-z0-9]+){1,5}';
const end = `(?=$|[\\s,;)\\]}'"]|\\\\["']|[.:!?](?:\\s|$))`;

/** A handle after a preposition is a person's when it is in lower case and a login shape (no word of software, host,
 * file or generated id), not a record's number (`blk_7128370237687728475`, `pt_4012`) and not only English words
 * (`moved to apply_instructions`, `to dead_letter`, `from read_only`: a field, a queue, a mode) unless a short number
 * ends it (`chat_spammer_77`). */
function snakeHandleLogin(value: string): boolean {
  if (value !== value.toLowerCase() || /\d[a-z]|\d{5}|^[a-z]{1,3}_\d+$/.test(value) || !loginShaped(value))
    return false;
  return /\d/.test(value) || !value.split('_').every((part) => isCommonWord(part));
}

/**
 * Handles, as chat, community and partner platforms write them: in a mention's place, `@` glued to nothing before it
 * (no email's, path's or address's), a login after it and then a blank, punctuation or the end (`message from
 * @dalia_bia (id …)`, `user @hanabi_chan (local)`, `!so @neon_cartographer`, `"slack_user":"@jlaurent"`); not a flag's
 * file argument (`curl -d @events.ndjson`), a Perl array (`@mynetworks = qw(…)`), a scope or decorator with a path
 * after it (`@types/node`), and the name must be a login by its shape or no word (`@param`, `@here`, `@Override`). And
 * a handle of lower-case words joined by `_` after `from`, `to`, `about` or `with` (`message from cheap_viewers_xyz:`,
 * `report from tariq_pro1359 about bruno_pro6624`, `received from edi_maersk_like via AS2`).
 */
export function createUserHandleDetector(): Detector {
  const mentions = createRuleDetector(
    'user',
    [
      [
        rule(
          afterAnyBut(/[\w.@%+\\/:-]/, '@'),
          `(?<![\\w.@%+\\\\/:-])(?<!(?:^|\\s)--?[\\w-]+[\\s=])@(${name})(?!\\s*=)${end}`,
        ),
      ],
    ],
    (value) => loginShaped(value) || plainLogin(value),
  );
  const afterPreposition = createRuleDetector(
    'user',
    [
      [
        rule(
          ['from', 'to', 'about', 'with'].flatMap((word) => blanks.map((b) => `${word}${b}`)),
          `\\b(?:from|to|about|with)\\s+(?<!\\bselect\\b[^;\\n]{0,200})(${snakeHandle})${end}`,
          undefined,
          'gi',
          [['_']],
        ),
      ],
    ],
    snakeHandleLogin,
  );
  return combineDetectors('user', [mentions, afterPreposition]);
}
