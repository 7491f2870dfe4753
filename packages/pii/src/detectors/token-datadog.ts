import { hasDigitAndLetter, looksRandom, type TokenFormat } from './token-format';

/** A Datadog API key is 32 hex characters, an application key 40 (Datadog's documentation); a placeholder is neither. */
const random = (key: string): boolean => looksRandom(key) && hasDigitAndLetter(key);

// After a key name: `=`, `:`, `=>` or a space, quotes (escaped in JSON), or a short phrase ending in `:` (`DD_API_KEY set
// in environment: …`, the agent's own warning).
const separator = String.raw`(?:\\?["']?\s*(?:[:=]|=>)?\s*\\?["']?|(?:\s+[a-z]+){1,4}:\s*)`;
// The text names Datadog somewhere (`datadog-agent`, `[sinks.datadog]`, `site=datadoghq.eu`, `DatadogAgent.msi`).
const namesDatadog = String.raw`(?:(?<=datadog[\s\S]*)|(?=[\s\S]*datadog))`;

/**
 * A key of `kind` (`api`, `app`) under a name that names Datadog (`DD_API_KEY`, `DD-APPLICATION-KEY`,
 * `--datadog-api-key`, `Datadog api key …`), or under a plain key word with at most one qualifier (`api_key`, `APIKEY`,
 * `default_api_key`, `X-Api-Key`) in a text that names Datadog.
 */
function datadogKey(vendor: string, kind: string, hexLength: number): TokenFormat {
  const named = String.raw`(?<![A-Za-z0-9])(?:dd|datadog)[_ -]?${kind}[_ -]?key`;
  const plain = String.raw`(?<![A-Za-z0-9_.-])(?:[A-Za-z]+[_-])?${kind}[_-]?key${namesDatadog}`;
  return {
    vendor,
    prefixes: ['dd_ap', 'dd-ap', 'ddap', 'dd ap', 'datadog'],
    pattern: new RegExp(`(?:${named}|${plain})${separator}([a-f0-9]{${hexLength}})(?![A-Za-z0-9])`, 'gi'),
    valid: random,
  };
}

/**
 * Datadog keys, by the convention every part labels (EVALUATION.md): a `token` under a key, variable, header, flag or
 * words that name Datadog, or under a plain api/app key word in a text that names Datadog; a plain `api_key=<32 hex>`
 * anywhere else is `secret_kv`'s.
 */
export const datadogFormats: readonly TokenFormat[] = [
  datadogKey('datadog-api-key', 'api', 32),
  datadogKey('datadog-application-key', 'app(?:lication)?', 40),
];
