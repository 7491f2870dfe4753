import { compileLayout } from './layout';
import { localNamedFormats, utcNamedFormats } from './named-formats';
import { parseUnix, unixFormats, type UnixFormat } from './unix';
import { type Zone, utcZone } from './zone';

/** Parses one timestamp text into nanoseconds since the epoch; undefined when it does not fit. */
export interface TimestampParser {
  readonly format: string;
  parse(value: string, nowMs?: number): bigint | undefined;
}

/** Compiles a `format` value of the timestamp stage: a named format, Unix*, or a Go reference layout. */
export function createTimestampParser(format: string, zone: Zone): TimestampParser {
  if ((unixFormats as readonly string[]).includes(format)) {
    const unit = format as UnixFormat;
    return { format, parse: (value) => parseUnix(unit, value) };
  }
  const utcLayout = utcNamedFormats[format];
  if (utcLayout !== undefined) return { format, parse: compileLayout(utcLayout, utcZone).parse };
  const layout = compileLayout(localNamedFormats[format] ?? format, zone);
  return { format, parse: layout.parse };
}
