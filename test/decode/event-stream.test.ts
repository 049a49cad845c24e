import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Int64 } from '@smithy/eventstream-codec';
import { chunkInnerText, decodeEventStream, eventStreamCodec } from '../../src/decode/event-stream.ts';
import { decodeBody } from '../../src/decode/index.ts';
import { rawBodyLines } from '../../src/present/raw-body.ts';

const EVENT_STREAM = { 'Content-Type': ['application/vnd.amazon.eventstream'] };
const utf8 = (text: string) => new TextEncoder().encode(text);

test('frames with every header type decode to plain values', () => {
  const bytes = eventStreamCodec.encode({
    headers: {
      ':message-type': { type: 'string', value: 'event' },
      flag: { type: 'boolean', value: true },
      small: { type: 'byte', value: -3 },
      count: { type: 'integer', value: 70000 },
      big: { type: 'long', value: Int64.fromNumber(1234567890123) },
      raw: { type: 'binary', value: utf8('hi') },
      when: { type: 'timestamp', value: new Date(Date.UTC(2025, 10, 25, 12, 0, 0)) },
      id: { type: 'uuid', value: '0b7f3c5e-8f3c-4e8e-9a3c-0d5e8f3c4e8e' },
    },
    body: utf8('{"ok":true}'),
  });
  assert.deepEqual(decodeEventStream(bytes), {
    kind: 'event-stream',
    byteLength: bytes.length,
    frames: [
      {
        headers: {
          ':message-type': 'event',
          flag: true,
          small: -3,
          count: 70000,
          big: 1234567890123,
          raw: 'aGk=',
          when: '2025-11-25T12:00:00.000Z',
          id: '0b7f3c5e-8f3c-4e8e-9a3c-0d5e8f3c4e8e',
        },
        payload: '{"ok":true}',
      },
    ],
  });
});

/** A chunk frame whose bytes are all valid UTF-8 (checksums included), found by varying padding. */
function utf8SafeFrame(): Uint8Array {
  for (let pad = 0; ; pad++) {
    const frame = eventStreamCodec.encode({
      headers: { ':event-type': { type: 'string', value: 'chunk' }, ':message-type': { type: 'string', value: 'event' } },
      body: utf8(JSON.stringify({ bytes: Buffer.from('{"type":"ping"}').toString('base64'), p: `×${'x'.repeat(pad)}` })),
    });
    const prelude = frame.subarray(0, 12);
    const crc = frame.subarray(frame.length - 4);
    if ([...prelude, ...crc].every((b) => b < 0x80)) return frame;
  }
}

test('registered for application/vnd.amazon.eventstream; bytes stored as a UTF-8 string still decode', () => {
  const frame = utf8SafeFrame();
  const asBytes = decodeBody(EVENT_STREAM, frame);
  assert.equal(asBytes.kind === 'event-stream' && asBytes.frames.length, 1);
  // go-vcr writes bytes that are valid UTF-8 as a string; "×" is two bytes, so latin1 would break it.
  const text = new TextDecoder('utf-8', { fatal: true }).decode(frame);
  assert.deepEqual(decodeBody(EVENT_STREAM, text), asBytes);
  assert.deepEqual(decodeBody(EVENT_STREAM, ''), { kind: 'empty' });
  assert.equal(asBytes.kind === 'event-stream' && chunkInnerText(asBytes.frames[0]!), '{"type":"ping"}');
  assert.deepEqual(rawBodyLines(asBytes), ['1 event-stream frames', 'chunk: {"type":"ping"}']);
});

test('garbage and cut frames: an error naming frame and byte, never a throw', () => {
  const frame = eventStreamCodec.encode({ headers: {}, body: utf8('{}') });
  const twice = new Uint8Array([...frame, ...frame]);
  const cut = decodeEventStream(twice.subarray(0, frame.length + 5));
  assert.equal(cut.kind === 'event-stream' && cut.frames.length, 1);
  assert.equal(cut.kind === 'event-stream' && cut.error, `frame 2 at byte ${frame.length}: truncated (frame of ${frame.length} bytes, 5 left)`);
  const garbage = decodeEventStream(utf8('{"not":"an event stream"}'));
  assert.equal(garbage.kind === 'event-stream' && garbage.frames.length, 0);
  assert.match(garbage.kind === 'event-stream' ? garbage.error ?? '' : '', /^frame 1 at byte 0: /);
  const badCrc = frame.slice();
  badCrc[badCrc.length - 1]! ^= 1;
  const crc = decodeEventStream(badCrc);
  assert.match(crc.kind === 'event-stream' ? crc.error ?? '' : '', /^frame 1 at byte 0: The message checksum/);
});
