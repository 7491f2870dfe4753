/** A time zone: a fixed UTC or an IANA zone resolved through Intl (no tz database shipped with us). */
export interface Zone {
  readonly name: string;
  /** Seconds east of UTC in effect at the given instant. */
  offsetSeconds(utcSeconds: number): number;
  /** Abbreviation in effect at the instant as Intl spells it (`EST`, `GMT+1`); `UTC` for UTC. */
  abbreviation(utcSeconds: number): string;
}

export const utcZone: Zone = {
  name: 'UTC',
  offsetSeconds: () => 0,
  abbreviation: () => 'UTC',
};

// Zone offsets change on quarter-hour boundaries at the finest, so one lookup serves a 15-minute bucket.
const BUCKET_SECONDS = 900;
const MAX_CACHED_BUCKETS = 4096;

/** Throws RangeError when Intl does not know the zone name. */
export function createZone(name: string): Zone {
  if (name === 'UTC' || name === 'Etc/UTC') return utcZone;
  const wall = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const short = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'short' });
  const offsets = new Map<number, number>();

  function computeOffset(utcSeconds: number): number {
    const fields: Record<string, number> = {};
    for (const part of wall.formatToParts(utcSeconds * 1000)) {
      if (part.type !== 'literal') fields[part.type] = Number(part.value);
    }
    const wallMs = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
    return Math.round(wallMs / 1000 - utcSeconds);
  }

  return {
    name,
    offsetSeconds(utcSeconds: number): number {
      const bucket = Math.floor(utcSeconds / BUCKET_SECONDS);
      let offset = offsets.get(bucket);
      if (offset === undefined) {
        if (offsets.size >= MAX_CACHED_BUCKETS) offsets.clear();
        offset = computeOffset(bucket * BUCKET_SECONDS);
        offsets.set(bucket, offset);
      }
      return offset;
    },
    abbreviation(utcSeconds: number): string {
      const part = short.formatToParts(utcSeconds * 1000).find((p) => p.type === 'timeZoneName');
      return part?.value ?? name;
    },
  };
}

/** The instant (UTC seconds) at which the zone's wall clock shows `wallSeconds` (wall clock counted as if UTC). */
export function wallToUtcSeconds(zone: Zone, wallSeconds: number): number {
  const first = zone.offsetSeconds(wallSeconds);
  const guess = wallSeconds - first;
  const second = zone.offsetSeconds(guess);
  return second === first ? guess : wallSeconds - second;
}
