import { createRedactor } from '@obs/pii';
import { plantedSecrets } from '@obs/pii/testing';

/** A planted GitHub token: a secret its own reading types, wherever it stands. */
const token = plantedSecrets().find((p) => p.kind.startsWith('github token'))?.value ?? '';

/** Values a client sends in a record's fields, each with its own quotes, commas, brackets or line breaks beside a
 * secret: a command with a quoted token, JSON text in a string, a MySQL denial whose `YES` is no password, an INI block,
 * a quoted .netrc line. */
export const ownCharacters: Readonly<Record<string, string>> = {
  cmd: `release upload v3.1 --token "${token}" --clobber`,
  reply: `reply {"authorization":"token ${token}","accept":"json"} sent`,
  denial: `Access denied for user 'tquill'@'10.20.30.40' (using password: YES)\n`,
  ini: '[db]\nuser=tquill\npassword=Vx82kLq0Zr\n',
  netrc: '"netrc: machine ci.example.net login tquill password Vx82kLq0Zr",',
};

/** What none of those values may let out. */
export const ownSecrets: readonly string[] = [token, 'Vx82kLq0Zr', 'tquill', '10.20.30.40'];

export const redactor = createRedactor();
