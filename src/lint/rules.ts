// Every lint rule: a stable id, a default severity, what it means (the help text of SARIF's rules
// and of `lint --list-rules`) and how to fix it. Each diagnostic code is a rule of the same name;
// each scrub rule is one too, so `lint` reports what `scrub --check` reports.

import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../findings/codes.ts';
import type { Severity } from '../findings/finding.ts';

export interface RuleInfo {
  id: string;
  severity: Severity;
  summary: string;
  fix: string;
  /** Where the rule comes from: a diagnostic of the interpret/decode stages, the cassette as a whole, or scrub. */
  kind: 'diagnostic' | 'cassette' | 'credential';
}

/** A code added to codes.ts before it is given a severity here is a warning with a generic fix. */
const DIAGNOSTIC_DEFAULT = { severity: 'warning' as Severity, fix: 'See the message; the cassette holds something the interpret stage could not use.' };

const DIAGNOSTIC_RULES: Partial<Record<DiagnosticCode, { severity: Severity; fix: string }>> = {
  'unknown-event': { severity: 'note', fix: 'Nothing to fix in the cassette if the API added an event type; report it so cassette learns it.' },
  'unparsed-event': { severity: 'warning', fix: 'Re-record: the event data was cut or corrupted (a hand edit, a proxy).' },
  'delta-before-start': { severity: 'warning', fix: 'Re-record: the stream lost its start event (a truncated or re-cut recording).' },
  'stream-unterminated': { severity: 'error', fix: 'Re-record: the stream was cut off (the recorder stopped reading early, a timeout, a cancelled request).' },
  'tool-call-without-id': { severity: 'warning', fix: 'Check the server or proxy: the API sends call ids; the SDK cannot match the tool result without one.' },
  'tool-call-index-collision': { severity: 'error', fix: 'Report it to the server (or OpenAI-compatible proxy): two calls streamed on one index are merged by SDKs.' },
  'invalid-tool-arguments': { severity: 'error', fix: 'Re-record, or fix the server: the SDK will fail to parse these arguments on replay.' },
  'event-stream-crc': { severity: 'error', fix: 'Re-record: the binary event stream is corrupt or truncated (never edit it by hand).' },
  'usage-mismatch': { severity: 'warning', fix: 'Check which figure your code bills by; re-record if the cassette was edited.' },
  'body-undecodable': { severity: 'error', fix: 'Re-record with the recorder decoding bodies (vcrpy decode_compressed_response=True), or fix Content-Encoding.' },
  'unknown-endpoint': { severity: 'note', fix: 'Nothing to fix if the request is meant; report the shape so cassette learns it.' },
  'unexpected-body': { severity: 'warning', fix: 'Look at the response: a proxy or gateway page, a truncated body, or an API change; re-record against the API itself.' },
};

const CASSETTE_RULES: Array<Omit<RuleInfo, 'kind'>> = [
  { id: 'error-in-stream', severity: 'warning', summary: 'A 2xx response whose body carries an error (an error event inside the stream, or an error object).', fix: 'Re-record, unless the test is about this error; then keep it and allow it.' },
  { id: 'error-status', severity: 'warning', summary: 'A recorded 4xx or 5xx response: a fixture of a failure, often recorded by accident (a bad key, a rate limit, an outage).', fix: 'Re-record with working credentials, or allow it where the test is about the failure.' },
  { id: 'turn-mismatch', severity: 'warning', summary: 'The next request disagrees with the answer: the assistant turn the SDK sent back in interaction i+1 is not what interaction i reassembles to (text, tool names, arguments).', fix: 'Look at the SDK or the code building the next request; a hand-edited response also does this. Re-record after fixing.' },
  { id: 'double-encoded-arguments', severity: 'warning', summary: 'Tool-call arguments sent back double-encoded: a JSON string holding the JSON the model answered.', fix: 'The code that re-sends the assistant turn serializes arguments twice; pass the object (or the string) once.' },
  { id: 'content-length-mismatch', severity: 'warning', summary: 'A recorded `content_length` / `Content-Length` that is not the byte length of the body (a hand edit, or a body decoded after recording).', fix: 'Set it to the body length, or to -1 / remove it; `cassette scrub` keeps it right when it edits a body.' },
  { id: 'volatile-header', severity: 'note', summary: 'Headers that change on every recording (dates, request ids, rate-limit counters) and make diffs of re-recordings noisy.', fix: "Filter them in the recorder (vcrpy filter_headers, go-vcr hooks), or rely on `cassette diff`, which ignores them." },
  { id: 'oversized-body', severity: 'warning', summary: 'A body above the configured size (`lint.maxBodyBytes`, default 1 MiB): inline images, audio, files.', fix: 'Use a smaller input in the test, or raise lint.maxBodyBytes for this path.' },
  { id: 'duplicate-interaction', severity: 'warning', summary: 'An interaction with the same request and the same response as an earlier one in the cassette.', fix: 'Remove the repeat, or record once (a retry or a test run twice into one cassette).' },
  { id: 'usage-missing', severity: 'warning', summary: 'A complete, successful response that should carry token usage and does not.', fix: 'Streaming OpenAI-style APIs send usage only when asked (stream_options.include_usage); otherwise check the server or proxy.' },
];

const CREDENTIAL_RULES: Array<[string, string]> = [
  ['authorization-header', 'An Authorization / Proxy-Authorization header with a credential.'],
  ['aws-sigv4', 'An AWS SigV4 Authorization header.'],
  ['api-key-header', 'An X-Api-Key / Api-Key / X-Goog-Api-Key header with a credential.'],
  ['cookie-header', 'A Cookie / Set-Cookie header with a session cookie.'],
  ['aws-session-token', 'An X-Amz-Security-Token header.'],
  ['custom-header', 'A header named in scrub.headers / --header.'],
  ['credential-query', 'A credential query or form parameter (key, api_key, access_token, X-Amz-Signature, …).'],
  ['openai-key', 'An OpenAI key (sk-…).'],
  ['anthropic-key', 'An Anthropic key (sk-ant-…).'],
  ['google-api-key', 'A Google API key (AIza…).'],
  ['groq-key', 'A Groq key (gsk_…).'],
  ['xai-key', 'An xAI key (xai-…).'],
  ['huggingface-token', 'A Hugging Face token (hf_…).'],
  ['aws-access-key-id', 'An AWS access key id (AKIA… / ASIA…).'],
  ['github-token', 'A GitHub token (ghp_…, github_pat_…).'],
  ['jwt', 'A JSON Web Token.'],
  ['custom-pattern', 'A pattern named in scrub.replace / --replace.'],
  ['host-map', 'A host that the configured host map (scrub.hosts / --host) maps, left unmapped.'],
];

export const RULES: ReadonlyMap<string, RuleInfo> = new Map<string, RuleInfo>([
  ...(Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]).map((id): [string, RuleInfo] => [id, { id, kind: 'diagnostic', summary: DIAGNOSTIC_CODES[id], ...(DIAGNOSTIC_RULES[id] ?? DIAGNOSTIC_DEFAULT) }]),
  ...CASSETTE_RULES.map((r): [string, RuleInfo] => [r.id, { ...r, kind: 'cassette' }]),
  ...CREDENTIAL_RULES.map(([id, summary]): [string, RuleInfo] => [
    id,
    { id, kind: 'credential', severity: 'error', summary, fix: id === 'host-map' ? 'Run `cassette scrub` to map the host.' : 'Run `cassette scrub` to redact it, and rotate the credential if it was real.' },
  ]),
]);

export function ruleInfo(id: string): RuleInfo {
  const rule = RULES.get(id);
  if (!rule) throw new Error(`unknown lint rule ${id}`);
  return rule;
}
