import type { Random } from './random';

export interface TransactionMix {
  /** Relative weight per method, e.g. { CashIn: 3, Transfer: 1 }. */
  methods: Record<string, number>;
  /** Share of well-formed lines whose status is FAILED, 0..1. */
  failureShare: number;
  /** Share of lines that do not follow the format at all, 0..1. */
  malformedShare: number;
  /** Share of lines that report an incident of the service itself (database down, disk full ...), 0..1. */
  incidentShare: number;
}

export const DEFAULT_METHODS: Record<string, number> = {
  CashIn: 30,
  CashOut: 20,
  Transfer: 25,
  'STP-OUT': 15,
  'STP-IN': 10,
};

const SUCCESS_DETAILS = [
  'Transfer completed successfully',
  'Payment processed',
  'Funds credited',
  'Settlement confirmed',
];
const FAILURES: readonly [string, number][] = [
  ['Insufficient funds', 400],
  ['Account locked', 403],
  ['Beneficiary not found', 404],
  ['Internal error', 500],
  ['Timeout contacting bank', 504],
];

/** What the generator produced for one line, so tests can compare the collector's view with the truth. */
export interface GeneratedLine {
  text: string;
  kind: 'success' | 'failed' | 'malformed' | 'incident';
  method?: string;
  latencyMs?: number;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function clock(ms: number): { date: string; time: string } {
  const d = new Date(ms);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`,
  };
}

/** Returns a function that makes the line for a transaction starting at `startMs` (UTC). */
export function createTransactionLines(mix: TransactionMix, random: Random): (startMs: number) => GeneratedLine {
  const methods = Object.entries(mix.methods).filter(([, w]) => w > 0);
  const total = methods.reduce((sum, [, w]) => sum + w, 0);
  const pickMethod = (): string => {
    let r = random.next() * total;
    for (const [name, weight] of methods) {
      r -= weight;
      if (r < 0) return name;
    }
    return methods[methods.length - 1][0];
  };
  return (startMs) => {
    // One draw decides malformed, incident or transaction, so a share of 0 leaves the other lines as they were.
    const draw = random.next();
    if (draw < mix.malformedShare) return { text: malformed(random, startMs), kind: 'malformed' };
    if (draw < mix.malformedShare + mix.incidentShare) return { text: incident(random, startMs), kind: 'incident' };
    const method = pickMethod();
    // Log-normal-ish latency: mostly tens to hundreds of ms, a long tail to seconds.
    const latencyMs = Math.max(1, Math.round(Math.exp(4 + random.next() * 2 + random.next() * 2)));
    const start = clock(startMs);
    const end = clock(startMs + latencyMs);
    if (random.next() < mix.failureShare) {
      const [detail, code] = random.pick(FAILURES);
      return {
        text: `${start.date}|${start.time}|${end.time}|${latencyMs}|${method}|${detail}|FAILED|${code}`,
        kind: 'failed',
        method,
        latencyMs,
      };
    }
    const code = method.startsWith('STP') ? 0 : 200;
    return {
      text: `${start.date}|${start.time}|${end.time}|${latencyMs}|${method}|${random.pick(SUCCESS_DETAILS)}|SUCCESS|${code}`,
      kind: 'success',
      method,
      latencyMs,
    };
  };
}

/** The ways real transaction logs go wrong: cut short, a stack trace line, a field too many, text latency. */
function malformed(random: Random, startMs: number): string {
  const { date, time } = clock(startMs);
  switch (random.int(0, 3)) {
    case 0:
      return `${date}|${time}|${time}|12`;
    case 1:
      return '    at com.bank.payments.Processor.handle(Processor.java:42)';
    case 2:
      return `${date}|${time}|${time}|fast|CashIn|Payment processed|SUCCESS|200`;
    default:
      return `${date} ${time} WARN connection pool exhausted, retrying`;
  }
}

/** What a payment service logs between transactions when something is wrong with it; most of these page someone. */
function incident(random: Random, startMs: number): string {
  const { date, time } = clock(startMs);
  const host = `10.20.${random.int(0, 9)}.${random.int(2, 250)}`;
  switch (random.int(0, 5)) {
    case 0:
      return `${date} ${time} FATAL ledger database unreachable: connection refused to ${host}:5432, holding transactions`;
    case 1:
      return `${date} ${time} ERROR java.lang.OutOfMemoryError: Java heap space in settlement batch ${random.int(1000, 9999)}`;
    case 2:
      return `${date} ${time} ERROR write /var/lib/payments/journal/${String(random.int(1, 999)).padStart(6, '0')}.log: no space left on device`;
    case 3:
      return `${date} ${time} ERROR TLS handshake with bank gateway ${host} failed: certificate has expired`;
    case 4:
      return `${date} ${time} ERROR unauthorized: invalid API signature on settlement callback from ${host}`;
    default:
      return `${date} ${time} ERROR bank gateway circuit open after ${random.int(10, 50)} consecutive timeouts, STP-OUT payments failing`;
  }
}
