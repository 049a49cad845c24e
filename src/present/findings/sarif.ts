// Findings as one SARIF 2.1.0 log (the format GitHub code scanning and other CI dashboards read):
// one run, the rules with their help text, each result with a physicalLocation and the
// fingerprint as a partialFingerprint so dashboards track a finding across runs.

import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../../findings/finding.ts';
import type { RuleInfo } from '../../lint/rules.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', note: 'note' };

export interface SarifInput {
  version: string;
  rules: readonly RuleInfo[];
  findings: readonly Finding[];
  /** Files that could not be read (the run still reports the others). */
  errors: ReadonlyArray<{ file?: string; line?: number; col?: number; message: string }>;
  /** The directory relative URIs are relative to. */
  root: string;
  /** file as given → path relative to root with `/` (or absolute when outside). */
  relativePath: (file: string) => string;
}

function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  if (path.startsWith('/')) return { uri: pathToFileURL(path).href };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

export function sarifLog(input: SarifInput): string {
  const index = new Map(input.rules.map((r, i) => [r.id, i]));
  const rules = input.rules.map((r) => ({
    id: r.id,
    shortDescription: { text: r.summary },
    fullDescription: { text: r.summary },
    help: { text: `${r.summary}\nFix: ${r.fix}`, markdown: `${r.summary}\n\n**Fix:** ${r.fix}` },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { tags: [r.kind] },
  }));
  const results = input.findings.map((f) => ({
    ruleId: f.rule,
    ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
    level: LEVEL[f.severity],
    message: { text: f.fix ? `${f.message}. Fix: ${f.fix}` : f.message },
    locations: [
      {
        physicalLocation: { artifactLocation: artifactLocation(input.relativePath(f.file)), region: { startLine: f.line, startColumn: f.col } },
        ...(f.path || f.interaction
          ? { logicalLocations: [{ fullyQualifiedName: f.path ?? `interactions[${f.interaction!.index}]`, kind: 'element' }] }
          : {}),
      },
    ],
    ...(f.fingerprint ? { partialFingerprints: { 'cassetteFinding/v1': f.fingerprint } } : {}),
    ...(f.interaction ? { properties: { interaction: f.interaction } } : {}),
  }));
  const notifications = input.errors.map((e) => ({
    level: 'error',
    message: { text: e.message },
    ...(e.file
      ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(input.relativePath(e.file)), ...(e.line ? { region: { startLine: e.line, ...(e.col ? { startColumn: e.col } : {}) } } : {}) } }] }
      : {}),
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cassette', semanticVersion: input.version.replace(/^v/, ''), informationUri: 'https://www.npmjs.com/package/cassette-cli', rules } },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(input.root.endsWith('/') ? input.root : `${input.root}/`).href } },
        invocations: [{ executionSuccessful: input.errors.length === 0, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
