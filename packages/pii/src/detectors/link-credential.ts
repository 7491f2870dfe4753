import { anyOf, candidate, keepAsIs, type Candidate, type Detector } from './detector';
import { isPlaceholderValue } from './secret-kv';

/**
 * The one-time credential of a sign-in, reset or confirmation link: whoever opens the link is let in, so the code in
 * it is a secret however short, whatever the product (`/login/magic?t=…`, `/reset?email=…&code=…`,
 * `/verify-email?token=…`, `/invite/accept?k=…`). Read from the query of a URL or a request path whose path names such
 * a link (login, sign-in, magic, reset, recover, verify, confirm, activate, invite), under the short names such links
 * use (`t`, `k`, `code`, `otp`, `key`, `token`); only a generated value (see oneTimeCode): `t=expired` is a word.
 */
const linkWords = [
  'login',
  'log-in',
  'signin',
  'sign-in',
  'sign_in',
  'magic',
  'reset',
  'recover',
  'verif',
  'confirm',
  'activat',
  'invit',
];
/** A query parameter with one of the names such links use, and its value up to the next parameter. */
const codeParameter = /(?:^|&)(?:t|k|code|otp|key|token)=([A-Za-z0-9_~.-]{8,128})(?=$|[&),;])/gi;

/** What ends a URL or path read back from its `?`, or its query read forward: blanks, quotes, angle brackets. */
function endsUrl(code: number): boolean {
  return code <= 32 || code === 34 || code === 39 || code === 60 || code === 62;
}

/** True when the path before a `?` (at most 256 characters back) names a sign-in, reset or confirmation link in a
 * segment after its first `/`. Read by character code and `includes`: a pattern run from each `/` of a line of n of
 * them read it n^2/2 times. */
function linkPathBefore(text: string, question: number): boolean {
  const floor = Math.max(0, question - 256);
  let start = question;
  // (A path holds no `?`: the one before this ends another URL's path.)
  while (start > floor && !endsUrl(text.charCodeAt(start - 1)) && text.charCodeAt(start - 1) !== 63) start--;
  const path = text.slice(start, question).toLowerCase();
  const slash = path.indexOf('/');
  return slash >= 0 && linkWords.some((word) => path.indexOf(word, slash) >= 0);
}

/** 8+ characters with a letter and a digit, not a word and a number joined (`reset-2026`, `step_2_done`). */
function oneTimeCode(value: string): boolean {
  return (
    /\d/.test(value) &&
    /[A-Za-z]/.test(value) &&
    !/^(?:[A-Za-z][a-z]+[-_.])*[A-Za-z][a-z]+[-_.]?\d+$|^\d+[-_.]?[A-Za-z][a-z]+$/.test(value) &&
    !isPlaceholderValue(value)
  );
}

export function createLinkCredentialDetector(): Detector {
  const hint = anyOf(linkWords);
  return {
    type: 'secret_kv',
    keywordGroups: [linkWords],
    mayMatch: (text) => hint.test(text),
    find(text: string, out: Candidate[]): void {
      for (let question = text.indexOf('?'); question >= 0;) {
        if (!linkPathBefore(text, question)) {
          question = text.indexOf('?', question + 1);
          continue;
        }
        let end = question + 1;
        while (end < text.length && end - question <= 2048 && !endsUrl(text.charCodeAt(end)) && text[end] !== '#')
          end++;
        const query = text.slice(question + 1, end);
        codeParameter.lastIndex = 0;
        for (let m = codeParameter.exec(query); m !== null; m = codeParameter.exec(query)) {
          const value = m[1] as string;
          // Only the value is claimed: the link's other parameters (an email) are other detectors' to find.
          const valueEnd = question + 1 + m.index + m[0].length;
          if (oneTimeCode(value)) out.push(candidate('secret_kv', valueEnd - value.length, valueEnd));
        }
        // (The next link starts after this one's query: a `?` inside it is no link's.)
        question = text.indexOf('?', end);
      }
    },
    normalize: keepAsIs,
  };
}
