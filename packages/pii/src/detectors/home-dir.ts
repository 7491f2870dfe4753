import { candidate, keepAsIs, type Candidate, type Detector } from './detector';

/**
 * Home directories name their user: `/home/draeger`, `/Users/xpc`, `/var/home/ana`, `C:\Users\li` (also with the
 * backslashes JSON-escaped). The directory up to the user name is replaced; the rest of the path stays readable.
 * Shared profiles (`/Users/Shared`, `C:\Users\Public`, `Default`) are not a person's.
 */
export function createHomeDirDetector(): Detector {
  const pattern =
    /(?<![\w.-])(?:(?:\/var|\/export)?\/home|\/Users|[A-Za-z]:(?:\\{1,2})Users)(?:\/|\\{1,2})([A-Za-z0-9_][\w.$-]{0,63})(?![\w$-])/g;
  const shared = /^(?:Shared|Public|Default|All)$/i;
  return {
    type: 'home_dir',
    keywordGroups: [['home', 'users']],
    mayMatch: (text) => /home|users/i.test(text),
    find(text: string, out: Candidate[]): void {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        const name = (m[1] as string).replace(/\.+$/, '');
        if (shared.test(name)) continue;
        const end = m.index + m[0].length - ((m[1] as string).length - name.length);
        out.push(candidate('home_dir', m.index, end));
      }
    },
    normalize: keepAsIs,
  };
}
