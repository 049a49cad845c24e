// pythonJsonDumps against what CPython's json.dumps printed for the same values (the expected
// strings below were produced by /usr/bin/python3; the corpus conformance test in
// test/formats/parsed-body.test.ts checks every parsed_body of pydantic-ai's cassettes).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pythonFloatRepr, pythonJsonDumps, pythonJsonString } from '../../src/formats/python-json.ts';
import { noteWholeFloat, type WholeFloats } from '../../src/read/whole-floats.ts';
import { readYamlFast } from '../../src/read/fast-yaml.ts';

test("float repr: Python's shortest digits, exponent past 16 digits or below 1e-4, '.0' on whole values", () => {
  const cases: [number, string][] = [
    [1e-7, '1e-07'],
    [1e16, '1e+16'],
    [1e15, '1000000000000000.0'],
    [1, '1.0'],
    [0, '0.0'],
    [-0, '-0.0'],
    [123456789012345678, '1.2345678901234568e+17'],
    [12345678901234567, '1.2345678901234568e+16'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5e300, '1.5e+300'],
    [5e-324, '5e-324'],
    [0.1 + 0.2, '0.30000000000000004'],
    [2.5, '2.5'],
    [-1e22, '-1e+22'],
    [100, '100.0'],
    [7.5e-5, '7.5e-05'],
    [1e21, '1e+21'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ];
  for (const [value, expected] of cases) assert.equal(pythonFloatRepr(value), expected, String(value));
});

test('strings: ensure_ascii, lower-case hex, astral characters as surrogate pairs, short escapes', () => {
  assert.equal(
    pythonJsonString('héllo 👋 \u2028 \x7f \x00 " \\ / \t\n\r\b\f'),
    '"h\\u00e9llo \\ud83d\\udc4b \\u2028 \\u007f \\u0000 \\" \\\\ / \\t\\n\\r\\b\\f"',
  );
  assert.equal(pythonJsonString('18°C'), '"18\\u00b0C"');
  assert.equal(pythonJsonString('plain'), '"plain"');
});

test("containers: ', ' and ': ' separators, empty and nested empty containers, key order kept", () => {
  assert.equal(
    pythonJsonDumps({ a: [], b: {}, c: [{}, [[]]], d: null, e: true, f: false }),
    '{"a": [], "b": {}, "c": [{}, [[]]], "d": null, "e": true, "f": false}',
  );
  assert.equal(pythonJsonDumps({ z: 1, a: 2 }), '{"z": 1, "a": 2}');
  // Integers: every digit, also past 1e21 (the double's value: Python's exact int is not known).
  assert.equal(pythonJsonDumps({ k: '18°C', n: 1e21, big: 5844196810245229000 }), '{"k": "18\\u00b0C", "n": 1000000000000000000000, "big": 5844196810245229000}');
  assert.equal(pythonJsonDumps('a "string"'), '"a \\"string\\""');
});

test('whole-valued floats: written as floats where the reader noted them, as ints elsewhere', () => {
  const value = { temperature: 1, top_p: 0.5, n: 1, list: [0, 2] };
  const floats: WholeFloats = new WeakMap();
  noteWholeFloat(floats, value, 'temperature');
  noteWholeFloat(floats, value.list, 1);
  assert.equal(pythonJsonDumps(value, floats), '{"temperature": 1.0, "top_p": 0.5, "n": 1, "list": [0, 2.0]}');
  assert.equal(pythonJsonDumps(value), '{"temperature": 1, "top_p": 0.5, "n": 1, "list": [0, 2]}');
});

test('the fast YAML reader notes whole floats as PyYAML reads them (a dot makes a float)', () => {
  const read = readYamlFast(['b:', '  t: 1.0', '  i: 1', '  e: 1.0e+16', '  x: 0.5', '  s:', '  - 2.0', '  - 3', 'n: -0.0', ''].join('\n'));
  assert.ok(read);
  assert.equal(pythonJsonDumps(read.value, read.wholeFloats), '{"b": {"t": 1.0, "i": 1, "e": 1e+16, "x": 0.5, "s": [2.0, 3]}, "n": -0.0}');
});
