// Which messages of a request are new. A multi-turn cassette re-sends its whole history in every
// request; the transcript shows only what was added since the previous interaction.

import type { Exchange, Message } from '../interpret/types.ts';

export interface NewMessages {
  /** Messages already shown with an earlier interaction. */
  hidden: number;
  messages: Message[];
}

function sameMessage(a: Message, b: Message): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function newMessages(previous: Exchange | null | undefined, current: Exchange): NewMessages {
  const all = current.request.messages;
  const before = previous?.provider === current.provider ? previous.request.messages : undefined;
  if (!before || before.length === 0 || before.length > all.length || !before.every((m, i) => sameMessage(m, all[i]!))) {
    return { hidden: 0, messages: all };
  }
  let start = before.length;
  // The assistant turn right after the old history is the previous answer, already shown.
  if (all[start]?.role === 'assistant') start++;
  return { hidden: start, messages: all.slice(start) };
}
