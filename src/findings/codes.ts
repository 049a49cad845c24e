// Every diagnostic code, with what it means. The README's list is this table; `cassette lint`
// turns each into a rule of the same name.

export const DIAGNOSTIC_CODES = {
  'unknown-event': 'A stream event (or content block, part, output item) of a type the dialect does not know; its count is given.',
  'unparsed-event': 'A stream event whose data is not valid JSON.',
  'delta-before-start': 'A delta for a content block or tool call that was never started.',
  'stream-unterminated': 'The stream ended without its terminator (`[DONE]`, `message_stop`, `response.completed`, …) or finish reason.',
  'tool-call-without-id': 'A tool call without a call id, so its result cannot be matched to it.',
  'tool-call-index-collision': 'Two different tool calls streamed on the same index.',
  'invalid-tool-arguments': 'Tool-call arguments that are not valid JSON.',
  'event-stream-crc': 'An AWS event-stream frame whose prelude or message CRC is wrong, or a truncated frame.',
  'usage-mismatch': 'Two usage figures in one response disagree (e.g. Bedrock invocation metrics vs the message usage).',
  'body-undecodable': 'A body that could not be decoded (Content-Encoding, base64, event-stream).',
  'unknown-endpoint': 'A call to a known non-chat endpoint (embeddings, files, count-tokens, …) whose 2xx response is not the documented shape, so it cannot be summarized.',
  'unexpected-body': 'A successful (2xx) response whose body is not the answer its dialect defines (not JSON, or JSON without its fields), so there is nothing to read.',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
