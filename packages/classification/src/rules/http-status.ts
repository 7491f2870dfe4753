import type { Finding } from './signal';

const statusKeys = [
  'http.status_code',
  'http.response.status_code',
  'status_code',
  'statusCode',
  'http_status',
  'status',
];
// An access-log request line followed by its status ("GET /x HTTP/1.1" 503), or an explicit status=503 / HTTP/1.1 503.
const textStatus =
  /"(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|CONNECT|TRACE) [^"]*" ([1-5]\d\d)\b|\b(?:status(?:_code|Code)?|http_status)[=:]\s*"?([1-5]\d\d)\b|\bHTTP\/\d(?:\.\d)? ([1-5]\d\d)\b/;

function statusFinding(status: number, source: string): Finding | undefined {
  const reason = `HTTP ${status} (${source})`;
  if (status === 429)
    return { name: 'http_429', severity: 'warning', category: 'performance', confidence: 0.85, reason };
  if (status === 401 || status === 403)
    return { name: 'http_auth', severity: 'warning', category: 'security', confidence: 0.8, reason };
  if (status === 502 || status === 503 || status === 504)
    return { name: 'http_5xx', severity: 'error', category: 'availability', confidence: 0.85, reason };
  if (status >= 500) return { name: 'http_5xx', severity: 'error', category: 'error', confidence: 0.8, reason };
  if (status === 408)
    return { name: 'http_4xx', severity: 'warning', category: 'performance', confidence: 0.7, reason };
  if (status >= 400) return { name: 'http_4xx', severity: 'warning', category: 'error', confidence: 0.6, reason };
  if (status >= 100) return { name: 'http_ok', severity: 'info', category: 'noise', confidence: 0.5, reason };
  return undefined;
}

/** The HTTP status an item reports, from its attributes or its text (access-log shape), as a finding. */
export function httpStatusFinding(
  text: string,
  attributes: Readonly<Record<string, unknown>> | undefined,
): Finding | undefined {
  if (attributes !== undefined) {
    for (const key of statusKeys) {
      const value = attributes[key];
      const status =
        typeof value === 'number' ? value : typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : NaN;
      if (Number.isInteger(status) && status >= 100 && status <= 599) return statusFinding(status, `attribute ${key}`);
    }
  }
  const match = textStatus.exec(text);
  if (match === null) return undefined;
  return statusFinding(Number(match[1] ?? match[2] ?? match[3]), 'text');
}
