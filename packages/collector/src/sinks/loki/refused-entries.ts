// Loki answers a push with 400 when some entries fail validation and keeps the others. Its body lists the
// failures, grouped as "<n> errors like: <message>" joined by "; " when there is more than one.

/** Messages Loki writes once per refused entry. */
const PER_ENTRY = [
  /^entry for stream '.*' has timestamp too (old|new): /s,
  /^Max entry size '\d+' bytes exceeded for stream '/,
  /^stream '.*' has (structured metadata too large|too many structured metadata labels)/s,
];

// An ingester's refusal names how many of a stream's entries it ignored.
const IGNORED = /total ignored: (\d+) out of \d+/;

/**
 * How many entries a Loki 400 body says were refused, or undefined when it names a failure of whole streams
 * or one this parser does not know (then the whole push counts as refused).
 */
export function refusedEntries(body: string): number | undefined {
  const text = body.trim();
  if (text === '') return undefined;
  let refused = 0;
  for (const part of text.split(/; (?=\d+ errors like: )/)) {
    const grouped = /^(\d+) errors like: /.exec(part);
    const count = grouped ? Number(grouped[1]) : 1;
    const message = grouped ? part.slice(grouped[0].length) : part;
    const ignored = IGNORED.exec(message);
    if (ignored) refused += count * Number(ignored[1]);
    else if (PER_ENTRY.some((re) => re.test(message))) refused += count;
    else return undefined;
  }
  return refused;
}
