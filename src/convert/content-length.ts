// A body read as re-serialized (pydantic-ai's parsed_body, model.ts BodyReserialized) is written
// as a plain body by every target, so the Content-Length recorded with it, the length of bytes
// that were never stored, would be wrong there. Such a message's Content-Length header values and
// go-vcr `content_length` become the byte length of the body written; nothing else changes.

import type { AnalyzedCassette } from '../interpret/index.ts';
import type { Headers, HttpRequest, HttpResponse, Interaction } from '../model.ts';
import { bodyByteLength } from '../http/body-length.ts';

/** The message with true lengths; the same object when its body is the recorded bytes. */
function withTrueLength<M extends HttpRequest | HttpResponse>(message: M): M {
  if (!message.bodyReserialized) return message;
  const length = bodyByteLength(message.body);
  const headers: Headers = {};
  for (const [name, values] of Object.entries(message.headers)) {
    headers[name] = name.toLowerCase() === 'content-length' ? values.map(() => String(length)) : values;
  }
  const fixed: M = { ...message, headers };
  if (message.contentLength !== undefined) fixed.contentLength = length;
  return fixed;
}

/** The cassette as convert writes it: re-serialized bodies with a Content-Length that is true. */
export function withTrueContentLengths(analyzed: AnalyzedCassette): AnalyzedCassette {
  const { cassette } = analyzed;
  if (!cassette.interactions.some((i) => i.request.bodyReserialized || i.response.bodyReserialized)) return analyzed;
  const fixed = new Map<Interaction, Interaction>();
  const interactions = cassette.interactions.map((interaction) => {
    const request = withTrueLength(interaction.request);
    const response = withTrueLength(interaction.response);
    const out = request === interaction.request && response === interaction.response ? interaction : { ...interaction, request, response };
    fixed.set(interaction, out);
    return out;
  });
  return {
    cassette: { ...cassette, interactions },
    interactions: analyzed.interactions.map((item) => ({ ...item, interaction: fixed.get(item.interaction) ?? item.interaction })),
  };
}
