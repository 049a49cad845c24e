// String-level scrubbing: one value in, the scrubbed value and what was found out. Knows nothing
// about YAML; edit-cst.ts decides which rules apply to which scalar.

import { DEFAULT_SCRUB_OPTIONS, type ScrubOptions } from './config.ts';
import { compileHosts, mapHosts, type CompiledHost } from './hosts.ts';
import {
  CREDENTIAL_HEADERS,
  KEY_PATTERNS,
  headerRuleFor,
  keyRegExp,
  looksRandom,
  redactHeaderValue,
  type RuleId,
} from './rules.ts';

export interface Hit {
  rule: RuleId;
  /** The text that was found. Never printed: only `mask(secret)` is. */
  secret: string;
  /** What it was replaced with. */
  replacement: string;
}

export interface Scanned {
  value: string;
  hits: Hit[];
}

/** Options with the regular expressions compiled once per run. */
export interface Compiled {
  options: ScrubOptions;
  headers: Map<string, RuleId>;
  keys: Array<{ id: RuleId; regex: RegExp; mixed: boolean; literals: readonly string[] }>;
  /** Matches wherever any key's literal is: one quick search rules out most values at once. */
  anyKey: RegExp;
  hosts: CompiledHost[];
}

export function compileOptions(options: ScrubOptions, hosts: CompiledHost[]): Compiled {
  const off = new Set(options.disable);
  const headers = new Map<string, RuleId>([...CREDENTIAL_HEADERS].filter(([, id]) => !off.has(id)));
  if (!off.has('custom-header')) for (const h of options.headers) headers.set(h.toLowerCase(), 'custom-header');
  const keys = KEY_PATTERNS.filter((p) => !off.has(p.id)).map((p) => ({ id: p.id, regex: keyRegExp(p), mixed: p.mixed, literals: p.literals }));
  const literals = keys.flatMap((k) => k.literals).map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const anyKey = literals.length > 0 ? new RegExp(literals.join('|')) : /(?!)/;
  return { options, headers, keys, anyKey, hosts: off.has('host-map') ? [] : hosts };
}

/** Defaults ← `options`, compiled once for many files. */
export function compileScrubOptions(options: Partial<ScrubOptions> = {}): Compiled {
  const merged: ScrubOptions = { ...DEFAULT_SCRUB_OPTIONS, ...options };
  return compileOptions(merged, compileHosts(merged.hosts));
}

/**
 * Already redacted: empty, our placeholder, or one a recorder's own filter wrote — Ruby VCR's
 * `filter_sensitive_data` writes `<NAME>`, vcrpy users and pydantic-ai write `scrubbed`, `REDACTED`,
 * `[FILTERED]`, also after a key's prefix (`sk-REDACTED`, `sk-ant-xxxx`). Checked on the whole value
 * and on the credential after an auth scheme.
 */
const RECORDER_PLACEHOLDER = /^(?:<[A-Za-z0-9_.:-]+>|(?:[a-z]{2,5}-){0,2}(?:redacted|scrubbed|filtered|x{3,}|\*{3,})|\[filtered\]|\[redacted\])$/i;

export function isDone(value: string, placeholder: string): boolean {
  if (value === '' || value === placeholder || value.endsWith(` ${placeholder}`)) return true;
  const credential = value.slice(value.lastIndexOf(' ') + 1);
  return RECORDER_PLACEHOLDER.test(credential) && (credential === value || / /.test(value.trim()) && value.trim().split(' ').length === 2);
}

/**
 * Cloudflare's bot-management cookies (`__cf_bm`, `_cfuvid`; Cloudflare documents them as carrying
 * no identity) are on nearly every recorded API response; they are no credential. A Cookie or
 * Set-Cookie value with only these cookies (and Set-Cookie attributes) is left alone.
 */
const HARMLESS_COOKIES = new Set(['__cf_bm', '_cfuvid']);
const COOKIE_ATTRIBUTES = new Set(['path', 'domain', 'expires', 'max-age', 'samesite', 'secure', 'httponly', 'partitioned']);

/** A cookie by name (a HAR `cookies` item) that is no credential. */
export function isHarmlessCookie(name: string): boolean {
  return HARMLESS_COOKIES.has(name);
}

function harmlessCookies(value: string): boolean {
  const names = value.split(/;\s*/).filter(Boolean).map((pair) => pair.split('=')[0]!.trim());
  return names.length > 0 && HARMLESS_COOKIES.has(names[0]!) && names.every((n) => HARMLESS_COOKIES.has(n) || COOKIE_ATTRIBUTES.has(n.toLowerCase()));
}

/** The rule that redacts a header's whole value, or undefined for an ordinary header. */
export function headerRule(name: string, c: Compiled): RuleId | undefined {
  return c.headers.get(name.toLowerCase());
}

/** A credential header value: the whole value becomes the placeholder (auth scheme kept). */
export function scanCredentialHeader(value: string, base: RuleId, c: Compiled): Scanned {
  const { placeholder } = c.options;
  if (isDone(value, placeholder) || (base === 'cookie-header' && harmlessCookies(value))) return { value, hits: [] };
  const redacted = redactHeaderValue(value, placeholder);
  return { value: redacted, hits: [{ rule: headerRuleFor(value, base), secret: value, replacement: redacted }] };
}

/** `name=value` pairs in a query string, fragment or form body whose name is a credential. */
function scanParams(value: string, c: Compiled, start: number): Scanned {
  if (c.options.disable.includes('credential-query') || start < 0) return { value, hits: [] };
  const hits: Hit[] = [];
  const { placeholder, params } = c.options;
  const tail = value.slice(start).replace(/(^|[?&#;])([^=&#;?]+)=([^&#;]*)/g, (all, sep: string, name: string, secret: string) => {
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      // a malformed escape is kept as written
    }
    if (!params.includes(decoded.toLowerCase()) || isDone(secret, placeholder)) return all;
    hits.push({ rule: 'credential-query', secret, replacement: placeholder });
    return `${sep}${name}=${placeholder}`;
  });
  return { value: value.slice(0, start) + tail, hits };
}

/** Key patterns and --replace patterns, anywhere in the text. */
function scanPatterns(value: string, c: Compiled): Scanned {
  const hits: Hit[] = [];
  const { placeholder } = c.options;
  let result = value;
  for (const key of c.anyKey.test(value) ? c.keys : []) {
    if (!key.literals.some((literal) => result.includes(literal))) continue; // cannot match: skip the scan
    result = result.replace(key.regex, (secret) => {
      if (key.mixed && !looksRandom(secret)) return secret;
      hits.push({ rule: key.id, secret, replacement: placeholder });
      return placeholder;
    });
  }
  if (!c.options.disable.includes('custom-pattern')) {
    for (const { pattern, text } of c.options.replace) {
      const single = new RegExp(pattern.source, pattern.flags.replace('g', ''));
      result = result.replace(pattern, (secret) => {
        const replacement = secret.replace(single, text);
        if (replacement === secret || secret === '') return secret;
        hits.push({ rule: 'custom-pattern', secret, replacement });
        return replacement;
      });
    }
  }
  return { value: result, hits };
}

function chain(value: string, steps: Array<(v: string) => Scanned>): Scanned {
  const hits: Hit[] = [];
  let current = value;
  for (const step of steps) {
    const next = step(current);
    current = next.value;
    hits.push(...next.hits);
  }
  return { value: current, hits };
}

function scanHosts(value: string, c: Compiled): Scanned {
  const mapped = mapHosts(value, c.hosts);
  return { value: mapped.value, hits: mapped.found.map(({ from, to }) => ({ rule: 'host-map', secret: from, replacement: to })) };
}

/** A URL (`url`), a form body, a header value that may hold absolute URLs (`header`), or other text. */
export type ValueKind = 'url' | 'form-body' | 'header' | 'text';

/**
 * An absolute URL inside a header value: Link's `<…>`, Refresh's `url=…`, a custom `X-Next-Page`.
 * It ends at whitespace, angle brackets or quotes, which a URL has only escaped.
 */
const EMBEDDED_URL = /\bhttps?:\/\/[^\s<>"']+/gi;

/** The credential parameters of each absolute URL in a header value. */
function scanEmbeddedUrls(value: string, c: Compiled): Scanned {
  if (!value.includes('://')) return { value, hits: [] };
  const hits: Hit[] = [];
  const result = value.replace(EMBEDDED_URL, (url) => {
    const scanned = scanParams(url, c, url.search(/[?#]/));
    hits.push(...scanned.hits);
    return scanned.value;
  });
  return { value: result, hits };
}

/** Scrubs one string value: credential parameters (URLs and form bodies), key patterns, hosts. */
export function scanValue(value: string, kind: ValueKind, c: Compiled): Scanned {
  const params = kind === 'header' ? (v: string) => scanEmbeddedUrls(v, c) : (v: string) => scanParams(v, c, kind === 'url' ? v.search(/[?#]/) : kind === 'form-body' ? 0 : -1);
  return chain(value, [params, (v) => scanPatterns(v, c), (v) => scanHosts(v, c)]);
}
