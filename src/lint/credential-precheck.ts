// Lint's quick "no credential here" verdict, so that only files that may hold one get scrub's CST
// scan (positions need the CST; building it is most of a scrub --check). Sound by construction,
// not by sampling: every rule scrub applies is checked against what it applies to —
// - key patterns, --replace patterns and mapped hosts apply to every string of the document: none
//   may match in the text as written, nor in a body or header value as the reader decoded it (a
//   YAML-folded or escaped body is whole there);
// - credential headers, query and form parameters: scrub's own scan functions over the headers,
//   URLs, forms and form bodies the reader put in the model;
// - a body stored as bytes (`!!binary`, base64, compressed) hides its text: its bytes, decoded by
//   their Content-Encoding as scrub decodes them, get the same pattern check; HAR files (cookies
//   and query lists of their own) always go to the CST scan.
// When this says "maybe", lint runs the same scan as `scrub --check`; a test checks they agree.

import { decodeContentEncodings, hasGzipMagic, parseContentEncoding } from '../decode/content-encoding.ts';
import type { Body, Cassette, Headers } from '../model.ts';
import { headerRule, scanCredentialHeader, scanValue, type Compiled } from '../scrub/scan.ts';

function headersClean(headers: Headers, c: Compiled): boolean {
  for (const [name, values] of Object.entries(headers)) {
    const rule = headerRule(name, c);
    for (const value of values) {
      if (rule ? scanCredentialHeader(value, rule, c).hits.length > 0 : !patternsClean(value, c)) return false;
    }
  }
  return true;
}

function paramsClean(form: Record<string, string[]> | undefined, c: Compiled): boolean {
  if (!form) return true;
  if (c.options.disable.includes('credential-query')) return true;
  for (const [name, values] of Object.entries(form)) {
    if (c.options.params.includes(name.toLowerCase()) && values.some((v) => scanValue(`${name}=${v}`, 'form-body', c).hits.length > 0)) return false;
  }
  return true;
}

function header(headers: Headers, name: string): string {
  return Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1]?.[0] ?? '';
}

/** No key pattern and no --replace pattern matches in the string (scrub's own scan; it skips a string without any key's literal at once). */
function patternsClean(value: string, c: Compiled): boolean {
  // Most strings hold no key's literal: scrub's scan would find nothing, and costs more to ask.
  if (c.options.replace.length === 0 && !c.anyKey.test(value)) return true;
  return scanValue(value, 'text', withoutHosts(c)).hits.length === 0;
}

/** Characters a key (or a JWT, with its dots) is made of: a match cannot reach past a run of them. */
function isKeyChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 43 || code === 47 || code === 95 || code === 45 || code === 46;
}

/**
 * patternsClean for a whole document: a key's match contains one of its literals and ends where
 * the run of key characters after it ends, so only those stretches (and the two characters before,
 * for the `\n` boundary) are scanned, not megabytes of bodies with a regular expression that looks
 * behind at every position.
 */
function textPatternsClean(text: string, c: Compiled): boolean {
  if (c.options.replace.length > 0) return patternsClean(text, c);
  if (!c.anyKey.test(text)) return true;
  const literals = [...new Set(c.keys.flatMap((k) => k.literals))];
  for (const literal of literals) {
    let scannedTo = -1;
    for (let at = text.indexOf(literal); at !== -1; at = text.indexOf(literal, at + 1)) {
      if (at < scannedTo) continue;
      let end = at + literal.length;
      while (end < text.length && isKeyChar(text.charCodeAt(end))) end++;
      if (!patternsClean(text.slice(Math.max(0, at - 2), end + 1), c)) return false;
      scannedTo = end;
    }
  }
  return true;
}

const noHosts = new WeakMap<Compiled, Compiled>();
/** Hosts are checked once on the whole text; scrub does not map them inside bytes. */
function withoutHosts(c: Compiled): Compiled {
  let out = noHosts.get(c);
  if (!out) noHosts.set(c, (out = { ...c, hosts: [] }));
  return out;
}

/**
 * A body as scrub scans it: bytes decompressed when their encoding says so (or gzip's magic), as
 * Latin-1. A text body is the document's own text, already scanned, unless the document has escapes
 * (`\x`, `\u`) that could spell key characters (a reader's value is then not the text as written).
 */
function bodyClean(body: Body, headers: Headers, c: Compiled, escaped: boolean): boolean {
  if (typeof body === 'string') return !escaped || textPatternsClean(body, c);
  let codings = parseContentEncoding(header(headers, 'content-encoding').toLowerCase().trim());
  if (codings.length === 0 && hasGzipMagic(body)) codings = ['gzip'];
  const decoded = codings.length > 0 ? decodeContentEncodings(body, codings) : undefined;
  const bytes = decoded?.kind === 'decoded' ? decoded.bytes : body;
  return textPatternsClean(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), c);
}

export function surelyNoCredentials(text: string, cassette: Cassette, c: Compiled): boolean {
  if (cassette.format === 'har') return false;
  if (!textPatternsClean(text, c)) return false;
  const escaped = /\\[xuU]/.test(text);
  if (c.hosts.length > 0) {
    const lower = text.toLowerCase();
    if (c.hosts.some((h) => lower.includes(h.from.toLowerCase()))) return false;
  }
  for (const { request, response } of cassette.interactions) {
    if (!bodyClean(request.body, request.headers, c, escaped) || !bodyClean(response.body, response.headers, c, escaped)) return false;
    if (!headersClean(request.headers, c) || !headersClean(response.headers, c)) return false;
    if (scanValue(request.url, 'url', c).hits.length > 0 || !paramsClean(request.form, c)) return false;
    if (header(request.headers, 'content-type').toLowerCase().includes('x-www-form-urlencoded') && typeof request.body === 'string' && scanValue(request.body, 'form-body', c).hits.length > 0) return false;
  }
  return true;
}
