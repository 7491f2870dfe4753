import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createHomeDirDetector } from './home-dir';

describe('home_dir detector', () => {
  const scanner = createPiiScanner({ types: ['home_dir'] });
  const detector = createHomeDirDetector();

  test.each([
    [
      'replaces the directory up to the user when a Linux path is logged',
      'open /home/draeger/.ssh/config failed',
      ['/home/draeger'],
    ],
    ['replaces the directory when a macOS path is logged', 'at /Users/xpc/code/app.js:1:2', ['/Users/xpc']],
    [
      'replaces the directory when a Windows path is JSON-escaped',
      '{"path":"C:\\\\Users\\\\li\\\\AppData"}',
      ['C:\\\\Users\\\\li'],
    ],
    ['finds the directory when it is a PWD value', 'PWD=/home/ci', ['/home/ci']],
    [
      'replaces the whole prefix when a home sits under a mount',
      'cd /mnt/c/Users/ana && ls /data/home/bo/x /usr/home/cy',
      ['/mnt/c/Users/ana', '/data/home/bo', '/usr/home/cy'],
    ],
    ['replaces a tilde home when the shell names one', 'cp ~deploy/.ssh/id_rsa ~ops2 /tmp', ['~deploy', '~ops2']],
    [
      'replaces an old Windows profile when a path has one',
      'C:\\Documents and Settings\\mark\\Desktop',
      ['C:\\Documents and Settings\\mark'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
    // Through the scanner too: a rule runs only where its keywords are, so this checks they cover the text.
    const scanned = scanner.scan(text).map((m) => m.value);
    for (const value of expected) expect(scanned).toContain(value);
  });

  test.each([
    ['ignores shared profiles when they belong to nobody', '/Users/Shared/Caches and C:\\Users\\Public\\Desktop'],
    ['ignores a home word when it is not a path', 'home page /srv/home-assets/x GET /api/v1/home/dashboard'],
    ['ignores a lone tilde when it is the current home or a version range', 'cd ~ && ls ~/x; "lodash": "~4.17.21"'],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
