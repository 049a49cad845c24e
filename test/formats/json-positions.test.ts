import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { jsonArrayItemLines } from '../../src/formats/json-positions.ts';
import { readCassette } from '../../src/read/read-cassette.ts';

/** The oracle: YAML is a superset of JSON, and `yaml` keeps every node's range. */
function linesByYaml(text: string, path: string[]): number[] {
  const lineCounter = new LineCounter();
  let node: unknown = parseDocument(text, { lineCounter }).contents;
  for (const key of path) node = isMap(node) ? node.get(key, true) : undefined;
  if (!isSeq(node)) return [];
  return node.items.map((item) => lineCounter.linePos((item as Node).range![0]).line);
}

test('each item of the interaction array gets the line it starts on, in every layout JSON.stringify writes', () => {
  const json = fc.jsonValue({ maxDepth: 3 });
  fc.assert(
    fc.property(
      fc.dictionary(fc.string(), json, { maxKeys: 3 }),
      fc.array(json, { maxLength: 6 }),
      fc.dictionary(fc.string(), json, { maxKeys: 3 }),
      fc.constantFrom(0, 1, 2, 4, '\t'),
      (before, entries, after, space) => {
        const doc = { ...before, log: { ...after, entries }, ...after };
        const text = JSON.stringify(doc, null, space);
        assert.deepEqual(jsonArrayItemLines(text, ['log', 'entries']), linesByYaml(text, ['log', 'entries']));
      },
    ),
    { numRuns: 400 },
  );
});

test('strings with escaped quotes and brackets do not move the positions', () => {
  const text = '{\n "a": "x\\\\\\"]}[{",\n "interactions": [\n  {"s": "\\"[{"},\n\n  [1, {"b": "]"}],\n  null\n ]\n}';
  assert.deepEqual(jsonArrayItemLines(text, ['interactions']), [4, 6, 7]);
  assert.deepEqual(jsonArrayItemLines(text, ['missing']), []);
  assert.deepEqual(jsonArrayItemLines('{"interactions": {}}', ['interactions']), []);
});

test('JSON cassettes of every format carry the line of each interaction', async () => {
  const lines = async (file: string) => (await readCassette(file)).interactions.map((i) => i.line);
  // vcrpy's JSON serializer indents by 4; Ruby VCR and Playwright write one line.
  assert.deepEqual(await lines('samples/vcrpy-openai-chat-dirty.json'), [4, 66]);
  assert.deepEqual(await lines('samples/ruby-vcr-openai-chat.json'), [1, 1]);
  assert.deepEqual(await lines('samples/har-openai-chat-stream.har'), [1, 1]);
});
