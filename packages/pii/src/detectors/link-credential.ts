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
const linkCode = new RegExp(
  String.raw`(?<![\w.-])(?:[a-z][\w+.-]*://[^\s/?#"'<>]+)?/[^\s?#"'<>]*?(?:log-?in|sign[-_]?in|magic|reset|recover|verif|confirm|activat|invit)[^\s?#"'<>]*\?(?:[^\s#"'<>&]*&)*?(?:t|k|code|otp|key|token)=([A-Za-z0-9_~.-]{8,128})(?=$|[\s&#"'<>),;])`,
  'gi',
);

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
      linkCode.lastIndex = 0;
      for (let m = linkCode.exec(text); m !== null; m = linkCode.exec(text)) {
        const value = m[1] as string;
        // Only the value is claimed: the link's other parameters (an email) are other detectors' to find.
        const end = m.index + m[0].length;
        if (oneTimeCode(value)) out.push(candidate('secret_kv', end - value.length, end));
      }
    },
    normalize: keepAsIs,
  };
}
