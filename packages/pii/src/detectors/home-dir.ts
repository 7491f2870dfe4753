import { candidate, keepAsIs, type Candidate, type Detector } from './detector';

/**
 * Home directories name their user: `/home/draeger`, `/Users/xpc`, `/var/home/ana`, `/mnt/c/Users/li`, `C:\Users\li`
 * (also with the backslashes JSON-escaped), `~draeger`. The directory up to the user name is replaced; the rest of the path stays readable.
 * Shared profiles (`/Users/Shared`, `C:\Users\Public`, `Default`) are not a person's.
 */
export function createHomeDirDetector(): Detector {
  // A mount prefix (`/mnt/c/Users/…` in WSL, `/c/Users/…` in Git Bash, `/usr/home`, `/data/home`; not any path:
  // `/api/v1/home/dashboard` is a URL), Windows
  // `Users` and `Documents and Settings`, and `~name` (the shell's own spelling of a user's home).
  const pattern =
    /(?<![\w.~-])(?:(?:\/mnt\/[a-z]|\/[a-z]|\/usr|\/var|\/export|\/data|\/nfs|\/mnt|\/net\/[\w.-]+)?\/(?:home|Users)|[A-Za-z]:(?:\\{1,2})(?:Users|Documents and Settings))(?:\/|\\{1,2})([A-Za-z0-9_][\w.$-]{0,63})(?![\w$[-])|(?<![\w.~/-])~([a-z_][\w.-]{0,31})(?=\/|\s|$)/g;
  const shared = /^(?:Shared|Public|Default|All)$/i;
  return {
    type: 'home_dir',
    keywordGroups: [['home', 'users', 'documents and settings', '~']],
    mayMatch: (text) => /home|users|documents and settings|~/i.test(text),
    find(text: string, out: Candidate[]): void {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        const found = m[1] ?? (m[2] as string);
        const name = found.replace(/\.+$/, '');
        if (shared.test(name)) continue;
        const end = m.index + m[0].length - (found.length - name.length);
        out.push(candidate('home_dir', m.index, end));
      }
    },
    normalize: keepAsIs,
  };
}
