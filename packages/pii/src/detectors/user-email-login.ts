import { candidate, keepAsIs, type Candidate, type Detector } from './detector';
import { personRoles } from './person-roles';
import { loginShaped, plainLogin } from './user-actor';

// An address's domain, read after its `@`.
const domain = /[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}/y;

/** A character of a local part (letters, digits, `.`, `_`, `-`), by code. */
function isLocalCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) || code === 46 || code === 95 || code === 45
  );
}

// Each local part is looked for over the whole line: the first 64 different ones a line (a line of thousands of
// addresses, each looked for from the line's start, was quadratic: 512 KB of `a@b.co ` took 5 s).
const localPartsMax = 64;

/** Each address's local part (without a `+tag`) and where the address stands, read from its `@` back and forward. */
function localParts(text: string): Map<string, Array<[number, number]>> {
  const locals = new Map<string, Array<[number, number]>>();
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    domain.lastIndex = at + 1;
    if (!domain.test(text)) continue;
    let start = at;
    while (start > 0 && isLocalCharacter(text.charCodeAt(start - 1))) start--;
    // (A `+tag` before the `@` is no part of the login: `oboateng+ill@`.)
    let localEnd = at;
    const plus = start - 1;
    if (plus > 0 && text.charCodeAt(plus) === 43) {
      localEnd = plus;
      start = plus;
      while (start > 0 && isLocalCharacter(text.charCodeAt(start - 1))) start--;
    }
    if (localEnd - start < 3) continue;
    const local = text.slice(start, localEnd);
    const spans = locals.get(local);
    if (spans !== undefined) spans.push([start, domain.lastIndex]);
    else if (locals.size < localPartsMax) locals.set(local, [[start, domain.lastIndex]]);
  }
  return locals;
}
// What glues a token to something larger: a word character, `.`, `@`, a path's or an escape's `/` `\`, `%`, `+`, `-`.
const glued = /[\w.@/\\%+-]/;
const gluedAfter = /[\w@/\\%+-]/;
// A role's mailbox (`treasurer@`, `recruiter@`) names a function, not the person: the word alone is the role.
const roles = new Set(personRoles);

/** True when the local part can be a person's login: login-shaped or a plain login, no role. */
function loginLocal(local: string): boolean {
  return !roles.has(local.toLowerCase()) && (loginShaped(local) || plainLogin(local));
}

/**
 * A login that is also the local part of an address in the same line, standing on its own there: a cell, a key's
 * value, an element's text (`"dmorales","Morales","Diana","dmorales@…"`, `"name":"dkowalczyk","email":"dkowalczyk@…"`,
 * `<primary_id>nkaraoglu</primary_id>… nkaraoglu@…`): organisations make a person's login and mailbox of one name.
 * The token must be a login (not `git`, `admin`, `abuse`, `billing`: words) and not glued to a path, a host or an
 * address (`C:\\Users\\wen_pet\\` is a home directory).
 */
export function createUserEmailLoginDetector(): Detector {
  return {
    type: 'user',
    keywordGroups: [['@']],
    mayMatch: (text) => text.includes('@'),
    find(text: string, out: Candidate[]): void {
      const locals = localParts(text);
      for (const [local, spans] of locals) {
        // (Most addresses' local parts stand nowhere else in the line: the cheap test first.)
        const first = text.indexOf(local);
        if (spans.length === 1 && text.indexOf(local, first + 1) === -1) continue;
        if (!loginLocal(local)) continue;
        // (The addresses' spans are in order, their starts and ends both: the first that ends after `at` is the only one
        // that can hold it.)
        let span = 0;
        for (let at = text.indexOf(local); at !== -1; at = text.indexOf(local, at + 1)) {
          const end = at + local.length;
          while (span < spans.length && (spans[span] as [number, number])[1] <= at) span++;
          if (span < spans.length && (spans[span] as [number, number])[0] <= at) continue;
          const after = text.charAt(end);
          if (at > 0 && glued.test(text.charAt(at - 1))) continue;
          if (gluedAfter.test(after) || (after === '.' && /\w/.test(text.charAt(end + 1)))) continue;
          out.push(candidate('user', at, end));
        }
      }
    },
    normalize: keepAsIs,
  };
}
