// What a body is, once decoded. The interpret stage reads these; it never parses raw bodies itself.

/** One Server-Sent Event. `data` is the joined data lines, as the SSE spec defines. */
export interface SseEvent {
  event?: string;
  id?: string;
  data: string;
}

/** One AWS event-stream frame (Bedrock's binary streaming), headers decoded. */
export interface EventStreamFrame {
  headers: Record<string, string | number | boolean>;
  /** The payload as UTF-8 text (Bedrock payloads are JSON). */
  payload: string;
}

export type DecodedBody =
  | { kind: 'empty' }
  | { kind: 'json'; value: unknown; text: string }
  | { kind: 'sse'; events: SseEvent[]; text: string }
  | { kind: 'event-stream'; frames: EventStreamFrame[]; error?: string; byteLength: number }
  | { kind: 'text'; text: string; contentType: string }
  | { kind: 'binary'; bytes: Uint8Array; contentType: string }
  /** Stored compressed (Content-Encoding) and the bytes do not decode: presenters say so, never print bytes. */
  | { kind: 'undecodable'; encoding: string; reason: string; byteLength: number; contentType: string };
