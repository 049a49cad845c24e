// The common case first: most cassettes are clean. The one "surely clean" verdict of scrub --check,
// scrub and lint, for every format: it walks the plain value of the parsed document (JSON.parse, or
// the fast YAML reader) at the format's secret `sites`, exactly as edit-cst.ts walks the CST, with
// the same rules, and answers only "surely clean" or "maybe not". "Maybe not" (a hit, a value
// whose source it cannot see, a document only the `yaml` package reads, invalid text, no format,
// HAR's name/value lists) sends the file to the CST editor, which detects, finds, locates and
// edits — so findings, positions and errors always come from one place. Loads no `yaml`.
// test/scrub/fast-check.test.ts checks the verdict against the CST path on every corpus file,
// every sample and planted secrets in every format; test/lint/credentials.test.ts that lint agrees.
//
// It works on the document, not on the read Cassette: the model drops what the CST editor scans
// (a `url` or `body` key anywhere, the source text of numbers and `~`, duplicate JSON keys).

import { decodeContentEncodings, hasGzipMagic, parseContentEncoding } from '../decode/content-encoding.ts';
import { detectFormat } from '../formats/index.ts';
import { pollyChunks } from '../formats/har.ts';
import { parseTextFast } from '../formats/parse.ts';
import type { ParsedDocument, SecretSites, SitePath } from '../formats/types.ts';
import { resolvePlain } from '../read/yaml-scalars.ts';
import { headerRule, isDone, scanCredentialHeader, scanValue, type Compiled, type ValueKind } from './scan.ts';
import { headerValueKind, isFormEncoded, nodeKind, siteTree, type SiteNode } from './sites.ts';

/** Thrown to stop at the first "maybe": the CST editor decides. */
const MAYBE = Symbol('maybe');
function maybe(): never {
  throw MAYBE;
}

type YamlMap = Record<string, unknown>;

const isMap = (value: unknown): value is YamlMap =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

/**
 * Where the fast reader finds a number, boolean or null, the CST editor scans its source text
 * (`0x1F`, `~`, `1.50`), which the value no longer shows. In what the fast reader accepts, such a
 * scalar always ends its line after `: ` or `- ` and is written with these characters only, so
 * every one of them is among these line ends (and more: keys, strings — harmless extra checks).
 */
const LINE_END_TOKEN = /[:-] +([-+.~0-9A-Za-z]+)$/gm;
/** The same for JSON: every number, `true`, `false` and `null` follows `:`, `,` or `[` (matches inside strings are extra checks). */
const JSON_TOKEN = /[:,[]\s*(-?[0-9][-+.0-9eE]*|true|false|null)/g;

/**
 * Non-string scalars as the CST editor sees them: digits, signs and a few words hold no key pattern,
 * `?`, `#` or `=`, so only custom patterns and host names could match; check every candidate source.
 */
function nonStringsClean(text: string, json: boolean, c: Compiled): boolean {
  if (!customPatterns(c) && c.hosts.length === 0) return true;
  for (const match of text.matchAll(json ? JSON_TOKEN : LINE_END_TOKEN)) {
    const source = match[1]!;
    if ((json || typeof resolvePlain(source) !== 'string') && scanValue(source, 'text', c).hits.length > 0) return false;
  }
  return true;
}

const customPatterns = (c: Compiled) => c.options.replace.length > 0 && !c.options.disable.includes('custom-pattern');

/**
 * JSON.parse keeps the last of duplicate keys; the CST editor scans every one. Every key of a JSON
 * text is a string token followed by `:` (strings hold no unescaped `"`), so more keys in the text
 * than in the value means a duplicate: the CST editor decides.
 */
const JSON_STRING = /"(?:[^"\\]|\\.)*"(\s*:)?/g;
function jsonKeysInText(text: string): number {
  let n = 0;
  for (const match of text.matchAll(JSON_STRING)) if (match[1] !== undefined) n++;
  return n;
}
function keysInValue(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + keysInValue(v), 0);
  if (!isMap(value)) return 0;
  let n = 0;
  for (const k in value) n += 1 + keysInValue(value[k]);
  return n;
}

/** A request or response: what its headers say about its body. */
interface Frame {
  /** Form-encoded, as sites.ts decides for the CST editor too (the form-body scan finds all the text scan finds, and more). */
  form: boolean;
  /** Every Content-Encoding value written: the CST editor decodes by the first, so each is tried. */
  encodings: string[];
}

/** The header's values under any spelling of its name, from a map of lists or a `{name, value}` list. */
function headerValues(headers: unknown, name: string): unknown[] {
  const out: unknown[] = [];
  if (Array.isArray(headers)) {
    for (const entry of headers) if (isMap(entry) && typeof entry.name === 'string' && entry.name.toLowerCase() === name) out.push(entry.value);
    return out;
  }
  if (!isMap(headers)) return out;
  for (const k in headers) {
    if (k.toLowerCase() !== name) continue;
    const v = headers[k];
    if (Array.isArray(v)) out.push(...v);
    else out.push(v);
  }
  return out;
}

/** The value at `path` (map keys) below `value`. */
function valueAt(value: unknown, path: SitePath): unknown {
  for (const key of path) value = isMap(value) ? value[key] : undefined;
  return value;
}

class Walker {
  private readonly formParamsOn: boolean;
  private readonly noHosts: Compiled;
  /** The format's sites as a tree walked along with the document. */
  readonly root: SiteNode;

  constructor(
    private readonly c: Compiled,
    private readonly sites: SecretSites,
  ) {
    this.formParamsOn = !c.options.disable.includes('credential-query');
    this.noHosts = { ...c, hosts: [] };
    this.root = siteTree(sites);
  }

  /** Strings are scanned here; numbers, booleans and null in nonStringsClean. */
  private scalar(value: unknown, kind: ValueKind): void {
    if (typeof value === 'string') {
      if (scanValue(value, kind, this.c).hits.length > 0) maybe();
    } else if (value instanceof Uint8Array) {
      this.base64Text(value);
    }
  }

  /**
   * A `!!binary` value outside a body (Bedrock's SDK writes some headers so) is scanned as its
   * base64 text there, cut into lines as written. Every line is a piece of the unbroken base64, so
   * without any key's literal in that, no key pattern can match; a host or a custom pattern could
   * match a line on its own, so then the CST editor decides.
   */
  private base64Text(bytes: Uint8Array): void {
    const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
    if (customPatterns(this.c) || this.c.anyKey.test(base64)) maybe();
    const lower = base64.toLowerCase();
    if (this.c.hosts.some((h) => lower.includes(h.from.toLowerCase()))) maybe();
  }

  /** The scalars of a header or form value, as valueScalars() in cst-tree.ts sees them. */
  private scalars(value: unknown): unknown[] {
    if (Array.isArray(value)) return value.filter((v) => !Array.isArray(v) && !isMap(v));
    return isMap(value) ? [] : [value];
  }

  private headers(map: YamlMap): void {
    for (const [name, value] of Object.entries(map)) {
      const rule = headerRule(name, this.c);
      for (const v of this.scalars(value)) {
        if (!rule) this.scalar(v, headerValueKind(name));
        // `~` and an empty value both read as null, but only the first is a value to redact.
        else if (typeof v !== 'string' || scanCredentialHeader(v, rule, this.c).hits.length > 0) maybe();
      }
    }
  }

  private form(map: YamlMap): void {
    const { params, placeholder } = this.c.options;
    for (const [name, value] of Object.entries(map)) {
      const credential = this.formParamsOn && params.includes(name.toLowerCase());
      for (const v of this.scalars(value)) {
        if (credential && (typeof v !== 'string' || !isDone(v, placeholder))) maybe();
        else this.scalar(v, 'text'); // a redacted value is still scanned as text, as in edit-cst.ts
      }
    }
  }

  /**
   * A body held as bytes: scrubBinary scans them as Latin-1, decoded by the first Content-Encoding
   * value (or gzip's magic) when that decodes, else as they are, without host mapping. Both the bytes
   * and every decoding they may get are scanned here, so whichever the CST editor picks is clean.
   */
  private binary(bytes: Uint8Array, frame: Frame | undefined): void {
    const kind = frame?.form ? 'form-body' : 'text';
    const clean = (b: Uint8Array) => scanValue(Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1'), kind, this.noHosts).hits.length === 0;
    if (!clean(bytes)) maybe();
    const tried = new Set<string>();
    for (const encoding of [...(frame?.encodings ?? []), ...(hasGzipMagic(bytes) ? ['gzip'] : [])]) {
      const codings = parseContentEncoding(encoding);
      if (codings.length === 0 || tried.has(codings.join())) continue;
      tried.add(codings.join());
      const decoded = decodeContentEncodings(bytes, codings);
      if (decoded.kind === 'decoded' && !clean(decoded.bytes)) maybe();
    }
  }

  /** A base64 scalar at a base64 site (Ruby VCR `base64_string`, HAR `encoding: base64`). */
  private base64(value: unknown, frame: Frame | undefined): void {
    if (value instanceof Uint8Array) return this.binary(value, frame);
    if (value === null) return; // empty, or `~` (no base64 characters): no bytes
    if (typeof value !== 'string') maybe(); // a number's source decoded as base64: the CST editor decides
    if (pollyChunks(value)) maybe(); // reported, never rewritten: the CST editor decides
    this.binary(new Uint8Array(Buffer.from(value.replace(/\s+/g, ''), 'base64')), frame);
  }

  private frame(map: YamlMap, node: SiteNode): Frame {
    const types: unknown[] = [];
    const encodings: unknown[] = [];
    for (const h of node.headers!) {
      const headers = valueAt(map, h.path);
      types.push(...headerValues(headers, 'content-type'));
      encodings.push(...headerValues(headers, 'content-encoding'));
    }
    for (const p of node.mediaTypes!) {
      const v = valueAt(map, p);
      if (v !== undefined) types.push(...(Array.isArray(v) ? v : [v]));
    }
    // A non-string value (a number) is read from its source by the CST editor: no coding it knows.
    return { form: isFormEncoded(types), encodings: encodings.map((v) => (typeof v === 'string' ? v.toLowerCase().trim() : '')) };
  }

  /**
   * Mirrors Editor.walk: `node` is the value's place in the site tree (undefined off every site),
   * `frame` inside a request or response, `formBody` inside a structure body of a form-encoded message.
   */
  walk(value: unknown, key: string | number | undefined, node: SiteNode | undefined, frame: Frame | undefined, formBody = false): void {
    const site = node?.kind;
    if (Array.isArray(value)) {
      const items = node?.items;
      for (let i = 0; i < value.length; i++) this.walk(value[i], i, items, frame, formBody);
      return;
    }
    if (!isMap(value)) {
      const kind = site === 'url' || key === 'url' ? 'url' : formBody || (site === 'body' && frame?.form) ? 'form-body' : 'text';
      this.scalar(value, kind);
      return;
    }
    const own = site === 'frame' ? this.frame(value, node!) : frame;
    for (const k in value) {
      const v = value[k];
      const child = node?.keys.get(k);
      const inner = child?.rel && own ? nodeKind(child, this.sites, (s) => value[s]) : undefined;
      if (inner === 'headers-list' || inner === 'cookies' || inner === 'query') maybe(); // HAR's lists: the CST editor
      else if (inner === 'headers-map' && isMap(v)) this.headers(v);
      else if (inner === 'form' && isMap(v)) this.form(v);
      else if (inner === 'base64-body' && !Array.isArray(v) && !isMap(v)) this.base64(v, own);
      else if (v instanceof Uint8Array && (k === 'body' || k === 'string')) this.binary(v, own);
      else this.walk(v, k, child, own, formBody || (inner === 'structure-body' && !!own?.form));
    }
  }
}

/** The syntax edit-cst.ts picks for the text. */
const cstSyntax = (text: string) => (/^\s*[[{]/.test(text) ? 'json' : 'yaml');

/**
 * True only when the CST editor would surely find nothing in `text` with these options (and the
 * text parses and is a cassette); false means "ask the CST editor", not "dirty". `doc` is the text's
 * parsed document when the caller has it (the per-file loop); it must be `fastRead`.
 */
export function isSurelyClean(text: string, c: Compiled, doc?: ParsedDocument): boolean {
  if (!doc) {
    try {
      doc = parseTextFast('', text);
    } catch {
      return false; // invalid JSON: the CST editor reports it
    }
  }
  // Only values read exactly as the CST editor reads them (JSON.parse, the fast reader), with the
  // syntax the CST editor picks; a byte order mark is left to it.
  if (!doc?.fastRead || doc.syntax !== cstSyntax(text) || text.charCodeAt(0) === 0xfeff) return false;
  const format = detectFormat(doc.value, doc.syntax);
  if (!format || format.name === 'har') return false; // no format: the CST editor fails closed
  const json = doc.syntax === 'json';
  if (!nonStringsClean(text, json, c)) return false;
  if (json && jsonKeysInText(text) !== keysInValue(doc.value)) return false;
  try {
    const walker = new Walker(c, format.sites);
    walker.walk(doc.value, undefined, walker.root, undefined);
    return true;
  } catch (error) {
    if (error === MAYBE) return false;
    throw error;
  }
}
