import { createHash } from 'node:crypto';
import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createTokenDetector } from './token';

/** Reproducible random hex of `length` (SHA-256 of a seed), the shape of a real key. */
function randomHex(length: number, seed: string): string {
  return createHash('sha256').update(seed).digest('hex').repeat(2).slice(0, length);
}

const apiKey = randomHex(32, 'api');
const appKey = randomHex(40, 'app');
const placeholderApi = '0'.repeat(32);
const placeholderApp = 'abababababababababababababababababababab';

describe('Datadog keys', () => {
  const detector = createTokenDetector();
  const scanner = createPiiScanner();
  const typed = (text: string): string[] => scanner.scan(text).map((m) => `${m.type} ${m.value}`);

  test.each([
    ['an API key when an environment variable names Datadog', `export DD_API_KEY=${apiKey}`, apiKey],
    ['an application key when a header names Datadog', `-H "DD-APPLICATION-KEY: ${appKey}"`, appKey],
    ['an API key when a flag names Datadog', `agent-installer --datadog-api-key ${apiKey} --site us5`, apiKey],
    ['an application key when a JSON key names Datadog', `{\\"dd_app_key\\":\\"${appKey}\\"}`, appKey],
    ['an API key when prose names it', `Datadog API key ${apiKey} was revoked by the owner`, apiKey],
    ['an API key when a short phrase and a colon follow its name', `DD_API_KEY read from file: ${apiKey}`, apiKey],
    ['an API key under a plain api_key in a Datadog section', `datadog:\n  site: us3\n  api_key: "${apiKey}"`, apiKey],
    [
      'an API key under a qualified key word where the text names Datadog',
      `exporter=datadoghq sink_api_key=${apiKey}`,
      apiKey,
    ],
    ['an API key under APIKEY where the text names Datadog', `install DatadogInstaller APIKEY='${apiKey}'`, apiKey],
    [
      'an application key under app_key where the text names Datadog',
      `datadog monitor sync app_key => ${appKey}`,
      appKey,
    ],
    [
      'an application key under application_key where the text names Datadog',
      `datadog: application_key=${appKey}`,
      appKey,
    ],
  ])('finds %s', (_name, text, key) => {
    expect(findValues(detector, text)).toEqual([key]);
    expect(typed(text)).toContain(`token ${key}`);
  });

  test.each([
    ['a placeholder under a Datadog variable', `DD_API_KEY=${placeholderApi}`],
    ['a placeholder application key under a Datadog header', `DD-APPLICATION-KEY: ${placeholderApp}`],
    ['a placeholder under api_key in a Datadog section', `[datadog]\napi_key = ${placeholderApi}`],
    ['a placeholder under app_key in a Datadog section', `[datadog]\napp_key = ${placeholderApp}`],
    ['a Datadog variable when its value is one hex character short', `DD_API_KEY=${apiKey.slice(1)}`],
    ['a Datadog variable when its value is one hex character long', `DD_APP_KEY=${appKey}0`],
    ['an API key word when nothing in the text names Datadog', `api_key=${apiKey}`],
    ['an application key word when nothing in the text names Datadog', `app_key: ${appKey}`],
    ['an api key word when its value has an application key length', `datadog api_key=${appKey}`],
    ['an app key word when its value has an API key length', `datadog app_key=${apiKey}`],
    ['another key when the text names Datadog', `datadog trace_id=${apiKey} span_key=${apiKey}`],
    ['a key word that only ends in api_key', `datadog myapp.api_key=${apiKey}`],
  ])('leaves %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });

  test('a plain api_key with no Datadog context stays a secret_kv', () => {
    expect(typed(`api_key=${apiKey}`)).toEqual([`secret_kv ${apiKey}`]);
  });
});
