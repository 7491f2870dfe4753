import { findValues } from '../testing';
import { createHomeDirDetector } from './home-dir';

describe('home_dir detector', () => {
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
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['ignores shared profiles when they belong to nobody', '/Users/Shared/Caches and C:\\Users\\Public\\Desktop'],
    ['ignores a home word when it is not a path', 'home page /srv/home-assets/x'],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
