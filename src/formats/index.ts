// The one registry of cassette formats. A new format is a module in this folder and a line here.
// Order matters only where two formats share a shape: each detect looks at the structure itself.

import type { FormatModule, Syntax } from './types.ts';
import { goVcr } from './go-vcr.ts';
import { vcrpy, vcrpyJson } from './vcrpy.ts';
import { rubyVcr, rubyVcrJson } from './ruby-vcr.ts';
import { har } from './har.ts';
import { isPlainMap } from './shape.ts';

export const FORMATS: readonly FormatModule[] = [goVcr, vcrpy, vcrpyJson, rubyVcr, rubyVcrJson, har];

/** The format of a parsed document, or undefined when no format accepts it. */
export function detectFormat(value: unknown, syntax: Syntax): FormatModule | undefined {
  return FORMATS.find((f) => f.syntax === syntax && f.detect(value));
}

/** What was found instead of a cassette, for the error message: "a YAML mapping with keys a, b". */
export function describeDocument(value: unknown, syntax: Syntax): string {
  const kind = syntax === 'yaml' ? 'YAML' : 'JSON';
  if (isPlainMap(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return `an empty ${kind} mapping`;
    const shown = keys.slice(0, 5).join(', ') + (keys.length > 5 ? ', …' : '');
    return `a ${kind} mapping with keys ${shown}`;
  }
  if (Array.isArray(value)) return `a ${kind} list`;
  if (value === null || value === undefined) return `an empty ${kind} document`;
  return `a ${kind} ${typeof value === 'string' ? 'string' : 'scalar'}`;
}

export type { FormatModule } from './types.ts';
