import type { Detector } from './detector';
import { createRuleDetector, rule } from './rules';
import { loginShaped, plainLogin, systemAccounts } from './user-actor';
import { proseLogin as name } from './user-name';

// A bot's account (`deploybot`, `cad-bot`, `bot`): the parts label a channel's bots either way, its people always.
const botName = /bot$/i;

/**
 * The speaker of a chat line, by the syntax chat exports and IRC logs share: a channel (`#name`, maybe in brackets)
 * after a time or a bridge's tag, then the nick in angle brackets (IRC: `[10:02] #ops <okafory> pushed the fix`) or
 * the nick and a colon (Slack, Teams and bridges: `[#uw-platform] rbhatt: rotated…`, `[#ops] <@U0XY> ahaddad: …`,
 * `[sitebot] #safety nowakp: …`). A login by its shape or a plain login, not a display name (`Ana Park:`) or a bot.
 */
export function createUserChatDetector(): Detector {
  return createRuleDetector(
    'user',
    [
      [
        rule(
          ['] #', '[#'],
          `(?:^|\\]\\s?)(?:\\[#[\\w.-]+\\]|#[\\w.-]+)\\s+(?:<(${name})>|(?:<@[A-Z0-9]+>\\s+)?(${name}):)\\s`,
        ),
      ],
    ],
    (value) => !botName.test(value) && (loginShaped(value) || plainLogin(value) || systemAccounts.has(value)),
  );
}
