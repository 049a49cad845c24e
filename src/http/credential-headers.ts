// HTTP headers whose value is a credential, and the kind of credential. A neutral module: scrub
// redacts them (src/scrub/rules.ts turns the kinds into its rule ids) and diff ignores them as noise.

export type CredentialKind = 'authorization-header' | 'api-key-header' | 'cookie-header' | 'aws-session-token';

/** Header name (lower case) → kind. */
export const CREDENTIAL_HEADERS: ReadonlyMap<string, CredentialKind> = new Map<string, CredentialKind>([
  ['authorization', 'authorization-header'],
  ['proxy-authorization', 'authorization-header'],
  ['x-api-key', 'api-key-header'],
  ['api-key', 'api-key-header'],
  ['x-goog-api-key', 'api-key-header'],
  ['cookie', 'cookie-header'],
  ['set-cookie', 'cookie-header'],
  ['x-amz-security-token', 'aws-session-token'],
]);
