// Text in → scrubbed text and findings out, by editing the yaml CST: only the scalars that hold a
// secret (and the content_length they invalidate) get new source; every other byte is kept. A file
// without findings comes back as the very same string.

import { Composer, CST, LineCounter, Parser } from 'yaml';
import { CassetteError } from '../errors.ts';
import { decodeContentEncodings, hasGzipMagic, parseContentEncoding } from '../decode/content-encoding.ts';
import { describeDocument, detectFormat } from '../formats/index.ts';
import { pollyChunks } from '../formats/har.ts';
import type { MessageSites, SecretSites, SitePath, Syntax } from '../formats/types.ts';
import { headerSites, headerValueKind, inMessage, isFormEncoded, mediaTypeSites, messageAt, siteOf, type Path } from './sites.ts';
import {
  isBinaryItem,
  isMapToken,
  isScalarToken,
  isSeqToken,
  mapEntries,
  mapGet,
  removeMapItems,
  scalarText,
  valueScalars,
  type Item,
  type ScalarToken,
} from './cst-tree.ts';
import { mask, type RuleId } from './rules.ts';
import { headerRule, isDone, isHarmlessCookie, scanCredentialHeader, scanValue, type Compiled, type Hit, type Scanned } from './scan.ts';

export interface Finding {
  rule: RuleId;
  line: number;
  col: number;
  /** The secret as it may be shown: `mask()`ed, never whole. */
  masked: string;
  /** Where in the cassette, e.g. `interactions[0].request.headers.Authorization`. */
  path: string;
  /** Source range of the secret (or of its scalar) in the input text. */
  offset: number;
  length: number;
  /** Inside a compressed body: found, but scrub does not rewrite it (see the README). */
  compressed?: true;
}

const pathText = (path: Path) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

/** A request or response map: the body edits in it change its recorded lengths. */
interface Frame {
  map: CST.Token;
  message: MessageSites;
  /** Body size in bytes before and after the scrub. */
  before: number;
  after: number;
  /** The body is form-encoded (sites.ts decides, from the Content-Type and media type values). */
  form: boolean;
  contentEncoding: string;
}

/** A compressed body's bytes, decoded by its Content-Encoding (or gzip's magic bytes); else undefined. */
function decompress(bytes: Buffer, encoding: string): Buffer | undefined {
  let codings = parseContentEncoding(encoding);
  if (codings.length === 0 && hasGzipMagic(bytes)) codings = ['gzip'];
  if (codings.length === 0) return undefined;
  const decoded = decodeContentEncodings(bytes, codings);
  // Undecodable: not what the header says, so scanned as the bytes they are.
  return decoded.kind === 'decoded' ? Buffer.from(decoded.bytes) : undefined;
}

/** A header's value scalars (any spelling of its name), in a map of lists (go-vcr, vcrpy, Ruby VCR) or a name/value list (HAR). */
function headerTokens(headers: CST.Token | undefined, name: string): ScalarToken[] {
  const want = name.toLowerCase();
  const out: ScalarToken[] = [];
  if (isSeqToken(headers)) {
    for (const entry of headers.items) {
      if (scalarText(mapGet(entry.value, 'name')?.value)?.toLowerCase() !== want) continue;
      const value = mapGet(entry.value, 'value')?.value;
      if (isScalarToken(value)) out.push(value);
    }
    return out;
  }
  for (const [key, item] of mapEntries(headers)) if (key.toLowerCase() === want) out.push(...valueScalars(item.value));
  return out;
}

/** A header's values (any spelling of its name); a value that is no plain text reads as ''. */
function headerValues(headers: CST.Token | undefined, name: string, list = isSeqToken(headers)): string[] {
  return headerTokens(headers, name).flatMap((t) => {
    const value = scalarText(t);
    return value === undefined ? (list ? [] : ['']) : [value];
  });
}

/** The token at `path` (map keys) below `token`. */
function tokenAt(token: CST.Token | undefined, path: SitePath): CST.Token | undefined {
  for (const key of path) token = mapGet(token, key)?.value;
  return token;
}

/**
 * Bodies kept in files beside the cassette (a HAR's `_file`) that scrub changed, by
 * `${interaction}:${side}`: their byte lengths before and after, for the lengths the cassette records.
 */
export type AttachedSizes = ReadonlyMap<string, { before: number; after: number }>;

class Editor {
  readonly findings: Finding[] = [];
  /** A recorded length was rewritten (also with no finding in this text: an attached body changed). */
  lengthsChanged = false;

  constructor(
    private readonly c: Compiled,
    private readonly sites: SecretSites,
    private readonly attachedSizes?: AttachedSizes,
  ) {}

  /** The path inside one interaction, or undefined outside the interaction list. */
  private relative(path: Path): Path | undefined {
    const list = this.sites.interactions;
    if (path.length <= list.length || !list.every((p, i) => p === path[i]) || typeof path[list.length] !== 'number') return undefined;
    return path.slice(list.length + 1);
  }

  /** Records hits for `token`, locating each secret in the scalar's source where it is written out. */
  private record(token: ScalarToken, hits: Hit[], path: Path, locate = true): void {
    const from = new Map<string, number>();
    for (const hit of hits) {
      const start = locate ? token.source.indexOf(hit.secret, from.get(hit.secret) ?? 0) : -1;
      const found = start >= 0 && hit.secret.length > 0;
      if (found) from.set(hit.secret, start + hit.secret.length);
      // Not written out verbatim (escaped, or inside base64): the whole scalar is the range.
      const offset = found ? token.offset + start + this.headerLength(token) : token.offset;
      const length = found ? hit.secret.length : this.headerLength(token) + token.source.length;
      this.findings.push({ rule: hit.rule, line: 0, col: 0, masked: mask(hit.secret), path: pathText(path), offset, length });
    }
  }

  /** A block scalar's offset is its header's; the source starts on the next line. */
  private headerLength(token: ScalarToken): number {
    if (token.type !== 'block-scalar') return 0;
    return token.props.reduce((n, t) => n + ('source' in t ? t.source.length : 0), 0);
  }

  /** Gives `token` the value `next`: by replacing the secrets inside its source, else re-encoded. */
  private rewrite(token: ScalarToken, scanned: Scanned, pairs: Array<[string, string]>): void {
    let source = token.source;
    for (const [from, to] of pairs) if (from) source = source.split(from).join(to);
    const trial = { ...token, source } as ScalarToken;
    if (scalarText(trial) === scanned.value) {
      token.source = source;
      return;
    }
    CST.setScalarValue(token, scanned.value);
  }

  private scrubScalar(token: ScalarToken, path: Path, scan: (value: string) => Scanned, frame?: Frame, whole = false): Hit[] {
    const value = scalarText(token);
    if (value === undefined) return [];
    const scanned = scan(value);
    if (scanned.hits.length === 0) return [];
    this.record(token, scanned.hits, path);
    if (whole) CST.setScalarValue(token, scanned.value);
    else this.rewrite(token, scanned, scanned.hits.map((h) => [h.secret, h.replacement]));
    if (frame) {
      frame.before = Buffer.byteLength(value);
      frame.after = Buffer.byteLength(scanned.value);
    }
    return scanned.hits;
  }

  /** `!!binary` bodies: the bytes are scanned as Latin-1 text and re-encoded in the same layout. */
  private scrubBinary(token: ScalarToken, path: Path, frame?: Frame): void {
    const base64 = scalarText(token);
    if (base64 === undefined) return;
    const chunked = pollyChunks(base64);
    const raw = chunked ? Buffer.from(chunked) : Buffer.from(base64.replace(/\s+/g, ''), 'base64');
    const inflated = decompress(raw, frame?.contentEncoding ?? '');
    // Chunks are reported, never rewritten: re-cutting them would change what Polly replays.
    if (inflated || chunked) {
      // Found and reported where the body is; not rewritten: recompressing would not give the
      // recorded bytes back (compressor, level, window), so the file keeps them and --check fails.
      const hits = scanValue((inflated ?? raw).toString('latin1'), frame?.form ? 'form-body' : 'text', { ...this.c, hosts: [] }).hits;
      const before = this.findings.length;
      this.record(token, hits, path, false);
      for (const f of this.findings.slice(before)) f.compressed = true;
      return;
    }
    const text = raw.toString('latin1');
    const scanned = scanValue(text, frame?.form ? 'form-body' : 'text', { ...this.c, hosts: [] });
    if (scanned.hits.length === 0) return;
    this.record(token, scanned.hits, path, false);
    const bytes = Buffer.from(scanned.value, 'latin1');
    const lines = token.source.split('\n');
    const indent = /^ */.exec(lines.find((l) => l.trim()) ?? '')![0];
    const width = Math.max(4, (lines.find((l) => l.trim()) ?? '').trim().length);
    const encoded = bytes.toString('base64').match(new RegExp(`.{1,${width}}`, 'g')) ?? [];
    if (token.type === 'block-scalar') token.source = `${encoded.map((l) => indent + l).join('\n')}\n`;
    else CST.setScalarValue(token, encoded.join(''));
    if (frame) {
      frame.before = Buffer.byteLength(text, 'latin1');
      frame.after = bytes.length;
    }
  }

  private headers(map: CST.Token, path: Path): void {
    const drop = new Set<Item>();
    for (const [name, item] of mapEntries(map)) {
      const rule = headerRule(name, this.c);
      for (const token of valueScalars(item.value)) {
        const hits = rule
          ? this.scrubScalar(token, [...path, name], (v) => scanCredentialHeader(v, rule, this.c), undefined, !this.c.options.drop)
          : this.scrubScalar(token, [...path, name], (v) => scanValue(v, headerValueKind(name), this.c));
        if (rule && hits.length > 0 && this.c.options.drop) drop.add(item);
      }
    }
    if (map.type === 'block-map') removeMapItems(map, drop);
    else if (drop.size > 0) {
      // Flow maps are rare in cassettes; their values are redacted instead of removed.
      for (const item of drop) for (const token of valueScalars(item.value)) CST.setScalarValue(token, this.c.options.placeholder);
    }
  }

  private form(map: CST.Token, path: Path): void {
    for (const [name, item] of mapEntries(map)) {
      const credential = this.c.options.params.includes(name.toLowerCase()) && !this.c.options.disable.includes('credential-query');
      for (const token of valueScalars(item.value)) {
        this.scrubScalar(token, [...path, name], (v) =>
          credential && !isDone(v, this.c.options.placeholder)
            ? { value: this.c.options.placeholder, hits: [{ rule: 'credential-query', secret: v, replacement: this.c.options.placeholder }] }
            : scanValue(v, 'text', this.c),
        );
      }
    }
  }

  /** `[{name, value}]` lists (HAR headers, cookies, query): the rule comes from the name. */
  private nameValues(seq: CST.Token, path: Path, kind: 'headers' | 'cookies' | 'query'): void {
    if (!isSeqToken(seq)) return;
    seq.items.forEach((entry, i) => {
      const map = entry.value;
      const name = scalarText(mapGet(map, 'name')?.value);
      const item = mapGet(map, 'value');
      if (!item || !isScalarToken(item.value)) return this.walk(map, [...path, i]);
      const here = [...path, i, name ?? 'value'];
      const rule =
        kind === 'cookies' ? (name !== undefined && isHarmlessCookie(name) ? undefined : 'cookie-header') : kind === 'headers' && name !== undefined ? headerRule(name, this.c) : undefined;
      const param = kind === 'query' && name !== undefined && this.c.options.params.includes(name.toLowerCase()) && !this.c.options.disable.includes('credential-query');
      const { placeholder } = this.c.options;
      if (rule && !this.c.options.disable.includes(rule)) this.scrubScalar(item.value, here, (v) => scanCredentialHeader(v, rule, this.c), undefined, true);
      else if (param)
        this.scrubScalar(item.value, here, (v) =>
          !isDone(v, placeholder) ? { value: placeholder, hits: [{ rule: 'credential-query', secret: v, replacement: placeholder }] } : scanValue(v, 'text', this.c),
        );
      else this.scrubScalar(item.value, here, (v) => scanValue(v, kind === 'headers' && name !== undefined ? headerValueKind(name) : 'text', this.c));
    });
  }

  /**
   * Walks any token; interaction entries get the rules at the format's sites, everything else the
   * patterns. `formBody`: inside a structure body (pydantic-ai `parsed_body`) of a form-encoded message.
   */
  walk(token: CST.Token | undefined, path: Path, frame?: Frame, formBody = false): void {
    if (!token) return;
    const rel = this.relative(path);
    const site = rel && siteOf(rel, this.sites);
    if (isScalarToken(token)) {
      const key = path[path.length - 1];
      const kind = site === 'url' || key === 'url' ? 'url' : formBody || (site === 'body' && frame?.form) ? 'form-body' : 'text';
      // A body scalar at any of the format's body sites (go-vcr `body`, Ruby VCR `body.string`, HAR
      // `content.text`): its size change is kept in the message's recorded lengths.
      this.scrubScalar(token, path, (v) => scanValue(v, kind, this.c), site === 'body' ? frame : undefined);
      return;
    }
    if (isSeqToken(token)) {
      token.items.forEach((item, i) => this.walk(item.value, [...path, i], frame, formBody));
      return;
    }
    if (!isMapToken(token)) return;
    const message = site === 'frame' ? messageAt(rel!, this.sites) : undefined;
    const own = message ? this.frame(token, message, path) : frame;
    for (const [key, item] of mapEntries(token)) {
      const here = [...path, key];
      const inner = rel && own ? siteOf([...rel, key], this.sites, (k) => scalarText(mapGet(token, k)?.value)) : undefined;
      if (inner === 'headers-map' && isMapToken(item.value)) this.headers(item.value, here);
      else if (inner === 'headers-list' || inner === 'cookies' || inner === 'query') this.nameValues(item.value!, here, inner === 'headers-list' ? 'headers' : inner);
      else if (inner === 'form' && isMapToken(item.value)) this.form(item.value, here);
      else if ((inner === 'base64-body' || isBinaryItem(item)) && isScalarToken(item.value) && (inner === 'base64-body' || key === 'body' || key === 'string')) this.scrubBinary(item.value, here, own);
      else this.walk(item.value, here, own, formBody || (inner === 'structure-body' && !!own?.form));
    }
    if (own && own !== frame && own.before !== own.after) this.fixLength(own);
  }

  /**
   * A request or response map: its form encoding and content coding, read at the format's header
   * sites; the sizes of its body when that is an attached file scrub changed.
   */
  private frame(map: CST.Token, message: MessageSites, path: Path): Frame {
    const types: string[] = [];
    const encodings: string[] = [];
    for (const h of headerSites(message)) {
      const headers = tokenAt(map, h.path);
      types.push(...headerValues(headers, 'content-type'));
      encodings.push(...headerValues(headers, 'content-encoding'));
    }
    for (const p of mediaTypeSites(message)) types.push(...valueScalars(tokenAt(map, p)).map((t) => scalarText(t) ?? ''));
    const attached = this.attachedSizes?.get(`${path[this.sites.interactions.length]}:${message === this.sites.request ? 'request' : 'response'}`);
    return { map, message, before: attached?.before ?? 0, after: attached?.after ?? 0, form: isFormEncoded(types), contentEncoding: (encodings[0] ?? '').toLowerCase().trim() };
  }

  /**
   * Keeps every recorded length of the message true after its body changed size — the format's
   * `contentLength` fields (go-vcr `content_length`, HAR `bodySize`, `content.size`) and the
   * Content-Length header at each header site — but only a value that was the body's real byte
   * length: never -1 / 0 (unknown), nor a length that already differed (a compressed body stored decoded).
   */
  private fixLength(frame: Frame): void {
    const { message } = frame;
    const tokens: ScalarToken[] = [];
    for (const path of message.contentLength ?? []) {
      const rel = inMessage(message, path);
      if (rel) tokens.push(...valueScalars(tokenAt(frame.map, rel)));
    }
    for (const h of headerSites(message)) tokens.push(...headerTokens(tokenAt(frame.map, h.path), 'content-length'));
    for (const token of tokens) {
      const value = scalarText(token);
      if (value === undefined || value !== String(frame.before) || frame.before === 0) continue;
      const next = String(frame.after);
      this.rewrite(token, { value: next, hits: [] }, [[value, next]]);
      this.lengthsChanged = true;
    }
  }
}

function composed(text: string, tokens: CST.Token[], lineCounter: LineCounter): { error?: { message: string; pos: { line: number; col: number } }; value?: unknown } {
  let value: unknown;
  for (const doc of new Composer({ prettyErrors: false, uniqueKeys: false }).compose(tokens, true, text.length)) {
    const error = doc.errors[0];
    if (error) {
      const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return { error: { message, pos: lineCounter.linePos(error.pos[0]) } };
    }
    value ??= doc.toJS({ maxAliasCount: -1 });
  }
  return { value };
}

/** JSON documents (vcrpy/Ruby VCR JSON, HAR) start with `{` or `[`; they are edited as YAML flow text. */
const looksJson = (text: string) => /^\s*[[{]/.test(text);

function jsonError(text: string, error: Error, file?: string): CassetteError {
  const at = /position (\d+)/.exec(error.message);
  const offset = at ? Number(at[1]) : 0;
  const before = text.slice(0, offset).split('\n');
  const message = error.message.replace(/ in JSON at position \d+.*$/, '').replace(/^Unexpected/, 'unexpected');
  return new CassetteError('invalid-yaml', message, file, { line: before.length, col: before[before.length - 1]!.length + 1 });
}

export function editCassetteText(text: string, c: Compiled, file?: string, attachedSizes?: AttachedSizes): { text: string; findings: Finding[] } {
  const syntax: Syntax = looksJson(text) ? 'json' : 'yaml';
  let jsonValue: unknown;
  if (syntax === 'json') {
    try {
      jsonValue = JSON.parse(text);
    } catch (error) {
      throw jsonError(text, error as Error, file);
    }
  }
  const lineCounter = new LineCounter();
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const parsed = composed(text, tokens, lineCounter);
  if (parsed.error) throw new CassetteError('invalid-yaml', parsed.error.message, file, parsed.error.pos);
  const value = syntax === 'json' ? jsonValue : parsed.value;
  // Fail closed: a document no format accepts is an error, never "clean".
  const format = detectFormat(value, syntax);
  if (!format) throw new CassetteError('not-a-cassette', `not a cassette: found ${describeDocument(value, syntax)}`, file);
  const editor = new Editor(c, format.sites, attachedSizes);
  for (const token of tokens) if (token.type === 'document') editor.walk(token.value, []);
  const findings = editor.findings
    .map((f) => ({ ...f, ...lineCounter.linePos(f.offset) }))
    .sort((a, b) => a.offset - b.offset);
  if (findings.length === 0 && !editor.lengthsChanged) return { text, findings };
  const out = tokens.map((t) => CST.stringify(t)).join('');
  const check = composed(out, Array.from(new Parser().parse(out)), new LineCounter());
  if (check.error) throw new Error(`scrub produced invalid YAML (${check.error.message}); nothing was written`);
  if (syntax === 'json') {
    try {
      JSON.parse(out);
    } catch (error) {
      throw new Error(`scrub produced invalid JSON (${(error as Error).message}); nothing was written`);
    }
  }
  return { text: out, findings };
}
