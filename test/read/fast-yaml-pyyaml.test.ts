// The fast YAML reader against PyYAML's C loader (and `yaml` where `yaml` reads the text): on every
// corpus file, and on generated scalars written by PyYAML's two emitters (Python and libyaml, as
// vcrpy writes), by Psych (Ruby VCR), and by hand in the lenient forms old emitters wrote. Each case
// either bails (undefined) or gives exactly PyYAML's value. The generated tests also require that
// most cases are read, so that a wrong folding rule cannot hide behind bailing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { YAML_OPTIONS } from '../../src/formats/parse-yaml.ts';
import { readYamlFast } from '../../src/read/fast-yaml.ts';
import { corpusFiles, GO_VCR_FOLDERS, SKIP_WITHOUT_CORPUS } from '../helpers/paths.ts';
import { normalize, pyyamlDump, pyyamlValues, SKIP_WITHOUT_PYYAML } from './pyyaml.ts';

const RUNS = Number(process.env.FAST_YAML_RUNS ?? 300);
const SEED = Number(process.env.FAST_YAML_SEED ?? 20261202);

/** `yaml`'s value with parse-yaml.ts's options, or undefined when it reports an error. */
function yamlValue(text: string): unknown {
  const doc = parseDocument(text, YAML_OPTIONS);
  return doc.errors.length ? undefined : doc.toJS({ maxAliasCount: -1 });
}

/** Checks one case against PyYAML's tagged value; 'read' or 'bailed'. */
function check(label: string, text: string, expected: unknown): 'read' | 'bailed' {
  const fast = readYamlFast(text);
  if (!fast) return 'bailed';
  assert.ok(!(expected && typeof expected === 'object' && '$error' in expected), `${label}: read what PyYAML refuses (${JSON.stringify(expected)}):\n${text}`);
  assert.deepStrictEqual(normalize(fast.value), expected, `${label}: differs from PyYAML:\n${text}`);
  const slow = yamlValue(text);
  if (slow !== undefined) assert.deepStrictEqual(fast.value, slow, `${label}: differs from yaml:\n${text}`);
  return 'read';
}

const VCR_FOLDERS = ['pydantic-ai', 'simonw-llm', 'simonw-llm-anthropic', 'simonw-llm-gemini', 'ruby-openai'];

for (const [name, folders] of [['vcrpy and Ruby VCR', VCR_FOLDERS], ['go-vcr', GO_VCR_FOLDERS]] as const) {
  test(`every ${name} corpus file reads as PyYAML reads it, none bails`, { skip: SKIP_WITHOUT_CORPUS || SKIP_WITHOUT_PYYAML }, (t) => {
    const files = folders.flatMap((folder) => corpusFiles(folder));
    assert.ok(files.length > (name === 'go-vcr' ? 600 : 700));
    const expected = pyyamlValues(files.map((file) => ({ file })));
    const bailed = files.filter((file, k) => check(file, readFileSync(file, 'utf8'), expected[k]) === 'bailed');
    t.diagnostic(`${files.length} files, ${bailed.length} bailed`);
    assert.deepStrictEqual(bailed, []);
  });
}

// ---- generated scalars -----------------------------------------------------------------------

/** Text that exercises folding: words, runs of spaces, line breaks, quotes, escapes, indicators. */
const piece = fc.constantFrom(
  'word', 'a', 'longerword', 'x', ' ', '  ', '\n', '\n\n', ' \n', '\n ', "'", '"', '\\', ':', ': ', ' #', '#', '- ', '-', '*', '&a', '!', '|', '>',
  '[x]', '{y}', ',', '?', '%', '@', '`', 'é', '😀', '\t', '\x07', '\u0085', '\u2028', '\ufeff', 'true', 'null', '0123', '1.5', '~', 'yes', '...', '---',
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
const wordy = fc.array(fc.constantFrom('word', 'lorem', 'ipsum', 'x', 'dolor', 'sit-amet', 'a:b', 'https://example.com/path?q=1', '"q"', "'s'"), { minLength: 5, maxLength: 40 }).map((w) => w.join(' '));
const scalar = fc.oneof(text, wordy, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.uint8Array({ maxLength: 90 }).map((b) => ({ $bytes: Buffer.from(b).toString('base64') })));
const cassetteLike = fc.record({
  interactions: fc.array(
    fc.record({
      request: fc.record({ body: scalar, headers: fc.dictionary(fc.constantFrom('Accept', 'Cookie', 'X-Long'), fc.array(scalar, { minLength: 1, maxLength: 3 })), uri: wordy }),
      response: fc.record({ body: fc.record({ string: scalar }), parsed: fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.oneof(scalar, fc.array(fc.dictionary(fc.constantFrom('text', 'type'), scalar)))) }),
    }),
    { maxLength: 3 },
  ),
  version: fc.constant(1),
});

/** A JSON-able value as the oracle takes it, or undefined for a value PyYAML's dump cannot round-trip. */
const dumpable = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_, x) => (typeof x === 'number' && !Number.isFinite(x) ? 0 : x)));

test('PyYAML-written documents (both emitters, widths, styles, | for multi-line text) read as PyYAML reads them (property)', { skip: SKIP_WITHOUT_PYYAML }, (t) => {
  const options = fc.record({
    width: fc.constantFrom(20, 40, 80),
    style: fc.constant(null), // a forced default_style writes `!!int '1'`: no recorder does
    c: fc.boolean(),
    literal: fc.boolean(),
    unicode: fc.boolean(),
  });
  // (An empty key is written `? ''`, a complex key, which the fast reader leaves to `yaml`: not generated.)
  const cases = fc.sample(fc.tuple(cassetteLike, options), { seed: SEED, numRuns: RUNS });
  const dumped = pyyamlDump(cases.map(([value, o]) => ({ value: dumpable(value), ...o })));
  const verdicts = dumped.map((d, k) => check(`case ${k} ${JSON.stringify(cases[k]![1])}`, d.text, d.value));
  const read = verdicts.filter((v) => v === 'read').length;
  t.diagnostic(`${read} of ${RUNS} PyYAML-written documents read by the fast path`);
  assert.ok(read > RUNS * 0.6, `only ${read} of ${RUNS} read`);
  // The folding rules are exercised: documents with folded plain, quoted and literal scalars were read.
  const folded = dumped.filter((d, k) => verdicts[k] === 'read' && /^ +[^ -].*\n/m.test(d.text) && /[^:]\n {2,}[^ -]/.test(d.text)).length;
  assert.ok(folded > RUNS / 10, `only ${folded} read documents had folded lines`);
});

function rubyWithPsych(): boolean {
  return spawnSync('ruby', ['-ryaml', '-rjson', '-e', '1'], { stdio: 'ignore' }).status === 0;
}

test('Psych-written documents (Ruby VCR: ---, !binary, |2-) read as PyYAML reads them (property)', { skip: SKIP_WITHOUT_PYYAML || (rubyWithPsych() ? false : 'no ruby with psych (apt-get install -y ruby)') }, (t) => {
  const cases = fc.sample(fc.tuple(cassetteLike, fc.constantFrom(20, 40, 80)), { seed: SEED, numRuns: RUNS });
  const script = fileURLToPath(new URL('./psych-dump.rb', import.meta.url));
  const texts = JSON.parse(execFileSync('ruby', [script], { input: JSON.stringify(cases.map(([value, width]) => ({ value: dumpable(value), width }))), maxBuffer: 1 << 28 }).toString()) as string[];
  // Psych writes `1.0e+20` style floats and bytes as `!binary`: PyYAML (with the !binary constructor) is the oracle.
  const expected = pyyamlValues(texts.map((text) => ({ text })));
  const read = texts.filter((text, k) => check(`psych case ${k}`, text, expected[k]) === 'read').length;
  t.diagnostic(`${read} of ${RUNS} Psych-written documents read by the fast path`);
  assert.ok(read > RUNS * 0.6, `only ${read} of ${RUNS} read`);
});

// ---- hand-written lenient forms --------------------------------------------------------------

const word = fc.constantFrom('alpha', 'b', "it''s", 'c:d', 'e #f', '- g', '"h"', '\\', 'é', '  ', '');
const lines = fc.array(fc.array(word, { minLength: 0, maxLength: 4 }).map((w) => w.join(' ')), { minLength: 1, maxLength: 5 });
const indentOf = fc.integer({ min: 0, max: 8 });

test('quoted scalars continued at any indentation, closed at column 0 (old libyaml), read as PyYAML reads them (property)', { skip: SKIP_WITHOUT_PYYAML }, (t) => {
  const quotedDoc = fc.tuple(fc.constantFrom("'", '"'), lines, fc.array(indentOf, { minLength: 5, maxLength: 5 }), fc.boolean()).map(([q, body, indents, closeAtZero]) => {
    const inner = body.map((l, k) => (k === 0 ? l : ' '.repeat(indents[k]!) + l)).join('\n');
    const safe = q === '"' ? inner.replaceAll('"', '\\"') : inner.replaceAll("'", "''").replaceAll("''''", "''");
    return `interactions:\n- request:\n    body: ${q}${safe}${closeAtZero ? '\n' : ''}${q}\n    uri: x\nversion: 1\n`;
  });
  const texts = fc.sample(quotedDoc, { seed: SEED, numRuns: RUNS });
  const expected = pyyamlValues(texts.map((text) => ({ text })));
  const read = texts.filter((text, k) => check(`quoted case ${k}`, text, expected[k]) === 'read').length;
  t.diagnostic(`${read} of ${RUNS} read`);
  assert.ok(read > RUNS / 2, `only ${read} of ${RUNS} read`);
});

test('plain scalars over several lines and block scalars with indicators, hand-written, read as PyYAML reads them (property)', { skip: SKIP_WITHOUT_PYYAML }, (t) => {
  const plainWord = fc.constantFrom('alpha', 'b', 'c:d', 'e#f', '*g', '-h', '[i]', 'é', '1', 'true', '"j', "k'");
  const plainDoc = fc.tuple(fc.array(fc.array(plainWord, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')), { minLength: 1, maxLength: 4 }), fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 4, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), fc.boolean()).map(
    ([ls, extra, blank, inSeq]) => {
      const base = inSeq ? 4 : 2; // `- x` items at the key's column (4 for `headers:` children) or a map value
      const rest = ls.slice(1).map((l, k) => `${blank[k] ? '\n' : ''}${' '.repeat(base + extra[k]!)}${l}`).join('\n');
      const head = inSeq ? `  headers:\n    A:\n    - ${ls[0]}` : `  body: ${ls[0]}`;
      return `- request:\n${head}${rest ? `\n${rest}` : ''}\n  uri: x\n`.replace(/^/, 'interactions:\n');
    },
  );
  const blockDoc = fc.tuple(fc.constantFrom('|', '>', '|-', '>-', '|+', '>+', '|2', '|2-', '|1+', '>2', '|-2'), fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom('x', 'y z', '', '  ', 'w')), { minLength: 1, maxLength: 5 })).map(
    ([header, ls]) => `interactions:\n- response:\n    body: ${header}\n${ls.map(([extra, l]) => (l === '' ? '' : ' '.repeat(6 + extra) + l)).join('\n')}\n  other: 1\n`,
  );
  const texts = [...fc.sample(plainDoc, { seed: SEED, numRuns: RUNS }), ...fc.sample(blockDoc, { seed: SEED, numRuns: RUNS })];
  const expected = pyyamlValues(texts.map((text) => ({ text })));
  const verdicts = texts.map((text, k) => check(`case ${k}`, text, expected[k]));
  const plainRead = verdicts.slice(0, RUNS).filter((v) => v === 'read').length;
  const blockRead = verdicts.slice(RUNS).filter((v) => v === 'read').length;
  t.diagnostic(`plain: ${plainRead} of ${RUNS} read; block: ${blockRead} of ${RUNS} read`);
  assert.ok(plainRead > RUNS / 2 && blockRead > RUNS / 4, `plain ${plainRead}, block ${blockRead}`);
});
