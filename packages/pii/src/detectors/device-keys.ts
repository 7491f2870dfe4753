import { anyOf, candidate, keepAsIs, type Candidate, type Detector } from './detector';

/**
 * The 128-bit keys that device standards name with short names of their own, given as 32 hex digits after the name
 * (`=`, `:` or a blank): a SIM's `Ki` (also `K`) and `OPc`/`OP` (3GPP TS 35.205/35.206, the subscriber's secret in an
 * HSS or a SIM batch: only in a line about a subscriber, with its IMSI or ICCID, since `K=` and `OP=` alone say
 * little), a smart meter's DLMS/COSEM `GUEK`, `GBEK`, `GAK` (global unicast and broadcast encryption keys,
 * authentication key), a KNX Secure device's `FDSK` (factory default setup key), and LoRaWAN's `NwkKey`, `AppSKey`,
 * `NwkSKey`, `FNwkSIntKey`, `SNwkSIntKey`, `NwkSEncKey`.
 */
const namedKey =
  /(?<![A-Za-z0-9_.-])(ki|k|opc|op|guek|gbek|gak|fdsk|nwkkey|appskey|nwkskey|fnwksintkey|snwksintkey|nwksenckey)(?:[ \t]*[=:][ \t]*|[ \t]+)["']?([0-9A-Fa-f]{32})(?![0-9A-Za-z])/gi;
const subscriberNames = new Set(['ki', 'k', 'opc', 'op']);
const aboutSubscriber = /imsi|iccid/i;

export function createDeviceKeysDetector(): Detector {
  // (`K` and `OP` count only beside an IMSI or ICCID, so those words gate them: `k ` alone is in every other line.)
  const words = ['ki', 'opc', 'imsi', 'iccid', 'guek', 'gbek', 'gak', 'fdsk', 'nwk', 'appskey'];
  const hint = anyOf(words);
  return {
    type: 'secret_kv',
    keywordGroups: [words],
    mayMatch: (text) => hint.test(text),
    find(text: string, out: Candidate[]): void {
      let subscriberLine: boolean | undefined;
      namedKey.lastIndex = 0;
      for (let m = namedKey.exec(text); m !== null; m = namedKey.exec(text)) {
        const value = m[2] as string;
        // A 128-bit key has both digits and letters in all but a few of its values; a run of one is an id or a count.
        if (!/\d/.test(value) || !/[A-Fa-f]/.test(value)) continue;
        if (subscriberNames.has((m[1] as string).toLowerCase()) && !(subscriberLine ??= aboutSubscriber.test(text)))
          continue;
        const end = m.index + m[0].length;
        out.push(candidate('secret_kv', end - value.length, end));
      }
    },
    normalize: keepAsIs,
  };
}
