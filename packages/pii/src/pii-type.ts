export type PiiType =
  | 'email'
  | 'phone'
  | 'credit_card'
  | 'iban'
  | 'us_ssn'
  | 'ipv4'
  | 'ipv6'
  | 'mac'
  | 'jwt'
  | 'auth_header'
  | 'aws_access_key'
  | 'aws_secret_key'
  | 'private_key'
  | 'url_credentials'
  | 'secret_kv'
  | 'token'
  | 'user'
  | 'home_dir'
  | 'hostname';

export const piiTypes: readonly PiiType[] = Object.freeze([
  'email',
  'phone',
  'credit_card',
  'iban',
  'us_ssn',
  'ipv4',
  'ipv6',
  'mac',
  'jwt',
  'auth_header',
  'aws_access_key',
  'aws_secret_key',
  'private_key',
  'url_credentials',
  'secret_kv',
  'token',
  'user',
  'home_dir',
  'hostname',
] as const);

const known: ReadonlySet<string> = new Set(piiTypes);

export function isPiiType(value: unknown): value is PiiType {
  return typeof value === 'string' && known.has(value);
}
