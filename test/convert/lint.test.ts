// Converted cassettes pass `cassette lint` without new findings: every sample converted to every
// target has no lint finding its source did not have (a target may hold less: fewer is fine).

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { TARGETS } from '../../src/convert/index.ts';
import type { HttpRequest, HttpResponse } from '../../src/model.ts';
import { readCassette } from '../../src/read/read-cassette.ts';
import { runCli } from '../helpers/cli.ts';
import { SAMPLES } from '../helpers/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'cassette-convert-lint-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The rule ids lint reports for `path`, with repeats. */
async function lintRules(path: string): Promise<string[]> {
  const result = await runCli(['lint', '--format', 'json', path]);
  assert.ok(result.code === 0 || result.code === 1, `${path}: ${result.stderr}`);
  return result.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => ((JSON.parse(line) as { findings?: { rule: string }[] }).findings ?? []).map((f) => f.rule))
    .sort();
}

/** What `after` has more of than `before`. */
function added(before: string[], after: string[]): string[] {
  const left = [...before];
  return after.filter((rule) => {
    const at = left.indexOf(rule);
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}

/**
 * Findings that are not new problems: HAR and Polly write each cookie of a Cookie / Set-Cookie
 * header again as a `cookies` item (as browsers do), so the same session cookie is reported once
 * per place it is written.
 */
function known(target: string, rule: string): boolean {
  return rule === 'cookie-header' && (target === 'har' || target === 'polly');
}

const samples = readdirSync(SAMPLES)
  .filter((name) => /\.(ya?ml|json|har)$/.test(name) && !/invalid-yaml|not-a-cassette|hostile/.test(name))
  .sort();

test('every sample converted to every target: no lint finding its source did not have', async () => {
  const problems: string[] = [];
  let checked = 0;
  for (const name of samples) {
    const file = join(SAMPLES, name);
    const before = await lintRules(file);
    for (const target of TARGETS) {
      const out = target.name === 'polly' ? join(dir, `${name}-polly`) : join(dir, `${name}.${target.name}${target.extension}`);
      const converted = await runCli(['convert', '--to', target.name, file, '-o', out]);
      if (converted.code !== 0) {
        // vcrpy's JSON serializer cannot hold bytes: refused, nothing to lint.
        assert.match(converted.stderr, /vcrpy's JSON serializer cannot hold bytes/, `${name} → ${target.name}: ${converted.stderr}`);
        continue;
      }
      const extra = added(before, await lintRules(out)).filter((rule) => !known(target.name, rule));
      if (extra.length) problems.push(`${name} → ${target.name}: ${extra.join(', ')}`);
      checked++;
    }
  }
  assert.ok(checked > 300, `${checked} conversions linted`);
  assert.deepEqual(problems, []);
});

/** Every Content-Length header value of a message, and its go-vcr `content_length` when written. */
function declaredLengths(message: HttpRequest | HttpResponse): number[] {
  const header = Object.entries(message.headers).filter(([name]) => name.toLowerCase() === 'content-length').flatMap(([, values]) => values.map(Number));
  return message.contentLength === undefined ? header : [...header, message.contentLength];
}

test("pydantic-ai parsed_body converted to every target: Content-Length is the byte length of the body written", async () => {
  // json.dumps of each parsed_body is 315, 504, 585 and 396 bytes; the recorded Content-Length of
  // the responses (724, 498) is that of the server's bytes, which pydantic-ai did not keep.
  const file = join(SAMPLES, 'vcrpy-parsed-body.yaml');
  const source = await readCassette(file);
  assert.deepEqual(source.interactions.map((i) => [declaredLengths(i.request), declaredLengths(i.response)]), [[[315], [724]], [[585], [498]]]);
  const written: Record<string, number[][][]> = {};
  for (const target of TARGETS) {
    const out = target.name === 'polly' ? join(dir, 'parsed-body-polly') : join(dir, `parsed-body.${target.name}${target.extension}`);
    const converted = await runCli(['convert', '--to', target.name, file, '-o', out]);
    assert.equal(converted.code, 0, converted.stderr);
    const path = target.name === 'polly' ? join(out, readdirSync(out)[0]!, 'recording.har') : out;
    const back = await readCassette(path);
    written[target.name] = back.interactions.map((i) => {
      const [request, response] = [i.request, i.response].map((m) => declaredLengths(m));
      assert.deepEqual([i.request.body, i.response.body], [source.interactions[i.index]!.request.body, source.interactions[i.index]!.response.body], target.name);
      return [request!, response!];
    });
  }
  // go-vcr v2 also writes `content_length`.
  const lengths = (goVcr: boolean) => [[[315, ...(goVcr ? [315] : [])], [504, ...(goVcr ? [504] : [])]], [[585, ...(goVcr ? [585] : [])], [396, ...(goVcr ? [396] : [])]]];
  assert.deepEqual(written, {
    'go-vcr': lengths(true),
    'go-vcr-v1': lengths(false),
    vcrpy: lengths(false),
    'vcrpy-json': lengths(false),
    'ruby-vcr': lengths(false),
    har: lengths(false),
    polly: lengths(false),
  });
  // HAR and Polly also write each body's bodySize.
  for (const path of [join(dir, 'parsed-body.har.har'), join(dir, 'parsed-body-polly', readdirSync(join(dir, 'parsed-body-polly'))[0]!, 'recording.har')]) {
    const entries = (JSON.parse(readFileSync(path, 'utf8')) as { log: { entries: { request: { bodySize: number }; response: { bodySize: number } }[] } }).log.entries;
    assert.deepEqual(entries.map((e) => [e.request.bodySize, e.response.bodySize]), [[315, 504], [585, 396]], path);
  }
});
