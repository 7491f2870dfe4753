import { isCommonWord } from './common-words';
import { anyOf, candidate, keepAsIs, type Candidate, type Detector } from './detector';
import { loginShaped, plainLogin } from './user-actor';
import { fieldLoginEnd as end, proseLogin as name } from './user-name';

// A value's quote, maybe escaped (`\\"old\\":\\"…\\"` in a JSON string).
const quote = `\\\\?["']?`;
// What separates the two fields: blanks, `,`, `;` or `&`.
const between = `${quote}[\\s,;&]+`;

/** A generated id or a record's number, not a login: a letter after a digit, a short prefix and a number. */
const generatedOrNumber = /\d[A-Za-z]|^[A-Za-z]{1,4}[_-]?\d+$/;

/** A login on each side of a hand-off: its shape or a plain login, not made only of common words (`from=phone_screen
 * to=onsite` moves a stage, `from=blue to=purple` a colour). */
function handOffLogin(value: string): boolean {
  if (generatedOrNumber.test(value)) return false;
  if (value.split(/[._-]/).every((part) => isCommonWord(part.toLowerCase().replace(/\d+$/, '')))) return false;
  return loginShaped(value) || plainLogin(value);
}

/**
 * Both sides of a hand-off written as fields: `from=a to=b` (an invite, a shift swap), `old_owner=a new_owner=b` (the
 * same word after `old`/`prev`/`previous` and `new`/`next`), `"old":"a","new":"b"` and `"from":"a","to":"b"` (a
 * rename). Both values must be logins, or neither is taken: `from=2026-11-02 to=2026-11-11`, `old=4.12 new=4.21`,
 * `from=WaitForApproval to=CreateAccount` and addresses (`old_email=…`, an `email`) name no account.
 */
export function createUserHandOffDetector(): Detector {
  const patterns: ReadonlyArray<readonly [RegExp, number, number]> = [
    [
      new RegExp(
        `(?<![\\w.-])${quote}from${quote}\\s*[=:]\\s*${quote}(${name})${between}${quote}to${quote}\\s*[=:]\\s*${quote}(${name})${end}`,
        'gd',
      ),
      1,
      2,
    ],
    [
      new RegExp(
        `(?<![\\w.-])${quote}(?:old|prev|previous)[_-]?([a-z]*)${quote}\\s*[=:]\\s*${quote}(${name})${between}${quote}(?:new|next)[_-]?\\1${quote}\\s*[=:]\\s*${quote}(${name})${end}`,
        'gd',
      ),
      2,
      3,
    ],
  ];
  const words = ['from=', 'from:', 'from"', "from'", 'from\\', 'old', 'prev'];
  const hint = anyOf(words);
  return {
    type: 'user',
    keywordGroups: [words],
    mayMatch: (text) => hint.test(text),
    find(text: string, out: Candidate[]): void {
      for (const [pattern, first, second] of patterns) {
        pattern.lastIndex = 0;
        for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
          const a = m.indices?.[first];
          const b = m.indices?.[second];
          // (Both sides or neither: one login beside a date or a stage is no hand-off.)
          if (a === undefined || b === undefined) continue;
          if (!handOffLogin(m[first] as string) || !handOffLogin(m[second] as string)) continue;
          out.push(candidate('user', a[0], a[1]), candidate('user', b[0], b[1]));
        }
      }
    },
    normalize: keepAsIs,
  };
}
