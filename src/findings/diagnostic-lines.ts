// The cassette line a diagnostic is about, in one place for lint and for show/export: the line of
// the stream event it names when that event's data can be found in the text, else its
// interaction's line. Pure: the text comes from the command's per-file loop.

import type { AnalyzedCassette, AnalyzedInteraction } from '../interpret/index.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { Locator, Place } from './locate.ts';

/** Where the stream event a diagnostic names is written; undefined for none, or one inside a compressed or binary body. */
function eventPlace(item: AnalyzedInteraction, diagnostic: Diagnostic, locator: Locator): Place | undefined {
  const body = item.responseBody;
  if (diagnostic.event === undefined || body.kind !== 'sse') return undefined;
  return locator.event(item.interaction.index, body.events, diagnostic.event);
}

/**
 * Where lint places a diagnostic: its event (at its column), else the line it carries, else its
 * interaction (1:1 when the reader could not tell).
 */
export function diagnosticPlace(item: AnalyzedInteraction, diagnostic: Diagnostic, locator: Locator): Place {
  return eventPlace(item, diagnostic, locator) ?? (diagnostic.line ? { line: diagnostic.line, col: 1 } : locator.interaction(item.interaction.index));
}

/** True when some interaction has a diagnostic: only then is the text needed. */
export function hasDiagnostics(analyzed: AnalyzedCassette): boolean {
  return analyzed.interactions.some((item) => item.diagnostics.length > 0);
}

/**
 * `analyzed` with `line` on every diagnostic where it is known (the line `diagnosticPlace` gives;
 * none when the reader did not tell the interaction's), the locator being over the text the
 * cassette was read from. Interactions without diagnostics (most) are kept as they are.
 */
export function locateDiagnostics(analyzed: AnalyzedCassette, locator: Locator): AnalyzedCassette {
  if (!hasDiagnostics(analyzed)) return analyzed;
  const located = (item: AnalyzedInteraction, d: Diagnostic): Diagnostic => {
    const line = eventPlace(item, d, locator)?.line ?? d.line ?? item.interaction.line;
    if (line === undefined) return d;
    // In the contract's key order: {code, message, line?, event?}.
    return d.event === undefined ? { code: d.code, message: d.message, line } : { code: d.code, message: d.message, line, event: d.event };
  };
  return {
    ...analyzed,
    interactions: analyzed.interactions.map((item) => (item.diagnostics.length === 0 ? item : { ...item, diagnostics: item.diagnostics.map((d) => located(item, d)) })),
  };
}
