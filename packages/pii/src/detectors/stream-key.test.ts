import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createStreamKeyDetector } from './stream-key';

describe('a stream key in an RTMP publish URL', () => {
  const detector = createStreamKeyDetector();
  const scanner = createPiiScanner();

  test.each([
    [
      'in groups of four',
      'encoder: publishing to rtmp://ingest.example.tv/live2/q7rm-2kzx-p9wd-4hvt-m3ce',
      ['q7rm-2kzx-p9wd-4hvt-m3ce'],
    ],
    [
      'with a port, over TLS, quoted',
      'push failed url="rtmps://edge.example.net:443/rtmp/CH-55120983-1-Hx7PqL2vRt9W" err=timeout',
      ['CH-55120983-1-Hx7PqL2vRt9W'],
    ],
    [
      'joined by underscores',
      'ffmpeg -f flv rtmp://live.example.org/app/sk_40127_b8e1c95fa27d',
      ['sk_40127_b8e1c95fa27d'],
    ],
    ['after a stream name', 'relay: rtmp://10.0.0.5:1935/live/chapel-2Wq8Zr4Lx6Tb accepted', ['chapel-2Wq8Zr4Lx6Tb']],
  ])('finds it %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
    const scanned = scanner.scan(text).map((m) => m.value);
    for (const value of expected) expect(scanned).toContain(value);
  });

  test.each([
    ['a stream named by words', 'pull rtmp://127.0.0.1:1935/live/studio and rtmp://media.example/live/camera-north-01'],
    ['an application without a stream', 'server rtmp://ingest.example.tv:1935/live ready'],
    ['a short name with a counter', 'rtmp://user:x@198.51.100.9:1935/live/M30-0421'],
    ['a name and a date', 'recording rtmp://vod.example.org/replay/event_2026_12_07'],
    ['another scheme', 'GET https://cdn.example.net/app/q7rm-2kzx-p9wd-4hvt-m3ce'],
  ])('leaves %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
