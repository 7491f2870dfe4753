import { anyOf, candidate, digitsOnly, keyRunStart, type Candidate, type Detector } from './detector';
import { execAtKeyPair, joined, keyWordFamily } from './key-separators';
import { isE164, normalizePhone } from './phone';

/**
 * A number under a key that names a phone, written as software stores it: E.164 without `+` (`msisdn=2348026874211`),
 * national without separators (`"mobile":"07700900452"`), or grouped in quotes (`"phone":"0176 12345678"`). The key
 * says what the shapes cannot (a bare digit run is an id as often as a phone), so the value only needs 7-15 digits.
 */

/** Words that name a phone number on their own, as a key's last word (`msisdn`, `mobile_phone`, `userTel`), and the
 * telephony names of a call's numbers: the calling and called party (a CDR's or a mediation's `calling=`/`called=`),
 * ANI and DNIS (a contact centre's caller and dialled number), TN (number porting's `<SubscriberTn>`). */
const phoneWords = new Set([
  'msisdn',
  'phone',
  'telephone',
  'tel',
  'mobile',
  'cell',
  'cellphone',
  'fax',
  'calling',
  'called',
  'ani',
  'dnis',
  'tn',
]);
/** The short ones are inside many words: the keyword pass looks for them with the character after a key. */
const shortPhoneWords = new Set(['ani', 'tn']);
/** Last words that name a number of some kind: a phone's when the word before it, or the key of the object it is in,
 * names a phone or a call (`phone_number`, `callingNumber`, `mobilePhone.subscriber`, `"phone":{"number":…}`; not
 * `Contact.TaxNumber`). */
const numberWords = new Set(['number', 'num', 'no', 'nr', 'subscriber', 'digits']);
const callWords = new Set(['calling', 'called', 'caller', 'callee', 'contact', 'sms']);

// Glued spellings of a phone word and a number word (`phonenumber`, `MOBILENO`) are one word to the splitter below.
const gluedPhoneWords = new Set(
  [...phoneWords].flatMap((word) => joined(word, [...numberWords], '')).filter((word) => !phoneWords.has(word)),
);

const phoneKeys = keyWordFamily([...phoneWords, ...numberWords, ...gluedPhoneWords]);

// Starts on the separator and looks behind for a word (the key is read by walking back from it): an optional quote,
// then `+`/`%2B`/`00` and digits with `-`, `.` or `()` between them, or spaces too inside quotes.
const valueAfterKey =
  /[:=](?<=(?:msisdn|phone|tel|mobile|cell|fax|number|num|no|nr|subscriber|digits|calling|called|ani|dnis|tn)\\?["']?\s*[:=])\s*(?:\\?(["'])(?=[+(\d%])((?:\+|%2[Bb])?\(?\d[\d ().-]{5,22}\d)\\?["']|((?:\+|%2[Bb])?\(?\d[\d().-]{5,22}\d)(?![\w.:/-]))/gi;

// The same words as an XML element (`<msisdn>2348026874211</msisdn>`, `<ns:MobileNumber>…`).
const phoneElement = /<((?:[\w-]+:)?[A-Za-z][\w.-]{0,40})>\s*((?:\+|00)?\(?\d[\d ().-]{5,22}\d)\s*<\/\1>/g;

// The one phone word with no other meaning also names the number in prose (`3PID bind: msisdn 33612345678 -> …`).
const inProse = 2; // the keyword group of `msisdn`
const msisdnInProse = /\bmsisdn\s+((?:\+|00)?\d{7,15})(?![\w.:/-])/gi;

// The address of a message (`to=`, `"from":"…"`, `[to:…]`, WhatsApp's `wa_id` and `recipient_id`, `recipient`,
// `sender`, SMPP's `source_addr` and `destination_addr`/`dest_addr`, an SMS gateway's `from <…>` and `to <…>`):
// messaging APIs and SMS gateways write an international number there without `+`, and the digits must read as one
// (isE164).
const keyGroup = 1; // the keyword group of the phone and call words
const messageGroup = 4; // the keyword group of the words below
const messageWords = [
  'to=',
  'to:',
  'to"',
  "to'",
  'to\\',
  'from=',
  'from:',
  'from"',
  "from'",
  'from\\',
  'from <',
  'to <',
];
const messageKeys = ['wa_id', 'recipient', 'sender', '_addr'];
const messageAddress =
  /(?:[:=](?<=(?:\b(?:to|from)|wa_id|recipients?|recipient_id|sender|\b(?:source|src|destination|dest|dst)_addr)\\?["']?[:=])\s*\\?["']?([1-9]\d{10,14})|\b(?:from|to) <([1-9]\d{10,14})>)(?![\w.:/-])/gi;

/** The words of a key: split at `_`, `.`, `-`, spaces and camelCase capitals, lower-cased. */
function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** True when the key (and, for a bare number word, the key of its parent object or path) names a phone number. */
function namesPhone(words: readonly string[], parentWords: readonly string[]): boolean {
  const last = words[words.length - 1];
  if (last === undefined) return false;
  if (phoneWords.has(last) || gluedPhoneWords.has(last)) return true;
  if (!numberWords.has(last)) return false;
  const before = words.length > 1 ? words[words.length - 2] : parentWords[parentWords.length - 1];
  return before !== undefined && (phoneWords.has(before) || callWords.has(before));
}

/** The telephony words are also ordinary words or short names: `last_called`, `times_called`, `lastCalled` count or
 * time calls, and `tn` is any short key (`{"k8s":{"tn":…}}`). So `calling`/`called` name a number only as the whole key
 * (`calling=`, `Called=`), `tn` only as an element's last word (`<SubscriberTn>`), upper case (`TN=`) or before a `+`
 * number; and under any of them ten or thirteen digits starting with 1 are a Unix time (no country's number has that
 * shape without its `+`), and a bare `YYYYMMDD[HH]` a date. */
const telephonyWords = new Set(['calling', 'called', 'ani', 'dnis', 'tn']);
const unixTime = /^1\d{9}(?:\d{3})?$|^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])?$/;
function telephonyKeyHolds(words: readonly string[], key: string, value: string, element: boolean): boolean {
  const last = words[words.length - 1] as string;
  if (!telephonyWords.has(last)) return true;
  // The whole key: the last run without a space (a key run may start on prose, `rejected calling=`).
  if ((last === 'calling' || last === 'called') && keyWords(key.slice(key.search(/\S+$/))).length !== 1) return false;
  if (last === 'tn' && !element && !key.endsWith('TN') && !/^(?:\+|%2B)/i.test(value)) return false;
  return !unixTime.test(value);
}

/** The key of the JSON object a key at `keyAt` is in, when that object opened within the last 200 characters. */
function parentKey(text: string, keyAt: number): string {
  let depth = 0;
  for (let i = keyAt - 1; i >= Math.max(0, keyAt - 200); i--) {
    const c = text[i];
    if (c === '}') depth++;
    else if (c === '{' && depth-- === 0)
      return /["']?([\w.-]+)["']?\s*[:=]\s*$/.exec(text.slice(Math.max(0, i - 60), i))?.[1] ?? '';
  }
  return '';
}

/** 7-15 digits, not a date (`2024-06-14`) or a decimal, with at most one separator between two digits. */
function phoneValue(value: string): boolean {
  const digits = digitsOnly(value).length;
  return (
    digits >= 7 &&
    digits <= 15 &&
    !/^\d{4}[-./]\d\d[-./]\d\d|^\d+\.\d+$/.test(value) &&
    !/[ .-]{2}|[.-][ ]|[ ][.-]/.test(value) &&
    value.split('(').length === value.split(')').length
  );
}

/** Pushes every number under a phone key (a `key=`/`key:` pair or an XML element), a message address or `msisdn` in
 * prose in text, each where the keyword pass saw its words. */
function findPhonesByKey(text: string, out: Candidate[], groups = keyGroup | inProse | messageGroup): void {
  if ((groups & keyGroup) !== 0) findPhonesUnderPhoneKeys(text, out);
  if ((groups & messageGroup) !== 0) {
    messageAddress.lastIndex = 0;
    for (let m = messageAddress.exec(text); m !== null; m = messageAddress.exec(text)) {
      const value = (m[1] ?? m[2]) as string;
      const end = m.index + m[0].length - (m[2] === undefined ? 0 : 1);
      if (isE164(value)) out.push(candidate('phone', end - value.length, end, m.index, end));
    }
  }
  if ((groups & inProse) !== 0) {
    msisdnInProse.lastIndex = 0;
    for (let m = msisdnInProse.exec(text); m !== null; m = msisdnInProse.exec(text)) {
      const end = m.index + m[0].length;
      out.push(candidate('phone', end - (m[1] as string).length, end, m.index, end));
    }
  }
}

/** Numbers under a key or an XML element that names a phone. */
function findPhonesUnderPhoneKeys(text: string, out: Candidate[]): void {
  for (
    let m = execAtKeyPair(valueAfterKey, text, 0, phoneKeys);
    m !== null;
    m = execAtKeyPair(valueAfterKey, text, m.index + m[0].length, phoneKeys)
  ) {
    const value = (m[2] ?? m[3]) as string;
    const keyAt = keyRunStart(text, m.index);
    const key = text.slice(keyAt, m.index).replace(/^[\\"'[]+|[\\"'\s\]]+$/g, '');
    const words = keyWords(key);
    if (!phoneValue(value) || !namesPhone(words, keyWords(parentKey(text, keyAt)))) continue;
    if (!telephonyKeyHolds(words, key, value, false)) continue;
    const end = m.index + m[0].length - (m[2] === undefined ? 0 : m[0].endsWith('\\"') || m[0].endsWith("\\'") ? 2 : 1);
    out.push(candidate('phone', end - value.length, end, keyAt, end));
  }
  if (!text.includes('</')) return;
  phoneElement.lastIndex = 0;
  for (let m = phoneElement.exec(text); m !== null; m = phoneElement.exec(text)) {
    const value = m[2] as string;
    const name = (m[1] as string).replace(/^[\w-]+:/, '');
    const words = keyWords(name);
    if (!phoneValue(value) || !namesPhone(words, []) || !telephonyKeyHolds(words, name, value, true)) continue;
    const start = m.index + m[0].indexOf(value, (m[1] as string).length + 2);
    out.push(candidate('phone', start, start + value.length, m.index, m.index + m[0].length));
  }
}

/** The `phone` part that reads numbers by their key; it runs only on lines with a phone or call word. */
export function createPhoneKeyDetector(): Detector {
  const words = [
    ...[...phoneWords].filter((word) => !shortPhoneWords.has(word)),
    ...[...shortPhoneWords].flatMap((word) => ['=', ':', '"', "'", '>', '\\'].map((after) => word + after)),
    ...callWords,
  ];
  const hint = anyOf([...words, ...messageWords, ...messageKeys]);
  return {
    type: 'phone',
    keywordGroups: [words, ['msisdn'], [...messageWords, ...messageKeys]],
    mayMatch: (text) => hint.test(text),
    find: findPhonesByKey,
    normalize: normalizePhone,
  };
}
