import { parsePrometheusText, type Sample } from './prometheus-text';
import { buildTopModel, renderTop, type Scrape } from './view';

export interface LiveViewOptions {
  collectorMetricsUrl: string;
  sorterMetricsUrl?: string;
  intervalMs?: number;
  /** Lines shown above the numbers, e.g. the URLs of /docs and /metrics. */
  header: readonly string[];
  out?: NodeJS.WriteStream;
}

export interface LiveView {
  stop(): void;
}

async function scrape(url: string | undefined): Promise<Sample[]> {
  if (!url) return [];
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    return res.ok ? parsePrometheusText(await res.text()) : [];
  } catch {
    return []; // not up yet, or stopping: the frame shows zeros rather than an error
  }
}

async function scrapeBoth(opts: LiveViewOptions): Promise<Scrape> {
  const [collector, sorter] = await Promise.all([scrape(opts.collectorMetricsUrl), scrape(opts.sorterMetricsUrl)]);
  return { collector, sorter, atMs: Date.now() };
}

/**
 * Redraws the view every interval on a terminal; on a pipe (CI, `| tee`) prints one compact line per interval instead.
 */
export function startLiveView(opts: LiveViewOptions): LiveView {
  const out = opts.out ?? process.stdout;
  const intervalMs = opts.intervalMs ?? 1000;
  let prev: Scrape | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const tick = async () => {
    const curr = await scrapeBoth(opts);
    if (stopped) return;
    if (prev) {
      const model = buildTopModel(prev, curr);
      if (out.isTTY) {
        out.write('\x1b[2J\x1b[H' + renderTop(model, opts.header).join('\n') + '\n');
      } else {
        const parse = model.parseSuccessRatio === undefined ? '-' : (model.parseSuccessRatio * 100).toFixed(1) + '%';
        out.write(
          `in=${model.linesInPerSecond.toFixed(0)}/s out=${model.linesOutPerSecond.toFixed(0)}/s parse_success=${parse} decided_by=${[...model.decidedBy].map(([k, v]) => `${k}:${v}`).join(',')}\n`,
        );
      }
    }
    prev = curr;
    timer = setTimeout(() => void tick(), intervalMs); // tick never rejects: a failed scrape draws an empty frame
  };
  if (!out.isTTY) out.write(opts.header.join('\n') + '\n');
  void tick();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
