import { candidate, keepAsIs, type Candidate, type Detector } from './detector';
import { personRoles } from './person-roles';
import { mailDomain } from './principal';
import { loginShaped, plainLogin } from './user-actor';

// An address's domain, read after its `@` (it may end a sentence: `… dmorales@example.com.`).
const domain = new RegExp(mailDomain, 'y');

/** A character of a local part (letters, digits, `.`, `_`, `-`), by code. */
function isLocalCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) || code === 46 || code === 95 || code === 45
  );
}

/** Each address's local part (without a `+tag`), read from its `@` back. */
function localParts(text: string): Set<string> {
  const locals = new Set<string>();
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    domain.lastIndex = at + 1;
    if (!domain.test(text)) continue;
    let start = at;
    while (start > 0 && isLocalCharacter(text.charCodeAt(start - 1))) start--;
    // (A `+tag` before the `@` is no part of the login: `oboateng+ill@`.)
    let localEnd = at;
    if (start > 1 && text.charCodeAt(start - 1) === 43) {
      localEnd = start - 1;
      start = localEnd;
      while (start > 0 && isLocalCharacter(text.charCodeAt(start - 1))) start--;
    }
    if (localEnd - start >= 3) locals.add(text.slice(start, localEnd));
  }
  return locals;
}

// A token: a run of a local part's characters.
const token = /[A-Za-z0-9._-]+/g;
// What glues a token to something larger: a path's or an escape's `/` `\`, `@`, `%`, `+` (the address's own local
// part is glued to its `@` or `+`).
const glued = /[@/\\%+]/;
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
      if (locals.size === 0) return;
      // One pass over the line's tokens (an address's own local part is glued to its `@` or `+`): linear however
      // many addresses the line holds.
      const seen = new Map<string, boolean>();
      token.lastIndex = 0;
      for (let m = token.exec(text); m !== null; m = token.exec(text)) {
        let value = m[0];
        // (A dot after it ends a sentence: `mapped to jbarnes.`)
        while (value.endsWith('.')) value = value.slice(0, -1);
        if (!locals.has(value)) continue;
        const at = m.index;
        const end = at + value.length;
        if (at > 0 && glued.test(text.charAt(at - 1))) continue;
        if (end === m.index + m[0].length && glued.test(text.charAt(end))) continue;
        let login = seen.get(value);
        if (login === undefined) {
          login = loginLocal(value);
          seen.set(value, login);
        }
        if (login) out.push(candidate('user', at, end));
      }
    },
    normalize: keepAsIs,
  };
}
