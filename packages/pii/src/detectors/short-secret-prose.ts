import { candidate, combineDetectors, keepAsIs, type Candidate, type Detector } from './detector';
import { stringPositions } from './line-facts';
import { createRuleDetector, rule } from './rules';

/**
 * Short secrets a person types, written in prose or given as a command's flag rather than under a key: a card's PIN or
 * a SIM's PUK (`PIN 804193`, `account PIN 7731`, `PIN changed to 738214`, `--so-pin 90817263`), a card's verification
 * code (`CVV 318`, `csc 4417`), a one-time password (`otp 551902`); and a code that opens something or proves who one
 * is, named by what it opens (`gate code 4471`, `pickup_code=898128`, `lockbox code: 88412`) or in a line that says it
 * was sent, issued or generated (`otp sent … code=380454`, `guest code issued … code=373993`); a code a person is sent
 * to sign in, by its name (`passcode 765127`, `your one-time code is 810219.`). Each needs digits of its
 * word's length: `pin 17` (a GPIO pin), `code=200`, `error code 10054` and `sort code 20-00-00` are none.
 */

// A word, then maybe `code`/`number` and a verb that sets it, then the digits.
const setTo = String.raw`(?:\s+(?:is|was))?(?:\s+(?:changed|set|reset|updated)\s+to)?`;
const digitsEnd = String.raw`(?![\w.:/@-])`;
const pinWords = ['pin', 'puk', 'otp'];
const cardCodeWords = ['cvv', 'cvc', 'csc'];
const pinValue = rule(
  pinWords,
  String.raw`(?<![\w-])(?:--?(?:[a-z]+-)*)?(?:pin|puk|otp)(?:[ _-]?(?:code|number))?${setTo}[ \t]+["']?(\d{4,12})${digitsEnd}`,
  undefined,
  'gi',
);
const cardCode = rule(
  cardCodeWords,
  String.raw`(?<![\w-])(?:--?(?:[a-z]+-)*)?(?:cvv2?|cvc2?|csc)(?:[ _-]?(?:code|number))?${setTo}[ \t]+["']?(\d{3,4})${digitsEnd}`,
  undefined,
  'gi',
);

// A code named as one a person is sent or types to sign in, in prose or a message's text (`passcode 765127`, `your
// one-time code is 810219.`, `verification code: 44120`): 4-10 digits, maybe before a sentence's full stop. Not a
// `code` alone (`error code 1042`), not a card's security code (namedCardCode).
const signInCodeWords = [
  ...['passcode', 'pass code', 'pass-code'],
  ...['one-time', 'one time', 'onetime', 'sign-in', 'signin'].map((word) => `${word} code`),
];
const signInCode = rule(
  signInCodeWords,
  String.raw`(?<![\w-])(?:pass[ -]?code|(?:one[ -]?time|sign-?in)[ \t]code)${setTo}:?[ \t]+["']?(\d{4,10})(?![\w:/@-]|\.\w)`,
  undefined,
  'gi',
);
// A verification or login code only where the line says it is one a person is given: `your … code 4412`, `code is
// 4412` / `code: 4412`, `code 4412 sent`. (SQL Server's `login code 18456` is an error number, `verification code 1001
// is an invalid request` a status; `confirmation code` is an order's as often and is not read.)
const givenCode = rule(
  ['verification', 'login'].map((word) => `${word} code`),
  String.raw`(?<![\w-])(?:verification|login)[ \t]code(?:(?<=\byour[ \t]+(?:[\w-]+[ \t]+)?(?:verification|login)[ \t]code)${setTo}:?|(?=[ \t]*:|[ \t]+(?:is|was|changed|set|reset|updated)\b)${setTo}:?|(?=[ \t]+["']?\d{4,10}[ \t]+(?:was[ \t]+|has[ \t]+been[ \t]+)?sent\b))[ \t]+["']?(\d{4,10})(?![\w:/@-]|\.\w)`,
  undefined,
  'gi',
);

// What a code opens: the word before `code` (`gate code`, `pickup_code`, `LockboxCode`, `unlock_code=`); or a key
// that names a lock's user code (`usercode=`, Z-Wave's User Code name), never an exit, status or error code.
const openers = ['pickup', 'gate', 'door', 'lock', 'guest', 'entry', 'keypad', 'alarm', 'usercode'];
const codeSeparator = String.raw`(?:\\?["']?[ \t]*[=:][ \t]*\\?["']?|${setTo}[ \t]+)`;
const codeValue = String.raw`(\d{4,10}|\d{3,5}-\d{3,5})${digitsEnd}`;
const openerCode = rule(
  openers,
  String.raw`(?<![A-Za-z])(?:(?:pickup|gate|door|(?:un)?lock(?:box)?|guest|entry|keypad|alarm)[ _-]?code${codeSeparator}|usercode\\?["']?[ \t]*[=:][ \t]*\\?["']?)${codeValue}`,
  undefined,
  'gi',
  [['code']],
);
// A line that says, before it, that a code was sent, issued or generated: its `code=` is that code. (Not a line that
// unlocks or names 2FA: its `code=` is as often an error or exit code. Not a look-behind back to the line's start from
// each `code=`: `otp sent ` + `code=123456 ` x16,000 took 1.1 s, four times as long for twice the line.)
const deliveryWords = ['sent', 'issued', 'generated', 'otp'];
const deliveryWord = /(?<![A-Za-z])(?:sent|issued|generated|otp)(?![A-Za-z])/gi;
const deliveredCodeValue = new RegExp(String.raw`(?<![\w.-])code\\?["']?[ \t]*[=:][ \t]*\\?["']?${codeValue}`, 'gid');

/** Codes after a delivery word on their line: the words and the codes each read forward once. */
function createDeliveredCodeDetector(): Detector {
  return {
    type: 'secret_kv',
    keywordGroups: [['code'], deliveryWords],
    keywordNeeds: [3],
    mayMatch: (text) => /code/i.test(text) && /sent|issued|generated|otp/i.test(text),
    find(text: string, out: Candidate[]): void {
      const lineBreaks = stringPositions(text, ['\n']);
      let wordStart = -1;
      deliveryWord.lastIndex = 0;
      let word = deliveryWord.exec(text);
      deliveredCodeValue.lastIndex = 0;
      for (let m = deliveredCodeValue.exec(text); m !== null; m = deliveredCodeValue.exec(text)) {
        const end = m.index + m[0].length;
        // The last delivery word that ends by the code's end, and no line break from it to there.
        for (; word !== null && word.index + word[0].length <= end; word = deliveryWord.exec(text))
          wordStart = word.index;
        const value = m[1] as string;
        const span = (m.indices as RegExpIndicesArray)[1] as [number, number];
        if (wordStart === -1 || lineBreaks.lastBefore('\n', end) > wordStart || !notRepeated(value)) continue;
        out.push(candidate('secret_kv', span[0], span[1], m.index, end));
      }
    },
    normalize: keepAsIs,
  };
}

// A card's verification code by the names a payer or a form gives it, in a line about a card (PCI DSS: the code
// authorises a payment without the card; the convention counts it wherever it stands): `the security code is 763`,
// `the code on the back is 552` said after the card's number, a form's `"cc-csc":"4417"`, a card update's `cid=4092`
// (Amex's name for it). The card comes first in the line, as a word (`card`, `cardNumber`, `CreditCard`, `cc-`/`cc_`
// keys; not `discard`, `scorecard`, `wildcard`, `cardinality`); `cid`/`csc` is the whole key (not `ad_cid`), and a
// bare `the code is 503` names no card's code. `reason code 4837`, an ad's `cid=7731` and NATS' `cid:1145` have none.
const cardWords = ['card', 'cc-', 'cc_'];
const namedCodeWords = ['code', 'cid', 'csc'];
// `card` is a word where no small letter touches it (a capital may follow: `cardNumber`; a glued `CreditCard` too).
const aboutCard =
  /(?<![A-Za-z])(?:[Cc]ard|CARD)(?:holder|HOLDER)?s?(?![a-z])|(?<=[a-z])Card(?![a-z])|(?<![A-Za-z])cc[-_]/g;
const namedCode = /code|cid|csc/i;
const namedCardCode =
  /(?:(?<![A-Za-z])(?:(?:security|verification|card)[ \t]+code(?:[ \t]+on[ \t]+the[ \t]+(?:back|card))?|the[ \t]+code[ \t]+on[ \t]+the[ \t]+(?:back|card))[ \t]+(?:is|was)[ \t]+|(?<![\w.-])(?:cc[-_]|card[-_]?)?(?:cid|csc)\\?["']?[ \t]*[=:][ \t]*\\?["']?)(\d{3,4})(?![\w.:/@-])/dgi;

/** Card codes after a card word on their line: the card word found once, the codes read forward from it. */
function createNamedCardCodeDetector(): Detector {
  return {
    type: 'secret_kv',
    keywordGroups: [cardWords, namedCodeWords],
    keywordNeeds: [3],
    mayMatch: (text) => {
      aboutCard.lastIndex = 0;
      return aboutCard.test(text) && namedCode.test(text);
    },
    find(text: string, out: Candidate[]): void {
      aboutCard.lastIndex = 0;
      const card = aboutCard.exec(text);
      if (card === null) return;
      const lineBreaks = stringPositions(text, ['\n']);
      namedCardCode.lastIndex = card.index;
      for (let m = namedCardCode.exec(text); m !== null; m = namedCardCode.exec(text)) {
        const span = (m.indices as RegExpIndicesArray)[1] as [number, number];
        // The card and its code on one line of a text; one digit repeated is a stand-in.
        if (lineBreaks.lastBefore('\n', span[1]) > card.index || !notRepeated(m[1] as string)) continue;
        out.push(candidate('secret_kv', span[0], span[1], m.index, span[1]));
      }
    },
    normalize: keepAsIs,
  };
}

/** Not one digit repeated (`0000`: a stand-in). */
function notRepeated(value: string): boolean {
  return !/^(\d)\1*$/.test(value.replace(/-/g, ''));
}

export function createShortSecretProseDetector(): Detector {
  return combineDetectors('secret_kv', [
    createRuleDetector('secret_kv', [[pinValue, cardCode, openerCode, signInCode, givenCode]], notRepeated),
    createDeliveredCodeDetector(),
    createNamedCardCodeDetector(),
  ]);
}
