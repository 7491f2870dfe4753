import { entropyPerChar } from '../checksums/entropy';
import type { Detector } from './detector';
import { createRuleDetector, rule } from './rules';
import { isPlaceholderValue } from './secret-kv';

/**
 * A stream key in an RTMP publish URL: `rtmp://HOST[:PORT]/APP/KEY` (and `rtmps://`) names the stream by its last path
 * segment, and whoever holds it may broadcast on the channel, whatever the service (a video platform's ingest, a
 * restreamer, one's own media server). Only a generated key counts (see streamKeyShaped): a stream named by words
 * (`/live/studio`, `/live/camera-north-01`) is a name, no secret.
 */
const publishUrl = rule(
  ['rtmp'],
  String.raw`(?<![\w.+-])rtmps?://[^\s/"'<>?#\\]+(?:/[^\s/"'<>?#\\]+)*/([^\s/"'<>?#&\\,;)\]}]{12,128})(?![^\s"'<>?#\\,;)\]}])`,
  undefined,
  'gi',
);

/** A part that a generator made: 4+ characters mixing letters and digits (`fws7`, `Kq9vX2pLz7`, `f1d8a66c`). */
const mixedPart = /^(?=[^\W_]*\d)(?=[^\W_]*[A-Za-z])[^\W_]{4,}$/;

/** 12+ characters with a letter and a digit, a part between `-`, `_` and `.` mixing both, and 3+ bits a character: not
 * a name and a counter (`camera-north-01`, `event_2026_12`). */
function streamKeyShaped(value: string): boolean {
  return (
    value.split(/[-_.]+/).some((part) => mixedPart.test(part)) &&
    entropyPerChar(value) >= 3 &&
    !isPlaceholderValue(value)
  );
}

export function createStreamKeyDetector(): Detector {
  return createRuleDetector('secret_kv', [[publishUrl]], streamKeyShaped);
}
