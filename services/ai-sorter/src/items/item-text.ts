// Fields that conventionally hold the message of a structured log record (OTel body, logfmt/JSON loggers).
const messageFields = ['message', 'msg', 'body', 'log', 'text', 'name'] as const;

/** The text of an item's payload: the string itself, a message-like field of an object, or the object as JSON. */
export function itemText(payload: string | Record<string, unknown>): string {
  if (typeof payload === 'string') return payload;
  for (const field of messageFields) {
    const value = payload[field];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return JSON.stringify(payload);
}
