import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { parseConfig } from '../config/load';
import { openPromtailConfig } from '../config/promtail/open';
import { renderConverted } from '../config/promtail/render';

// Converted keys holding secrets: printed as the `${VAR}` reference the Promtail file had, never as the value.
const SECRETS = [['basic_auth', 'password'], ['bearer_token']] as const;

/**
 * `collector convert`: the collector config equivalent to a Promtail file, with a comment on everything the
 * conversion changed. The file is first checked as `collector run` would (throws ConfigError listing every issue).
 */
export function convertPromtailFile(
  file: string,
  text: string,
  env: NodeJS.ProcessEnv,
  expandEnv: boolean,
  externalLabels: Readonly<Record<string, string>> = {},
): string {
  const source = openPromtailConfig(path.resolve(file), text, env, expandEnv, externalLabels);
  parseConfig(text, file, env, { format: 'promtail', opened: source });
  const { config, notes, origins } = source.conversion;
  const keep = new Map<string, string>();
  if (expandEnv) {
    const raw = parseDocument(text);
    for (const id of Object.keys(config.sinks as Record<string, unknown>)) {
      const from = origins.find((o) => o.out.length === 2 && o.out[0] === 'sinks' && o.out[1] === id)?.from ?? [];
      for (const secret of SECRETS) {
        const written = raw.getIn([...from, ...secret]);
        if (typeof written === 'string' && written.includes('${')) {
          keep.set(
            JSON.stringify(['sinks', id, ...secret]),
            written.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, '${$1:-}'),
          );
        }
      }
    }
  }
  const header = [
    `Converted from the Promtail config ${file} by \`collector convert\`.`,
    'Run it with `collector run -c <this file>`; comments mark what the conversion changed.',
  ].join('\n');
  return renderConverted(config, notes, header, keep);
}
