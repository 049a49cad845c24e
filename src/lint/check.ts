// `cassette lint`'s rules over one analyzed cassette: its diagnostics, the cassette-level checks and
// the credentials scrub finds in its text. Pure: findings out, with the rules' default severities
// (the configuration changes them afterwards).

import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../findings/codes.ts';
import type { Finding, FindingInteraction } from '../findings/finding.ts';
import { fromScrubFinding } from '../findings/from-scrub.ts';
import type { AnalyzedCassette, AnalyzedInteraction } from '../interpret/index.ts';
import type { Body, Interaction } from '../model.ts';
import type { Finding as ScrubFinding } from '../scrub/edit-cst.ts';
import { isVolatileHeader } from '../diff/noise.ts';
import { CREDENTIAL_HEADERS } from '../http/credential-headers.ts';
import { diagnosticPlace } from '../findings/diagnostic-lines.ts';
import type { Locator, Place } from '../findings/locate.ts';
import { ruleInfo } from './rules.ts';
import { turnProblems } from './turns.ts';
import { bodyByteLength } from '../http/body-length.ts';

export interface LintCheckOptions {
  /** Bodies above this many bytes are `oversized-body`. */
  maxBodyBytes: number;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** The interaction as findings show it: the URL without query or fragment, where credentials live. */
export function findingInteraction(interaction: Interaction): FindingInteraction {
  return { index: interaction.index, method: interaction.request.method, url: interaction.request.url.split(/[?#]/)[0]! };
}

/** Digits out: "event 12" and "event 13" are the same finding after an unrelated edit of the stream. */
const stableKey = (message: string) => message.replace(/\d+/g, '#');


const HAS_USAGE_ALWAYS = new Set(['anthropic', 'gemini', 'openai-responses', 'bedrock-converse', 'cohere', 'ollama']);
/** Providers whose tool calls always carry an id (Gemini's and Ollama's have none). */
const CALL_IDS = new Set(['openai-chat', 'openai-responses', 'anthropic', 'bedrock-converse']);

class Collector {
  readonly findings: Finding[] = [];

  constructor(private readonly file: string) {}

  add(rule: string, place: Place, message: string, key: string, interaction?: Interaction, extra: Partial<Finding> = {}): void {
    const info = ruleInfo(rule);
    const finding: Finding = { rule, severity: info.severity, file: this.file, line: place.line, col: place.col, message, fix: info.fix, key, ...extra };
    if (interaction) finding.interaction = findingInteraction(interaction);
    this.findings.push(finding);
  }
}

/** Statuses of a background response that is not done yet (OpenAI Responses `background: true`). */
const NOT_FINISHED = new Set(['queued', 'in_progress']);

function diagnosticFindings(item: AnalyzedInteraction, out: Collector, locator: Locator): Set<DiagnosticCode> {
  const { interaction, llm } = item;
  const codes = new Set<DiagnosticCode>();
  for (const d of item.diagnostics) {
    codes.add(d.code);
    out.add(d.code, diagnosticPlace(item, d, locator), d.message, `${d.code}:${stableKey(d.message)}`, interaction);
  }
  if (!llm) return codes;
  // What the model says where a reducer did not (yet) say it as a diagnostic.
  const response = llm.response;
  // A body that did not decode is said to be so; that its "stream" ended early is no news.
  const broken = codes.has('body-undecodable') || codes.has('event-stream-crc');
  if (response.incomplete && !broken && !codes.has('stream-unterminated')) {
    out.add('stream-unterminated', locator.interaction(interaction.index), 'the stream ended without its terminator or a finish reason', 'stream-unterminated', interaction);
  }
  response.toolCalls.forEach((call, i) => {
    if (call.invalidArguments && !codes.has('invalid-tool-arguments')) {
      out.add('invalid-tool-arguments', locator.interaction(interaction.index), `tool call ${i}${call.name ? ` (${call.name})` : ''}: arguments are not valid JSON`, `invalid-tool-arguments:${i}`, interaction);
    }
    if (call.id === null && CALL_IDS.has(llm.provider) && !codes.has('tool-call-without-id')) {
      out.add('tool-call-without-id', locator.interaction(interaction.index), `tool call ${i}${call.name ? ` (${call.name})` : ''} has no id`, `tool-call-without-id:${i}`, interaction);
    }
  });
  return codes;
}

function responseFindings(item: AnalyzedInteraction, out: Collector, locator: Locator, codes: Set<DiagnosticCode>): void {
  const { interaction, llm } = item;
  const { status } = interaction.response;
  const at = locator.interaction(interaction.index);
  if (status >= 400) {
    const error = llm?.response.error;
    const what = error ? `: ${error.type}${error.message ? ` — ${error.message.slice(0, 100)}` : ''}` : '';
    out.add('error-status', locator.find(interaction.index, String(status), 'response'), `recorded a ${status} response${what}`, `status:${status}`, interaction);
  } else if (status >= 200 && status < 300 && llm?.response.error && !codes.has('event-stream-crc')) {
    const { type, message } = llm.response.error;
    out.add('error-in-stream', at, `${status} response carries an error: ${type}${message ? ` — ${message.slice(0, 100)}` : ''}`, `error:${type}`, interaction);
  }
  if (!llm || status < 200 || status >= 300) return;
  const r = llm.response;
  // Only a finished answer to a POST: GET/DELETE of stored objects and background responses still queued carry none.
  if (r.usage === null && !r.error && !r.incomplete && r.finishReason !== null && !NOT_FINISHED.has(r.finishReason) && interaction.request.method.toUpperCase() === 'POST' && usageExpected(item)) {
    out.add('usage-missing', at, `a complete ${llm.provider} response without usage`, 'usage-missing', interaction);
  }
}

/** Streaming chat and completions carry usage only when the request asked (stream_options.include_usage). */
function usageExpected(item: AnalyzedInteraction): boolean {
  const llm = item.llm!;
  if (HAS_USAGE_ALWAYS.has(llm.provider)) return true;
  if (llm.provider === 'bedrock') return false; // InvokeModel bodies are the model family's own
  if (!llm.request.stream) return true;
  const body = item.requestBody.kind === 'json' ? item.requestBody.value : undefined;
  const options = body && typeof body === 'object' ? (body as Record<string, unknown>).stream_options : undefined;
  return !!options && typeof options === 'object' && (options as Record<string, unknown>).include_usage === true;
}

/** content_length and Content-Length against the body actually recorded. */
function lengthFindings(interaction: Interaction, out: Collector, locator: Locator): void {
  for (const side of ['request', 'response'] as const) {
    const message = interaction[side];
    // One pass over the headers: most recorders write no length, or -1, and then nothing is measured.
    let lengthHeader: string | undefined;
    let encoding = 'identity';
    for (const [name, values] of Object.entries(message.headers)) {
      const lower = name.toLowerCase();
      if (lower === 'content-length') lengthHeader = values[0];
      else if (lower === 'content-encoding') encoding = (values[0] ?? 'identity').toLowerCase();
    }
    if ((message.contentLength === undefined || message.contentLength <= 0) && lengthHeader === undefined) continue;
    // A body re-serialized from a structure (pydantic-ai's parsed_body): its bytes were not recorded, so
    // no length can be checked. Nor on the other side: the same serializer rewrites a form body it
    // scrubs (urlencode), keeping the Content-Length of the bytes sent.
    if (interaction.request.bodyReserialized || interaction.response.bodyReserialized) return;
    const actual = bodyByteLength(message.body);
    // A body stored decoded under a Content-Encoding header: the recorded lengths are the compressed ones.
    const comparable = encoding === 'identity' || typeof message.body !== 'string';
    if (!comparable || actual === 0) continue;
    const declared: Array<[string, number | undefined]> = [['content_length', message.contentLength]];
    if (lengthHeader !== undefined) declared.push(['Content-Length', /^\d+$/.test(lengthHeader.trim()) ? Number(lengthHeader) : undefined]);
    for (const [name, value] of declared) {
      // -1 and 0 mean unknown to go-vcr; a HEAD or 304 has a length and no body.
      if (value === undefined || value <= 0 || value === actual) continue;
      out.add('content-length-mismatch', locator.find(interaction.index, name === 'content_length' ? 'content_length' : 'content-length', side), `${side} ${name} is ${value}, the body has ${actual} bytes`, `${side}:${name}`, interaction);
    }
  }
}

function sizeFindings(interaction: Interaction, out: Collector, locator: Locator, max: number): void {
  for (const side of ['request', 'response'] as const) {
    const body = interaction[side].body;
    // UTF-8 takes 1 to 3 bytes per UTF-16 unit: most bodies are sized without counting.
    if (typeof body === 'string' && body.length * 3 <= max) continue;
    const size = bodyByteLength(body);
    if (size > max) {
      out.add('oversized-body', locator.find(interaction.index, 'body', side), `${side} body is ${size} bytes (above ${max})`, `${side}-body`, interaction);
    }
  }
}

function bodyKey(body: Body): string {
  return typeof body === 'string' ? body : Buffer.from(body).toString('latin1');
}

function duplicateFindings(interactions: readonly Interaction[], out: Collector, locator: Locator): void {
  // Keyed by what is cheap (method, URL, status, body sizes); bodies are compared only on a tie.
  const seen = new Map<string, Interaction[]>();
  for (const i of interactions) {
    const { request, response } = i;
    const key = `${request.method} ${request.url} ${response.status} ${bodyByteLength(request.body)} ${bodyByteLength(response.body)}`;
    const earlier = seen.get(key);
    const same = earlier?.find((e) => bodyKey(e.request.body) === bodyKey(request.body) && bodyKey(e.response.body) === bodyKey(response.body));
    if (same) out.add('duplicate-interaction', locator.interaction(i.index), `same request and response as interaction #${same.index}`, 'duplicate', i);
    else if (earlier) earlier.push(i);
    else seen.set(key, [i]);
  }
}

const volatileNames = new Map<string, string | null>();
/** The lower-case name when the header is volatile, else null; remembered by the name as written (the same few dozen come back in every interaction). */
function volatileName(name: string): string | null {
  let known = volatileNames.get(name);
  if (known === undefined) {
    const lower = name.toLowerCase();
    known = lower !== 'content-length' && !CREDENTIAL_HEADERS.has(lower) && isVolatileHeader(lower) ? lower : null;
    volatileNames.set(name, known);
  }
  return known;
}

/** One note per file: the volatile header names and where the first one is. */
function volatileFindings(interactions: readonly Interaction[], out: Collector, locator: Locator): void {
  const names = new Map<string, string>();
  let first: { index: number; name: string } | undefined;
  for (const i of interactions) {
    for (const side of [i.request, i.response]) {
      for (const name of Object.keys(side.headers)) {
        const lower = volatileName(name);
        if (lower === null) continue;
        if (!names.has(lower)) names.set(lower, name);
        first ??= { index: i.index, name };
      }
    }
  }
  if (!first) return;
  const list = [...names.keys()].sort();
  const shown = list.length > 6 ? `${list.slice(0, 6).join(', ')} and ${list.length - 6} more` : list.join(', ');
  out.add('volatile-header', locator.find(first.index, `${first.name}:`), `${list.length} header(s) that change on every recording: ${shown}`, 'volatile-headers');
}

/** The interaction a scrub finding's path is in: the first `[n]` after the interaction list. */
function scrubInteraction(path: string, interactions: readonly Interaction[]): Interaction | undefined {
  const index = /\[(\d+)\]/.exec(path)?.[1];
  return index === undefined ? undefined : interactions[Number(index)];
}

export function lintCassette(analyzed: AnalyzedCassette, locator: Locator, scrubFindings: readonly ScrubFinding[], options: LintCheckOptions): Finding[] {
  const file = analyzed.cassette.file;
  const out = new Collector(file);
  for (const item of analyzed.interactions) {
    const codes = diagnosticFindings(item, out, locator);
    responseFindings(item, out, locator, codes);
    lengthFindings(item.interaction, out, locator);
    sizeFindings(item.interaction, out, locator, options.maxBodyBytes);
  }
  for (const p of turnProblems(analyzed.interactions)) {
    const interaction = analyzed.interactions[p.index]!.interaction;
    out.add(p.rule, locator.find(p.index, 'assistant'), p.message, p.key, interaction);
  }
  duplicateFindings(analyzed.cassette.interactions, out, locator);
  volatileFindings(analyzed.cassette.interactions, out, locator);
  const interactions = analyzed.cassette.interactions;
  for (const f of scrubFindings) {
    const finding = fromScrubFinding(file, f, 'lint');
    const interaction = scrubInteraction(f.path, interactions);
    if (interaction) finding.interaction = findingInteraction(interaction);
    out.findings.push(finding);
  }
  return out.findings;
}

export const KNOWN_DIAGNOSTIC_CODES = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];
