// Server-Sent Events framing, by eventsource-parser (the WHATWG algorithm: multi-line data,
// comments, CRLF, a last event without its blank line).

import { createParser } from 'eventsource-parser';
import type { SseEvent } from './types.ts';

export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createParser({
    onEvent(message) {
      const event: SseEvent = { data: message.data };
      if (message.event) event.event = message.event;
      if (message.id) event.id = message.id;
      events.push(event);
    },
  });
  parser.feed(text);
  // A recording may end without the blank line that dispatches the last event: keep that event
  // (browsers drop it, but here it is what the server sent before the recording ended).
  parser.feed('\n\n');
  return events;
}

/** Does this text look like an SSE stream, whatever its content type says? */
export function looksLikeSse(text: string): boolean {
  return /^(?:\s*\n)*(?:data|event|id):/.test(text.slice(0, 200));
}

/** Parse an event's data as JSON, or undefined when it is not JSON (e.g. `[DONE]`). */
export function eventJson(event: SseEvent): unknown {
  // Nearly every event is one JSON object, parsed as it is (JSON.parse skips JSON whitespace).
  const first = event.data.charCodeAt(0);
  if (first === 123 || first === 91) {
    try {
      return JSON.parse(event.data);
    } catch {
      // Trailing whitespace that JSON does not allow (e.g. U+00A0): the trimmed form decides.
      if (event.data.trimEnd() === event.data) return undefined;
    }
  }
  const data = event.data.trim();
  if (!data.startsWith('{') && !data.startsWith('[')) return undefined;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}
