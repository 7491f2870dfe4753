/** The placeholder a variable part of a line becomes, in masks and in templates. */
export const WILDCARD = '<*>';

interface MaskRule {
  readonly name: string;
  readonly pattern: RegExp;
}

// Order matters: composite shapes (URLs, addresses, timestamps) go before the bare numbers they contain.
const maskRules: readonly MaskRule[] = [
  // Typed placeholders left by PII redaction ("<EMAIL>", "<IPV4:3f9a1c2e>") stand for values.
  { name: 'redacted', pattern: /<[A-Z][A-Z0-9_]*(?::[0-9a-f]+)?>/g },
  // The scheme is bounded and must start a token, so a long run of word characters cannot make this quadratic.
  { name: 'url', pattern: /(?<![\w+.-])[a-zA-Z][a-zA-Z0-9+.-]{0,31}:\/\/[^\s"'<>]+/g },
  { name: 'uuid', pattern: /\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g },
  { name: 'mac', pattern: /\b[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5}\b/g },
  {
    name: 'datetime',
    pattern: /\b\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g,
  },
  {
    name: 'ctime',
    pattern:
      /\b(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+\d{1,2}(?:,?\s+\d{4})?\s+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s+\d{4})?\b/g,
  },
  { name: 'time', pattern: /\b\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\b/g },
  { name: 'ipv4', pattern: /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?(?![\w.])/g },
  { name: 'ipv6', pattern: /(?<![\w:])(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{1,4}(?![\w:])/g },
  { name: 'quoted-value', pattern: /(?<==)(?:"[^"]*"|'[^']*')/g },
  { name: 'unix-path', pattern: /(?<![\w./])(?:\/[\w.@%+~-]*){2,}/g },
  { name: 'windows-path', pattern: /\b[A-Za-z]:\\[^\s,;"']*/g },
  { name: 'hex', pattern: /\b0[xX][0-9a-fA-F]+\b|\b(?=[0-9a-fA-F]*\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\b/g },
  { name: 'host-port', pattern: /(?<![\w.:-])(?:(?:[a-zA-Z0-9-]+\.)+[a-z]{2,6}|localhost):\d{1,5}(?![\w.:])/g },
  // A DNS name with digits in it ("5.36.59.76.dynamic-dsl.example.net") is a generated host name, not text.
  { name: 'numbered-host', pattern: /(?<![\w.-])(?=[\w.-]*\d)(?:[a-zA-Z0-9-]+\.){2,}[a-zA-Z]{2,6}(?![\w.-])/g },
  // A DNS name under a generic top-level domain, or three labels and more under a country one, names a host; a name that
  // starts with a top-level domain is a reverse-DNS identifier (a Java or Android package), which is text.
  {
    name: 'dns-name',
    pattern:
      /(?<![\w.-])(?!(?:com|org|net|edu|gov|io)\.)(?:(?:[a-zA-Z0-9-]+\.)+(?:com|net|org|edu|gov|mil|info|biz|io)|(?:[a-zA-Z0-9-]+\.){2,}[a-z]{2})(?![\w.-])/g,
  },
  // A quantity with its unit is one variable ("1.16 KB", "<1 sec", "12ms"), so optional units do not shift token counts.
  {
    name: 'quantity',
    pattern:
      /(?<![\w.])[<>~]?\d+(?:\.\d+)?\s?(?:[KMGTP]i?B|B|bytes?|[kmgt]b|ms|us|µs|ns|secs?|seconds?|mins?|minutes?|hours?|s|%)(?![\w])/g,
  },
  { name: 'number', pattern: /(?<![a-zA-Z\d-])[-+]?\d+(?:\.\d+)?(?![a-zA-Z\d-])/g },
];

// One pass over the line (faster than a pass per rule): at any position the earlier rule's alternative wins. The guards
// in front skip, with one check each, positions where no rule can start (the same matches, fewer tries): every rule
// starts with one of these characters, and every rule but `redacted` (which starts with `<`) needs a word boundary or
// a lookbehind that fails right after a letter or digit, so the inside of a word is skipped too.
const ruleStart = `(?=[a-zA-Z0-9<>~"'/+-])(?:(?<![a-zA-Z0-9])|(?=<))`;
const anyVariable = new RegExp(
  `${ruleStart}(?:${maskRules.map((rule) => `(?:${rule.pattern.source})`).join('|')})`,
  'g',
);

// A bracketed variable, e.g. "(<*>)", is the same variable with decoration some lines lack (as is a standalone "()").
const wrappedWildcard = /[([]<\*>[)\]]/g;
// Wildcards joined by separators ("<*>:<*>", "<*>.<*>.<*>") are one variable whose inner shape varies.
const joinedWildcards = /<\*>(?:[.:_/@-]<\*>)+/g;
// A name glued to a variable by word characters, dots or dashes is a variable as a whole: a host that embeds an address
// ("<*>.sh.example.at", "ip-<*>"), an id with a prefix ("blk_<*>"). So a redaction placeholder inside a name groups the
// same as the masked name. Starts only at the start of a run, so the scan stays linear.
const gluedWildcard = /(?<![\w.-])(?:[\w.-]*<\*>)+[\w.-]*/g;
const whitespace = /\s+/;

/** A token's wildcards with their joins, glued names and brackets folded into one; the three rules work within a token,
 * so only tokens that hold a wildcard next to something else pay for them. */
function foldWildcards(token: string): string {
  if (token === '()' || token === '[]') return WILDCARD;
  if (token === WILDCARD || !token.includes(WILDCARD)) return token;
  return token.replace(joinedWildcards, WILDCARD).replace(gluedWildcard, WILDCARD).replace(wrappedWildcard, WILDCARD);
}

/** Replaces the variable parts of a line (addresses, ids, numbers, paths, quantities) with WILDCARD and splits it into tokens;
 * runs of adjacent wildcard tokens collapse into one so optional variable parts do not change the token count. */
export function maskTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const part of text.replace(anyVariable, WILDCARD).split(whitespace)) {
    if (part === '') continue;
    const token = foldWildcards(part);
    if (token === WILDCARD && tokens[tokens.length - 1] === WILDCARD) continue;
    tokens.push(token);
  }
  return tokens;
}
