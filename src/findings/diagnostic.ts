// What a stage could not use. Decoders and dialect reducers record these instead of dropping an
// event or a frame silently; `show` prints them, `--json` carries them, `cassette lint` turns them
// into findings. Codes are stable names, listed with their meaning in DIAGNOSTIC_CODES.

import type { DiagnosticCode } from './codes.ts';

export interface Diagnostic {
  code: DiagnosticCode;
  /** One line, for a person; never contains a credential or a whole body. */
  message: string;
  /** 1-based line in the cassette: its event's, else its interaction's (filled in per file by locateDiagnostics, which has the text). */
  line?: number;
  /** Index of the stream event or frame it is about, when it is about one. */
  event?: number;
}

/** Collects diagnostics, merging repeats of a code+message into one with a count. */
export class DiagnosticList {
  readonly items: Diagnostic[] = [];
  private readonly counts = new Map<string, { diagnostic: Diagnostic; count: number; base: string }>();

  add(code: DiagnosticCode, message: string, event?: number): void {
    this.items.push(event === undefined ? { code, message } : { code, message, event });
  }

  /** Once per key (e.g. an unknown event type); later repeats only raise the count in the message. */
  addCounted(code: DiagnosticCode, key: string, message: string, event?: number): void {
    const id = `${code}\u0000${key}`;
    const seen = this.counts.get(id);
    if (seen) {
      seen.count++;
      seen.diagnostic.message = `${seen.base} (${seen.count} times)`;
      return;
    }
    const diagnostic: Diagnostic = event === undefined ? { code, message } : { code, message, event };
    this.counts.set(id, { diagnostic, count: 1, base: message });
    this.items.push(diagnostic);
  }
}
