// Diagnostics carry the cassette line they are about (issue 13): the stream event's line when its
// data is found in the text, else the interaction's. show --json, the transcript and lint agree,
// because they place a diagnostic with the one diagnosticPlace.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from '../../src/findings/diagnostic.ts';
import { diagnosticPlace, locateDiagnostics } from '../../src/findings/diagnostic-lines.ts';
import { Locator } from '../../src/findings/locate.ts';
import { analyzeCassette } from '../../src/interpret/index.ts';
import { readCassette, readCassetteText } from '../../src/read/read-cassette.ts';
import { runCli } from '../helpers/cli.ts';
import { CORPUS, corpusFiles, sample, SKIP_WITHOUT_CORPUS } from '../helpers/paths.ts';

type JsonDiagnostic = Diagnostic;
interface LintLine {
  findings: { rule: string; line: number; col: number; message: string }[];
}

async function jsonDiagnostics(file: string): Promise<JsonDiagnostic[][]> {
  const r = await runCli(['show', '--json', file]);
  assert.equal(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as { interactions: { diagnostics: JsonDiagnostic[] }[] }).interactions.map((i) => i.diagnostics);
}

async function lintPlaces(file: string): Promise<string[]> {
  const r = await runCli(['lint', '--format', 'json', file]);
  return (JSON.parse(r.stdout) as LintLine).findings.map((f) => `${f.line}:${f.col} ${f.rule}`);
}

/** The text of a 1-based line of `file`. */
const lineOf = (file: string, line: number) => readFileSync(file, 'utf8').split('\n')[line - 1]!;

test('a cut stream: show --json gives the line of its last event, where lint places it', async () => {
  const file = sample('lint/stream-unterminated.yaml');
  assert.deepEqual(await jsonDiagnostics(file), [
    [{ code: 'stream-unterminated', message: 'the stream ended after 3 events without [DONE] or a finish reason', line: 29, event: 2 }],
  ]);
  assert.deepEqual(await lintPlaces(file), ['29:13 stream-unterminated']);
  // The third event's data, as written in the block scalar.
  assert.equal(lineOf(file, 29), '      data: {"id":"chatcmpl-LINT02","object":"chat.completion.chunk","created":1764000000,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"content":" cold"},"finish_reason":null}]}');
});

test('an unparsable event and an unknown event type: their own event lines', async () => {
  const unparsed = sample('lint/unparsed-event.yaml');
  const [[d]] = (await jsonDiagnostics(unparsed)) as [[JsonDiagnostic]];
  assert.deepEqual({ code: d.code, line: d.line, event: d.event }, { code: 'unparsed-event', line: 27, event: 1 });
  assert.deepEqual(await lintPlaces(unparsed), ['27:13 unparsed-event']);
  assert.match(lineOf(unparsed, 27), /^ {6}data: \{"id":"chatcmpl-LINT02","choices":\[\{"delta":\{"content":"It is$/);

  const unknown = sample('lint/unknown-event.yaml');
  assert.deepEqual(await jsonDiagnostics(unknown), [[{ code: 'unknown-event', message: 'chunk of unknown object type "chat.completion.heartbeat"', line: 27, event: 1 }]]);
  assert.deepEqual(await lintPlaces(unknown), ['27:13 unknown-event']);
});

test('several diagnostics of one stream each on their event; one without an event on its interaction', async () => {
  const file = sample('openai-chat-diagnostics.yaml');
  const lines = (await jsonDiagnostics(file)).map((ds) => ds.map((d) => `${d.line} ${d.code}${d.event === undefined ? '' : ` #${d.event}`}`));
  assert.deepEqual(lines, [
    ['29 tool-call-index-collision #2', '33 unparsed-event #4', '31 tool-call-without-id #3', '31 invalid-tool-arguments #3', '33 stream-unterminated #4'],
    ['41 unknown-event'],
  ]);
  const cassette = await readCassette(file);
  assert.equal(cassette.interactions[1]!.line, 41, 'the interaction starts there');
  // lint: the same lines (sorted by line, at the event's column).
  assert.deepEqual(await lintPlaces(file), [
    '29:13 tool-call-index-collision',
    '31:13 invalid-tool-arguments',
    '31:13 tool-call-without-id',
    '33:13 stream-unterminated',
    '33:13 unparsed-event',
    '41:1 unknown-event',
  ]);
});

test('a JSON cassette (HAR, vcrpy JSON): the line of the JSON string holding the event', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-diagnostic-lines-'));
  for (const [target, line, col] of [
    ['har', 58, 266],
    ['vcrpy-json', 29, 276],
  ] as const) {
    const file = join(dir, `unparsed.${target}.json`);
    const converted = await runCli(['convert', '--to', target, '-o', file, sample('lint/unparsed-event.yaml')]);
    assert.equal(converted.code, 0, converted.stderr);
    const [[d]] = (await jsonDiagnostics(file)) as [[JsonDiagnostic]];
    assert.deepEqual({ code: d.code, line: d.line, event: d.event }, { code: 'unparsed-event', line, event: 1 }, target);
    assert.deepEqual(await lintPlaces(file), [`${line}:${col} unparsed-event`], target);
    assert.ok(lineOf(file, line).includes('data: {\\"id\\":\\"chatcmpl-LINT02\\",\\"choices\\":[{\\"delta\\":{\\"content\\":\\"It is\\n'), target);
  }
});

test('the transcript prints the line; --stable (git textconv) does not', async () => {
  const file = sample('lint/stream-unterminated.yaml');
  const shown = await runCli(['show', '--no-color', file]);
  assert.match(shown.stdout, /\n {2}! stream-unterminated {2}the stream ended after 3 events without \[DONE\] or a finish reason \(line 29\)\n/);
  const stable = await runCli(['show', '--stable', '--no-color', file]);
  assert.match(stable.stdout, /\n {2}! stream-unterminated {2}the stream ended after 3 events without \[DONE\] or a finish reason\n/);
  assert.ok(!stable.stdout.includes('line 29'));
});

test('locateDiagnostics keeps a cassette without diagnostics as it is, and never asks for lines it does not need', async () => {
  const clean = analyzeCassette(await readCassette(sample('lint/clean.yaml')));
  assert.equal(locateDiagnostics(clean, new Locator('', clean.cassette.interactions)), clean);
  // A diagnostic without an event needs only the interaction's line: the text is not read.
  const plain = analyzeCassette(await readCassette(sample('lint/unexpected-body.yaml')));
  const located = locateDiagnostics(plain, new Locator('', plain.cassette.interactions));
  assert.deepEqual(located.interactions[0]!.diagnostics, [{ code: 'unexpected-body', message: 'expected a chat completion (`choices`), got a text body', line: 4 }]);
  assert.deepEqual(plain.interactions[0]!.diagnostics, [{ code: 'unexpected-body', message: 'expected a chat completion (`choices`), got a text body' }], 'the input is not changed');
});

test('corpus: every diagnostic has a line; one naming a stream event is on the line holding its data', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const r = await runCli(['show', '--json', CORPUS]);
  assert.equal(r.code, 0, r.stderr);
  const seen: string[] = [];
  for (const json of r.stdout.split('\n').filter(Boolean)) {
    const doc = JSON.parse(json) as { file: string; interactions: { index: number; diagnostics: JsonDiagnostic[] }[] };
    const analyzed = analyzeCassette(await readCassette(doc.file));
    for (const item of doc.interactions) {
      for (const d of item.diagnostics) {
        assert.ok(d.line !== undefined, `${doc.file} #${item.index} ${d.code}: no line`);
        if (d.event === undefined) continue;
        const body = analyzed.interactions[item.index]!.responseBody;
        // An event-stream frame is binary (!!binary base64): it is placed on its interaction.
        if (body.kind === 'sse') assert.ok(lineOf(doc.file, d.line!).includes(body.events[d.event]!.data.slice(0, 40)), `${doc.file}:${d.line}`);
        else assert.equal(d.line, analyzed.cassette.interactions[item.index]!.line, `${doc.file} #${item.index}`);
        seen.push(`${d.code} ${body.kind}`);
      }
    }
  }
  // What the corpus has: Bedrock Claude 3 tool streams (their frames are !!binary).
  assert.deepEqual(seen, ['usage-mismatch event-stream', 'usage-mismatch event-stream', 'usage-mismatch event-stream']);
});

test('corpus: the last event of every SSE stream is placed on a line holding its data, or on its interaction when not found', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  let located = 0;
  let onInteraction = 0;
  for (const file of corpusFiles()) {
    const text = await readCassetteText(file);
    const analyzed = analyzeCassette(await readCassette(file));
    const locator = new Locator(text, analyzed.cassette.interactions);
    const lines = text.split('\n');
    for (const item of analyzed.interactions) {
      const body = item.responseBody;
      if (body.kind !== 'sse' || body.events.length === 0) continue;
      const event = body.events.length - 1;
      const { line } = diagnosticPlace(item, { code: 'stream-unterminated', message: '', event }, locator);
      const needle = body.events[event]!.data.split('\n', 1)[0]!.slice(0, 60);
      const at = lines[line - 1]!;
      if (at.includes(needle) || at.includes(JSON.stringify(needle).slice(1, -1))) located++;
      else {
        assert.equal(line, item.interaction.line, `${file} #${item.interaction.index}: line ${line} does not hold the event`);
        onInteraction++;
      }
    }
  }
  // 22 are written so that the first 60 characters are not found on one line (folded YAML strings, base64).
  assert.deepEqual({ located, onInteraction }, { located: 592, onInteraction: 22 });
});
