import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { linesToEntries, type TailerDeps } from './tailer';
import { emitBatch } from './emitter';
import { present } from '../../errors';
import { streamDecoder } from './encoding';

/** Whether a file is read as gzip (once, decompressed) rather than tailed: by its name, as Promtail does. */
export function isGzipFile(file: string): boolean {
  return file.endsWith('.gz');
}

/**
 * Reads a .gz file once, start to end, in batches of about read_chunk_bytes of decompressed text, then
 * marks it done in the positions file. Interrupted reads start over on the next run (duplicates possible).
 */
export async function readGzipOnce(d: TailerDeps): Promise<void> {
  const st = await fs.promises.stat(d.path).catch(() => undefined);
  if (!st) return;
  const saved = d.positions.get(d.path);
  if (saved?.done && saved.ino === st.ino && saved.dev === st.dev) return;
  const stream = fs.createReadStream(d.path).pipe(zlib.createGunzip());
  const decode = streamDecoder(d.config.encoding);
  let carry = '';
  let lines: string[] = [];
  let pendingBytes = 0;
  const flush = async (): Promise<boolean> => {
    if (lines.length === 0) return true;
    const batch = lines;
    lines = [];
    pendingBytes = 0;
    return emitBatch(() => linesToEntries(batch, d.labels), d.next, d.signal, d.metrics, d.logger, d.source);
  };
  const push = (line: string): void => {
    if (Buffer.byteLength(line) > d.config.max_line_size_bytes) {
      line = Buffer.from(line).subarray(0, d.config.max_line_size_bytes).toString('utf8');
      d.metrics.truncated.inc();
    }
    lines.push(line.endsWith('\r') ? line.slice(0, -1) : line);
    pendingBytes += line.length;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      d.metrics.bytes.inc(chunk.length);
      const parts = (carry + decode(chunk)).split('\n');
      carry = present(parts.pop(), 'the text after the last newline (split() returns at least one part)');
      for (const part of parts) push(part);
      if (pendingBytes >= d.config.read_chunk_bytes && !(await flush())) return;
    }
    carry += decode(Buffer.alloc(0), true);
    if (carry !== '') push(carry);
    if (!(await flush())) return;
  } catch (err) {
    d.logger.error('cannot read gzip file', { source: d.source, path: d.path, error: (err as Error).message });
    return;
  } finally {
    stream.destroy();
  }
  await d.positions.commit({ path: d.path, dev: st.dev, ino: st.ino, offset: st.size, size: st.size, done: true });
}
