// A scrub finding (rule, position, masked value, document path) as a Finding of the one model, so
// that `scrub --check` and `lint` print and fingerprint credentials alike. Never sees the secret.

import type { Finding as ScrubFinding } from '../scrub/edit-cst.ts';
import { ruleInfo } from '../lint/rules.ts';
import type { Finding } from './finding.ts';
import { pathWithoutIndex } from './fingerprint.ts';

/** `style`: scrub's message is the masked value alone (its text line as it always was); lint says what it is. */
export function fromScrubFinding(file: string, f: ScrubFinding, style: 'scrub' | 'lint'): Finding {
  const info = ruleInfo(f.rule);
  let message = f.masked;
  if (style === 'lint') {
    message = f.rule === 'host-map' ? `host ${f.masked} is not mapped by the configured host map` : `credential left: ${f.masked}`;
    if (f.compressed) message += ' (inside a compressed body)';
  }
  return {
    rule: f.rule,
    severity: info.severity,
    file,
    line: f.line,
    col: f.col,
    message,
    fix: info.fix,
    masked: f.masked,
    path: f.path,
    key: `${pathWithoutIndex(f.path)}\u0000${f.masked}`,
  };
}
