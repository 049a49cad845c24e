// The fast YAML reader against the `yaml` package and PyYAML: on every corpus file and sample it
// must either give up (undefined) or return exactly what `doc.toJS()` gives (with parse-yaml.ts's
// options), with the same interaction lines, and what PyYAML's C loader gives.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseDocument, stringify } from 'yaml';
import { YAML_OPTIONS } from '../../src/formats/parse-yaml.ts';
import { readYamlFast } from '../../src/read/fast-yaml.ts';
import { parseCassette, parseCassetteWithYaml } from '../../src/read/parse-cassette.ts';
import { corpusFiles, sample, SAMPLES, SKIP_WITHOUT_CORPUS } from '../helpers/paths.ts';

function yamlValue(text: string): unknown {
  return parseDocument(text, YAML_OPTIONS).toJS({ maxAliasCount: -1 });
}

/** 'bailed' or 'same'; fails the test when the fast value differs from the yaml package's. */
function compare(file: string, text: string): 'bailed' | 'same' {
  const fast = readYamlFast(text);
  if (!fast) return 'bailed';
  assert.deepStrictEqual(fast.value, yamlValue(text), file);
  let slow: unknown;
  let quick: unknown;
  try {
    slow = parseCassetteWithYaml(file, text);
  } catch (error) {
    slow = (error as Error).message;
  }
  try {
    quick = parseCassette(file, text);
  } catch (error) {
    quick = (error as Error).message;
  }
  assert.deepStrictEqual(quick, slow, `${file}: cassette model and interaction lines`);
  return 'same';
}

/** The value of a one-key document `v: …` through both readers (they must agree). */
function valueOf(yamlText: string): unknown {
  const text = `version: 2\nv: ${yamlText}\n`;
  const fast = readYamlFast(text);
  assert.ok(fast, `fast reader bailed on ${JSON.stringify(text)}`);
  assert.deepStrictEqual(fast.value, yamlValue(text));
  return fast.value.v;
}

const RUNS = Number(process.env.FAST_GO_VCR_RUNS ?? 400);

function bails(text: string): boolean {
  return readYamlFast(text) === undefined;
}

test('every corpus cassette reads the same as with the yaml package, none bails', { skip: SKIP_WITHOUT_CORPUS }, (t) => {
  const files = [...corpusFiles('fantasy'), ...corpusFiles('fantasy-2025-11'), ...corpusFiles('seed')];
  assert.ok(files.length > 600);
  const bailed = files.filter((file) => compare(file, readFileSync(file, 'utf8')) === 'bailed');
  t.diagnostic(`${files.length} corpus files, ${bailed.length} bailed`);
  assert.deepStrictEqual(bailed, []);
});

test('every sample reads the same as with the yaml package (or bails)', (t) => {
  const names = readdirSync(SAMPLES).filter((name) => /\.ya?ml$/.test(name));
  const bailed = names.filter((name) => compare(name, readFileSync(sample(name), 'utf8')) === 'bailed');
  t.diagnostic(`${names.length} samples, bailed: ${bailed.join(', ') || 'none'}`);
  assert.ok(bailed.includes('invalid-yaml.yaml'));
});

test('single-quoted scalars: doubled quotes, keys with colons', () => {
  assert.equal(valueOf(`'it''s'`), "it's");
  assert.equal(valueOf(`''`), '');
  assert.equal(valueOf(`'{"a":"b: c"}'`), '{"a":"b: c"}');
  const doc = readYamlFast("'a: b': 1\nhttp://x: y\n'': z\n");
  assert.deepStrictEqual(doc?.value, { 'a: b': 1, 'http://x': 'y', '': 'z' });
});

test('double-quoted scalars: escapes', () => {
  assert.equal(valueOf(String.raw`"a\nb\tc\"d\\e\/f"`), 'a\nb\tc"d\\e/f');
  assert.equal(valueOf(String.raw`"\u00e9\x41\U0001F600\_\0"`), 'éA😀\u00a0\0');
  assert.ok(bails(String.raw`v: "\ud83d\ude00"` + '\n'), 'surrogate escapes: JavaScript pairs them, PyYAML does not');
  assert.equal(valueOf(String.raw`"\e\a\N\L\P\ "`), '\x1b\x07\u0085\u2028\u2029 ');
  assert.equal(valueOf('""'), '');
  assert.equal(valueOf('"tab\there"'), 'tab\there');
  assert.ok(bails(String.raw`v: "\q"` + '\n'), 'an invalid escape is left to yaml, which reports it');
});

test('double-quoted escapes: the JSON.parse path agrees with yaml on escape soup (property)', (t) => {
  const unit = fc.constantFrom('\\', '\\\\', '\\"', 'x', '4', '1', 'F', 'U', '0', 'u', 'e', 'N', '_', 'L', ' ', '/', 'n', 'é', '😀', 'a', 'q', '\t');
  let agreed = 0;
  fc.assert(
    fc.property(fc.array(unit, { maxLength: 24 }), (units) => {
      const text = `v: "${units.join('')}"\n`;
      const doc = parseDocument(text, { uniqueKeys: false });
      const fast = readYamlFast(text);
      if (doc.errors.length) return assert.equal(fast, undefined, text);
      if (!fast) return;
      assert.deepStrictEqual(fast.value, doc.toJS(), text);
      agreed++;
    }),
    { numRuns: RUNS },
  );
  t.diagnostic(`${agreed} of ${RUNS} escape sequences read by the fast path`);
  assert.ok(agreed > RUNS / 4);
  assert.equal(valueOf(String.raw`"\\x41 \\\x41 \"\U0001F600\"\xe9"`), '\\x41 \\A "😀"é');
  assert.ok(bails(String.raw`v: "\U00110000"` + '\n'), 'past U+10FFFF');
  assert.ok(bails(String.raw`v: "\x4"` + '\n'));
  assert.ok(bails(String.raw`v: "\u12"` + '\n'));
});

test('quoted scalars folded over several lines (yaml.v2 style)', () => {
  assert.equal(valueOf('"first\n  second\n\n  third \\\n  fourth\\ \n  fifth"'), 'first second\nthird fourth  fifth');
  assert.equal(valueOf("'one\n  two\n\n\n  three'"), 'one two\n\nthree');
});

test('plain scalars: numbers, booleans and null where YAML 1.2 (yaml) and 1.1 (PyYAML) agree', () => {
  for (const differ of ['0123', '1e3', '1.0e3', '0o17', '-0x1F', '0b11', '1_000', '1:20', '-.5', 'yes', 'No', 'on', 'OFF', '=', '<<']) {
    assert.ok(bails(`v: ${differ}\n`), differ);
  }
  // Timestamps are dates to PyYAML, strings to `yaml` and to every recorder (Anthropic-Version: 2023-06-01).
  assert.equal(valueOf('2023-06-01'), '2023-06-01');
  assert.equal(valueOf('2024-01-31 10:00:00'), '2024-01-31 10:00:00');
  assert.equal(valueOf('1.0e+3'), 1000);
  assert.equal(valueOf('-1.50'), -1.5);
  assert.equal(valueOf('1.'), 1);
  assert.equal(valueOf('.5'), 0.5);
  assert.equal(valueOf('5844196810245229000'), 5844196810245229000);
  assert.equal(valueOf('.inf'), Infinity);
  assert.ok(Number.isNaN(valueOf('.nan')));
  assert.equal(valueOf('true'), true);
  assert.equal(valueOf('False'), false);
  assert.equal(valueOf('null'), null);
  assert.equal(valueOf('~'), null);
  assert.equal(valueOf('yesterday'), 'yesterday');
  assert.equal(valueOf('1.2.3'), '1.2.3');
  assert.equal(valueOf('200 OK'), '200 OK');
  assert.equal(valueOf('113.669917ms'), '113.669917ms');
  assert.equal(valueOf('"0123"'), '0123');
  assert.equal(valueOf("'true'"), 'true');
  assert.equal(valueOf('"~"'), '~');
  assert.equal(valueOf('-1'), -1);
  assert.equal(valueOf('a#b'), 'a#b');
  // Keys that are not strings: strings in toJS(), ints/bools/None in PyYAML.
  for (const key of ['1', 'true', '~', '0x10', 'null']) assert.ok(bails(`${key}: a\n`), key);
});

test('literal block scalars: chomping, trailing lines, deeper lines', () => {
  const text = 'a: |\n  x\n    y\n\n\nb: |-\n  x\n\nc: |+\n  x\n\n\nd: |\n    deep\nz: 1\n';
  const fast = readYamlFast(text);
  assert.deepStrictEqual(fast?.value, { a: 'x\n  y\n', b: 'x', c: 'x\n\n\n', d: 'deep\n', z: 1 });
  assert.deepStrictEqual(fast.value, yamlValue(text));
});

test('block scalars: indentation indicators (PyYAML writes |2- for text starting with a space), folded', () => {
  const text = 'a: |2-\n    x\n   y\n\nb:\n- c: |2\n     z\n\n    w\n  d: >\n    one\n    two\n\n    three\ne: >-\n  x\n  y\nf: |+2\n\n   k\n\n';
  const fast = readYamlFast(text);
  assert.deepStrictEqual(fast?.value, { a: '  x\n y', b: [{ c: ' z\n\nw\n', d: 'one two\nthree\n' }], e: 'x y', f: '\n k\n\n' });
  assert.deepStrictEqual(fast.value, yamlValue(text));
  assert.ok(bails('a: >\n  x\n   more\n  y\n'), 'more-indented lines in folded scalars');
  assert.ok(bails('a: | # note\n  x\n'), 'a comment after the header');
});

test('plain scalars over several lines, and on the line after their key (as PyYAML folds them)', () => {
  const text = 'a: one two\n  three\n\n  four\nb:\n- __cf_bm=x;\n  path=/; HttpOnly;\n  Secure\n- next\nc:\n  d:\n    long value\n    - on the next line *with* [indicators] "inside\ne: 1\n';
  const fast = readYamlFast(text);
  assert.deepStrictEqual(fast?.value, { a: 'one two three\nfour', b: ['__cf_bm=x; path=/; HttpOnly; Secure', 'next'], c: { d: 'long value - on the next line *with* [indicators] "inside' }, e: 1 });
  assert.deepStrictEqual(fast.value, yamlValue(text));
  assert.ok(bails('a: x\n  y: z\n'), 'a key on a continuation line');
  assert.ok(bails('a: x\n  # c\n'), 'a comment on a continuation line');
  assert.ok(bails('a:\n  123\n'), 'a number on its own line (scrub\'s fast check looks for them after `: `)');
});

test('binary scalars: !!binary (PyYAML, go-vcr) as a Buffer, Psych\'s !binary as a Uint8Array, strict base64 only', () => {
  const fast = readYamlFast('a: !!binary |\n  aGVs\n  bG8=\nb: !binary |-\n  aGk=\n');
  assert.ok(Buffer.isBuffer(fast?.value.a));
  assert.equal(Buffer.from(fast.value.a as Uint8Array).toString(), 'hello');
  assert.ok(fast.value.b instanceof Uint8Array && !Buffer.isBuffer(fast.value.b));
  assert.deepStrictEqual(fast.value.b, new Uint8Array(Buffer.from('hi')));
  assert.deepStrictEqual(fast.value, yamlValue('a: !!binary |\n  aGVs\n  bG8=\nb: !binary |-\n  aGk=\n'));
  for (const bad of ['aGk', 'aG k=', 'aG=k', 'a*k=', 'aGk===']) assert.ok(bails(`a: !!binary ${bad}\n`), bad);
});

test('quoted scalars as old libyaml and PyYAML write them: continued below the indentation, closed at column 0', () => {
  const text = "a:\n  b: 'one\n two\n\nthree\n'\n  c: \"x\\\n\\ y\n\"\n  d: 1\n";
  assert.deepStrictEqual(readYamlFast(text)?.value, { a: { b: 'one two\nthree ', c: 'x y ', d: 1 } });
  assert.ok(bails("a: 'x\n---\n'\n"), 'a document marker inside');
  assert.ok(bails('a: "x\\\n\n y"\n'), 'blank lines after an escaped line break (yaml and PyYAML differ)');
});

test('documents: ---, ... at the end, characters YAML 1.1 takes for line breaks', () => {
  assert.deepStrictEqual(readYamlFast('---\na: 1\n...\n')?.value, { a: 1 });
  assert.ok(bails('a: 1\n...\nb: 2\n'), 'content after ...');
  for (const c of ['\x85', '\u2028', '\u2029', '\r']) assert.ok(bails(`a: "x${c}y"\n`), JSON.stringify(c));
  // Raw controls: PyYAML refuses them, `yaml` reads them as content, and so does the fast reader.
  assert.equal(valueOf('"x\x07y"'), 'x\x07y');
});

test('collections: 2- and 4-space indentation, sequences at the key column, [] and {}', () => {
  const text = '---\nversion: 2\ninteractions:\n    - id: 0\n      request:\n          headers:\n              Accept:\n                  - a\n                  - b\n          form: {}\n          list: []\n          empty:\n- x\n';
  assert.ok(bails(text), 'a dedented sequence after a map is not valid here');
  const ok = '---\nversion: 2\ninteractions:\n    - id: 0\n      request:\n          headers:\n              Accept:\n                  - a\n          form: {}\n          list: []\n          empty:\n    - id: 1\n';
  const fast = readYamlFast(ok);
  assert.ok(fast);
  assert.deepStrictEqual(fast.value, yamlValue(ok));
  assert.deepStrictEqual(fast.interactionLines, [4, 12]);
  assert.equal(compare('four-space.yaml', ok), 'same');
});

test('gives up on what it does not handle', () => {
  assert.ok(bails('a: &x 1\nb: *x\n'), 'anchors and aliases');
  assert.ok(bails('a: [1, 2]\n'), 'flow collections with content');
  assert.ok(bails('a: !!str 1\n'), 'other tags');
  assert.ok(bails('a: 1\na: 2\n'), 'duplicate keys');
  assert.ok(bails('a: 1 # note\n'), 'comments after a value');
  assert.ok(bails('a:\n\t- 1\n'), 'tabs');
  assert.ok(bails('a: 1\r\n'), 'CRLF');
  assert.ok(bails('- 1\n'), 'a top-level sequence');
  assert.ok(bails('a: 1\n---\nb: 2\n'), 'several documents');
  assert.ok(bails('a: "open\n'), 'an unclosed quote');
  assert.ok(bails('<<: {}\n'), 'merge keys');
});

test('whatever the yaml package writes, the fast reader bails or agrees (property)', (t) => {
  const scalar = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', ' ', '\n', "'", '"', '\\', ':', '#', '-', '0', '1', 'é', '\t', '\u0085', 'e', '.') }),
    fc.constantFrom('true', 'null', '~', '0123', '1e3', '-', '- a', '', ' ', 'a: b', '[]', '{}', '!x'),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
    list: fc.array(tie('node'), { maxLength: 4 }),
    map: fc.dictionary(fc.string({ maxLength: 6 }), tie('node'), { maxKeys: 4 }),
  })).map;
  const options = fc.record({
    indent: fc.constantFrom(2, 4),
    indentSeq: fc.boolean(),
    lineWidth: fc.constantFrom(0, 12, 80),
    minContentWidth: fc.constant(0),
    defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL'),
    defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE'),
  } as const);
  let agreed = 0;
  fc.assert(
    fc.property(value, options, (map, opts) => {
      const text = stringify({ version: 2, v: map, interactions: [] }, opts);
      const fast = readYamlFast(text);
      if (fast) {
        assert.deepStrictEqual(fast.value, yamlValue(text), text);
        agreed++;
      }
    }),
    { numRuns: RUNS },
  );
  t.diagnostic(`${agreed} of ${RUNS} generated documents read by the fast path, the rest bailed`);
  assert.ok(agreed > RUNS / 4, `only ${agreed} of ${RUNS} generated documents were read by the fast path`);
});

test('on YAML-like line soup, the fast reader bails whenever yaml reports an error (property)', (t) => {
  const token = fc.constantFrom('a', 'b:', 'c: 1', '- ', '-', '"q"', "'s'", '"x', '|', '|-', '|+', ' ', '  ', ': ', '#', '[]', '{}', '!!binary AA==', 'k: "v\\n"', '---', '&a', '*a', '"', "''", 'd: |');
  const line = fc.tuple(fc.constantFrom('', '  ', '    ', ' ', '      '), fc.array(token, { minLength: 1, maxLength: 3 })).map(([indent, parts]) => indent + parts.join(''));
  let agreed = 0;
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
      const text = `${lines.join('\n')}\n`;
      const fast = readYamlFast(text);
      if (!fast) return;
      const doc = parseDocument(text, { uniqueKeys: false });
      assert.deepStrictEqual(doc.errors.map((e) => e.message), [], `fast reader accepted invalid YAML:\n${text}`);
      assert.deepStrictEqual(fast.value, doc.toJS({ maxAliasCount: -1 }), text);
      agreed++;
    }),
    { numRuns: RUNS * 5 },
  );
  t.diagnostic(`${agreed} of ${RUNS * 5} line soups read by the fast path`);
});
