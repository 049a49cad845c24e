// Where in the file a finding or a diagnostic points: the model keeps each interaction's line, not
// every field's, so a finding about a header or a length is placed on the first line of its
// interaction that names it (a text search bounded by the interaction's lines), else on the
// interaction itself. Shared by lint and by the diagnostics' lines of show/export.

import type { Interaction } from '../model.ts';

export interface Place {
  line: number;
  col: number;
}

export class Locator {
  private lines?: string[];
  private readonly events = new Map<string, Place | undefined>();

  constructor(
    private readonly text: string,
    private readonly interactions: readonly Interaction[],
  ) {}

  private textLines(): string[] {
    return (this.lines ??= this.text.split('\n'));
  }

  /** The interaction's own line (1:1 when the reader could not tell). */
  interaction(index: number): Place {
    return { line: this.interactions[index]?.line ?? 1, col: 1 };
  }

  /**
   * The first line within interaction `index` (after `after`, when given) containing `needle`
   * (compared case-insensitively), at the needle's column; the interaction's line when none does.
   */
  find(index: number, needle: string, after?: string): Place {
    const start = this.interactions[index]?.line;
    if (start === undefined) return { line: 1, col: 1 };
    const next = this.interactions[index + 1]?.line;
    const lines = this.textLines();
    const end = Math.min(next ?? lines.length + 1, lines.length + 1);
    const want = needle.toLowerCase();
    let from = start;
    if (after) {
      const a = after.toLowerCase();
      for (let n = start; n < end; n++) {
        if (lines[n - 1]!.toLowerCase().includes(a)) {
          from = n;
          break;
        }
      }
    }
    for (let n = from; n < end; n++) {
      const col = lines[n - 1]!.toLowerCase().indexOf(want);
      if (col >= 0) return { line: n, col: col + 1 };
    }
    return { line: start, col: 1 };
  }

  /**
   * Where stream event `event` of interaction `index` is written: each event's first data line is
   * looked for in turn after the previous one, as written (a block scalar) or JSON-escaped (a
   * quoted scalar, a JSON document). Undefined when one cannot be found.
   */
  event(index: number, events: readonly { data: string }[], event: number): Place | undefined {
    // Lint asks for the places show's lines came from: each is searched once per file.
    const key = `${index}:${event}`;
    if (!this.events.has(key)) this.events.set(key, this.searchEvent(index, events, event));
    return this.events.get(key);
  }

  private searchEvent(index: number, events: readonly { data: string }[], event: number): Place | undefined {
    const start = this.interactions[index]?.line;
    if (start === undefined || event >= events.length) return undefined;
    const lines = this.textLines();
    const offsetOf = (line: number) => {
      let offset = 0;
      for (let n = 1; n < line && n <= lines.length; n++) offset += lines[n - 1]!.length + 1;
      return offset;
    };
    const next = this.interactions[index + 1]?.line;
    const end = next === undefined ? this.text.length : offsetOf(next);
    let at = offsetOf(start);
    let found = -1;
    for (let i = 0; i <= event; i++) {
      const needle = events[i]!.data.split('\n', 1)[0]!.slice(0, 60);
      if (!needle) continue;
      const raw = this.text.indexOf(needle, at);
      const escaped = this.text.indexOf(JSON.stringify(needle).slice(1, -1), at);
      const hits = [raw, escaped].filter((h) => h !== -1 && h < end);
      if (hits.length === 0) return undefined;
      found = Math.min(...hits);
      at = found + 1;
    }
    if (found === -1) return undefined;
    const before = this.text.slice(0, found);
    const line = before.split('\n').length;
    return { line, col: found - before.lastIndexOf('\n') };
  }

  /** The text of a 1-based line (for inline `cassette:allow` markers). */
  lineText(line: number): string {
    return this.textLines()[line - 1] ?? '';
  }
}
