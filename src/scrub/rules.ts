// What counts as a secret. Every rule has a stable id: it is printed with each finding and can
// be switched off in the config file. Patterns err on the side of silence: a clean cassette full of
// base64 images, signatures and encrypted reasoning must give no finding at all.

export type RuleId =
  | 'authorization-header'
  | 'aws-sigv4'
  | 'api-key-header'
  | 'cookie-header'
  | 'aws-session-token'
  | 'custom-header'
  | 'credential-query'
  | 'openai-key'
  | 'anthropic-key'
  | 'google-api-key'
  | 'groq-key'
  | 'xai-key'
  | 'huggingface-token'
  | 'aws-access-key-id'
  | 'github-token'
  | 'jwt'
  | 'custom-pattern'
  | 'host-map';

export const DEFAULT_PLACEHOLDER = 'REDACTED';

/** Header name (lower case) → rule id (the kinds are rule ids). The value is replaced, or the header dropped with --drop. */
export { CREDENTIAL_HEADERS } from '../http/credential-headers.ts';

/** Query (and form) parameters whose value is a credential, compared case-insensitively. */
export const CREDENTIAL_PARAMS: readonly string[] = [
  'key',
  'api_key',
  'apikey',
  'api-key',
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  // OAuth's password grant (Azure AD / Entra ROPC: grant_type=password&username=…&password=…).
  'password',
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
  'x-goog-signature',
  'x-goog-credential',
  'sig',
];

export interface KeyPattern {
  id: RuleId;
  /** Source of the key itself; the word boundaries are added around it. */
  source: string;
  /** Random keys mix upper case, lower case and digits; prose and identifiers do not. */
  mixed: boolean;
  /** Every match contains one of these: a value without any is not searched (most values). */
  literals: readonly string[];
}

// Characters that continue a key or a base64 run: a match must not touch them on either side, so
// nothing is ever found inside a longer base64 string. `\n` / `\t` escapes in JSON text still count
// as a boundary ("my key:\nsk-…").
const KEY_CHAR = 'A-Za-z0-9+/_\\-';
const LEFT = `(?:(?<=\\\\[nrt])|(?<![${KEY_CHAR}]))`;
const RIGHT = `(?![${KEY_CHAR}])`;

export const KEY_PATTERNS: readonly KeyPattern[] = [
  { id: 'anthropic-key', source: 'sk-ant-[a-z]+[0-9]*-[A-Za-z0-9_\\-]{32,}', mixed: true, literals: ['sk-ant-'] },
  { id: 'openai-key', source: 'sk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\\-]{20,}', mixed: true, literals: ['sk-'] },
  { id: 'google-api-key', source: 'AIza[A-Za-z0-9_\\-]{35}', mixed: false, literals: ['AIza'] },
  { id: 'groq-key', source: 'gsk_[A-Za-z0-9]{32,}', mixed: true, literals: ['gsk_'] },
  { id: 'xai-key', source: 'xai-[A-Za-z0-9]{40,}', mixed: true, literals: ['xai-'] },
  { id: 'huggingface-token', source: 'hf_[A-Za-z0-9]{30,}', mixed: true, literals: ['hf_'] },
  { id: 'aws-access-key-id', source: '(?:AKIA|ASIA)[A-Z0-9]{16}', mixed: false, literals: ['AKIA', 'ASIA'] },
  { id: 'github-token', source: '(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})', mixed: true, literals: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'] },
  { id: 'jwt', source: 'eyJ[A-Za-z0-9_\\-]{10,}\\.eyJ[A-Za-z0-9_\\-]{10,}\\.[A-Za-z0-9_\\-]{16,}', mixed: false, literals: ['eyJ'] },
];

export function keyRegExp(pattern: KeyPattern): RegExp {
  return new RegExp(`${LEFT}${pattern.source}${RIGHT}`, 'g');
}

/** True when the part after the prefix has upper case, lower case and digits, as random keys do. */
export function looksRandom(key: string): boolean {
  const body = key.replace(/^[a-z]+[-_](?:[a-z]+\d*-)?/, '');
  return /[A-Z]/.test(body) && /[a-z]/.test(body) && /[0-9]/.test(body);
}

/** A secret as it may be printed: its first 4 characters (only for long ones) and an ellipsis. */
export function mask(secret: string): string {
  const scheme = AUTH_SCHEME.exec(secret);
  if (scheme) return `${scheme[1]} ${mask(secret.slice(scheme[0].length))}`;
  return secret.length >= 16 ? `${secret.slice(0, 4)}…` : '…';
}

/** Auth schemes kept in front of the placeholder so the request keeps its shape. */
const AUTH_SCHEME = /^(Bearer|Basic|Token|Bot|Digest|AWS4-HMAC-SHA256)\s+/i;

export function redactHeaderValue(value: string, placeholder: string): string {
  const scheme = AUTH_SCHEME.exec(value)?.[1];
  return scheme ? `${scheme} ${placeholder}` : placeholder;
}

export function headerRuleFor(value: string, base: RuleId): RuleId {
  return base === 'authorization-header' && /^AWS4-HMAC-SHA256\b/i.test(value) ? 'aws-sigv4' : base;
}

