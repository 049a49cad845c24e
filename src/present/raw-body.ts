// A decoded body as plain text lines; shared by the terminal transcript and the Markdown export.

import type { DecodedBody, EventStreamFrame } from '../decode/types.ts';
import { bedrockChunkEvents } from '../interpret/bedrock.ts';
import { formatBytes } from './format.ts';

/** Decoded raw body: JSON pretty-printed, each SSE event on its own line. */
export function rawBodyLines(body: DecodedBody): string[] {
  switch (body.kind) {
    case 'empty':
      return ['(empty)'];
    case 'json':
      return JSON.stringify(body.value, null, 2).split('\n');
    case 'sse':
      return [
        `${body.events.length} SSE events`,
        ...body.events.map((e) => `${e.event ? `event: ${e.event}  ` : ''}data: ${e.data.replace(/\n/g, '\\n')}`),
      ];
    case 'event-stream':
      return [
        `${body.frames.length} event-stream frames${body.error ? ` (${body.error})` : ''}`,
        // Bedrock chunks: the Anthropic event inside (as interpret reads it), not its base64.
        ...chunkLines(body.frames),
      ];
    case 'text':
      return body.text.split('\n');
    case 'binary':
      return [`(${formatBytes(body.bytes.length)} of binary data, ${body.contentType || 'no content type'})`];
    case 'undecodable':
      return [`(${formatBytes(body.byteLength)} stored with Content-Encoding ${body.encoding}, cannot be decoded: ${body.reason})`];
  }
}

function chunkLines(frames: EventStreamFrame[]): string[] {
  const inner = bedrockChunkEvents(frames);
  return frames.map((f, i) => (inner[i] === undefined ? `${JSON.stringify(f.headers)} ${f.payload}` : `chunk: ${inner[i]}`));
}
