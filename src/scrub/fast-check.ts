// The common case first: most cassettes are clean. This walks the plain value of the fast YAML
// reader with the same rules, in the same places, as edit-cst.ts, and answers only "surely clean"
// or "maybe not". "Maybe not" (a hit, a value whose YAML source it cannot see, or a file the fast
// reader gives up on, such as invalid YAML) sends the file to the CST editor, which finds, locates
// and edits — so findings, positions and errors always come from one place. Loads no `yaml`.
// test/scrub/fast-check.test.ts checks the verdict against the CST path on every corpus file.

import { goVcr } from '../formats/go-vcr.ts';
import { readYamlFast } from '../read/fast-yaml.ts';
import { resolvePlain } from '../read/yaml-scalars.ts';
import { headerRule, isDone, scanCredentialHeader, scanValue, type Compiled, type ValueKind } from './scan.ts';

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

/**
 * Non-string scalars as the CST editor sees them: digits, signs and a few words hold no key pattern,
 * `?`, `#` or `=`, so only custom patterns and host names could match; check every candidate source.
 */
function nonStringsClean(text: string, c: Compiled): boolean {
  const customPatterns = c.options.replace.length > 0 && !c.options.disable.includes('custom-pattern');
  if (!customPatterns && c.hosts.length === 0) return true;
  for (const match of text.matchAll(LINE_END_TOKEN)) {
    const source = match[1]!;
    if (typeof resolvePlain(source) !== 'string' && scanValue(source, 'text', c).hits.length > 0) return false;
  }
  return true;
}

/** The walker for one run's options. */
class Walker {
  private readonly formParamsOn: boolean;

  constructor(private readonly c: Compiled) {
    this.formParamsOn = !c.options.disable.includes('credential-query');
  }

  /** Strings are scanned here; numbers, booleans and null in nonStringsClean. */
  private scalar(value: unknown, kind: ValueKind): void {
    if (typeof value === 'string') {
      if (scanValue(value, kind, this.c).hits.length > 0) maybe();
    } else if (value instanceof Uint8Array) {
      maybe(); // a `!!binary` value outside a body is scanned as its base64 text there
    }
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
        if (!rule) this.scalar(v, 'text');
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

  /** `!!binary` bodies: the bytes as Latin-1 text, without host mapping (as scrubBinary does). */
  private binary(bytes: Uint8Array): void {
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) maybe(); // gzip: the CST editor decompresses and scans
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    if (scanValue(text, 'text', { ...this.c, hosts: [] }).hits.length > 0) maybe();
  }

  /**
   * Is a request/response body form-encoded? edit-cst.ts reads the first scalar of its Content-Type
   * header; an empty list item is no scalar there but null here, so any form type in the list counts
   * (the form-body scan finds everything the text scan finds, and more).
   */
  private isForm(map: YamlMap): boolean {
    const headers = map.headers;
    if (!isMap(headers)) return false;
    const name = Object.keys(headers).find((k) => k.toLowerCase() === 'content-type');
    if (name === undefined) return false;
    return this.scalars(headers[name]).some((v) => v instanceof Uint8Array || (typeof v === 'string' && v.toLowerCase().includes('x-www-form-urlencoded')));
  }

  /** Mirrors Editor.walk: `key` is the last path element, `inCassette` whether path[0] is `interactions`. */
  walk(value: unknown, key: string | number | undefined, inCassette: boolean, form: boolean | undefined): void {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) this.walk(value[i], i, inCassette, form);
      return;
    }
    if (!isMap(value)) {
      const kind = key === 'url' ? 'url' : key === 'body' && form ? 'form-body' : 'text';
      this.scalar(value, kind);
      return;
    }
    // `form` is undefined outside a request/response (no frame), else whether its body is a form.
    const own = inCassette && (key === 'request' || key === 'response') ? this.isForm(value) : form;
    const framed = own !== undefined;
    for (const [k, v] of Object.entries(value)) {
      if (inCassette && framed && (k === 'headers' || k === 'trailer') && isMap(v)) this.headers(v);
      else if (inCassette && framed && k === 'form' && isMap(v)) this.form(v);
      else if (k === 'body' && v instanceof Uint8Array) {
        if (isMap(value.headers) && Object.keys(value.headers).some((h) => h.toLowerCase() === 'content-encoding')) maybe(); // compressed: the CST editor decodes it
        this.binary(v);
      }
      else this.walk(v, k, inCassette || (key === undefined && k === 'interactions'), own);
    }
  }
}

/**
 * True only when the CST editor would surely find nothing in `text` with these options (and the
 * text is valid YAML); false means "ask the CST editor", not "dirty".
 */
export function isSurelyClean(text: string, c: Compiled): boolean {
  const read = readYamlFast(text);
  // Only go-vcr is walked here (its sites are the ones below); any other format, or a document no
  // format accepts, goes to the CST editor, which detects it and fails closed.
  if (!read || !goVcr.detect(read.value) || !nonStringsClean(text, c)) return false;
  try {
    new Walker(c).walk(read.value, undefined, false, undefined);
    return true;
  } catch (error) {
    if (error === MAYBE) return false;
    throw error;
  }
}
