// Which rules run at which severity for a file: rule defaults ← the config file's `lint:` section
// (its `rules:`, then each matching `overrides:` entry in order) ← `--rule` / `--disable`. Pure:
// the command finds and reads the config file.

import { SEVERITIES, type Severity } from '../findings/finding.ts';
import { globToRegExp } from './path-glob.ts';
import { RULES } from './rules.ts';
import { DEFAULT_MAX_BODY_BYTES } from './check.ts';

export type RuleSetting = Severity | 'off';

/** The `lint:` section of `.cassette.yaml` / `cassette.config.json`, checked. */
export interface LintConfigFile {
  rules: Record<string, RuleSetting>;
  overrides: Array<{ files: RegExp[]; rules: Record<string, RuleSetting>; maxBodyBytes?: number }>;
  failOn?: Severity;
  maxWarnings?: number;
  maxBodyBytes?: number;
}

export class LintConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LintConfigError';
  }
}

const SETTINGS = [...SEVERITIES, 'off'];

function parseRules(raw: unknown, where: string): Record<string, RuleSetting> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new LintConfigError(`${where} must map rule ids to error, warning, note or off`);
  const rules: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!RULES.has(id)) throw new LintConfigError(`${where}: unknown rule id "${id}" (see cassette lint --list-rules)`);
    const setting = value === false ? 'off' : value;
    if (typeof setting !== 'string' || !SETTINGS.includes(setting)) throw new LintConfigError(`${where}.${id} must be error, warning, note or off`);
    rules[id] = setting as RuleSetting;
  }
  return rules;
}

function count(raw: unknown, where: string): number | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) throw new LintConfigError(`${where} must be a whole number ≥ 0`);
  return raw;
}

/** Checks the shape of the config file's `lint:` section (unknown data in, typed data out). */
export function parseLintConfig(raw: unknown): LintConfigFile {
  const config: LintConfigFile = { rules: {}, overrides: [] };
  if (raw === undefined || raw === null || typeof raw !== 'object' || Array.isArray(raw)) return config;
  const section = (raw as Record<string, unknown>).lint;
  if (section === undefined || section === null) return config;
  if (typeof section !== 'object' || Array.isArray(section)) throw new LintConfigError('lint must be a mapping');
  const s = section as Record<string, unknown>;
  const known = ['rules', 'overrides', 'failOn', 'maxWarnings', 'maxBodyBytes'];
  const unknown = Object.keys(s).find((k) => !known.includes(k));
  if (unknown) throw new LintConfigError(`unknown key lint.${unknown} (known: ${known.join(', ')})`);
  config.rules = parseRules(s.rules, 'lint.rules');
  if (s.failOn !== undefined) {
    if (typeof s.failOn !== 'string' || !SEVERITIES.includes(s.failOn as Severity)) throw new LintConfigError('lint.failOn must be error, warning or note');
    config.failOn = s.failOn as Severity;
  }
  const maxWarnings = count(s.maxWarnings, 'lint.maxWarnings');
  if (maxWarnings !== undefined) config.maxWarnings = maxWarnings;
  const maxBodyBytes = count(s.maxBodyBytes, 'lint.maxBodyBytes');
  if (maxBodyBytes !== undefined) config.maxBodyBytes = maxBodyBytes;
  if (s.overrides !== undefined) {
    if (!Array.isArray(s.overrides)) throw new LintConfigError('lint.overrides must be a list of {files, rules}');
    config.overrides = s.overrides.map((o: unknown, i) => {
      const where = `lint.overrides[${i}]`;
      if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new LintConfigError(`${where} must be a mapping with files and rules`);
      const entry = o as Record<string, unknown>;
      const files = typeof entry.files === 'string' ? [entry.files] : entry.files;
      if (!Array.isArray(files) || files.length === 0 || !files.every((f) => typeof f === 'string')) throw new LintConfigError(`${where}.files must be a glob or a list of globs`);
      const extra = Object.keys(entry).find((k) => !['files', 'rules', 'maxBodyBytes'].includes(k));
      if (extra) throw new LintConfigError(`unknown key ${where}.${extra} (known: files, rules, maxBodyBytes)`);
      const override: LintConfigFile['overrides'][number] = { files: files.map(globToRegExp), rules: parseRules(entry.rules, `${where}.rules`) };
      const size = count(entry.maxBodyBytes, `${where}.maxBodyBytes`);
      if (size !== undefined) override.maxBodyBytes = size;
      return override;
    });
  }
  return config;
}

/** `--rule ID=SEVERITY` and `--disable ID`, as commander gives them. */
export function parseRuleFlags(rule: string[] = [], disable: string[] = []): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const arg of rule) {
    const [id, setting] = arg.split('=', 2) as [string, string | undefined];
    if (!RULES.has(id)) throw new LintConfigError(`--rule ${arg}: unknown rule id "${id}" (see cassette lint --list-rules)`);
    if (!setting || !SETTINGS.includes(setting)) throw new LintConfigError(`--rule ${arg}: expected ${id}=error|warning|note|off`);
    out[id] = setting as RuleSetting;
  }
  for (const id of disable) {
    if (!RULES.has(id)) throw new LintConfigError(`--disable ${id}: unknown rule id (see cassette lint --list-rules)`);
    out[id] = 'off';
  }
  return out;
}

export interface FileRules {
  /** The severity of a rule for this file, or 'off'. */
  setting(rule: string): RuleSetting;
  maxBodyBytes: number;
}

/** The rules for one file; `relativePath` is the file relative to the config file's directory. */
export function rulesForFile(config: LintConfigFile, flags: Record<string, RuleSetting>, relativePath: string | undefined, flagMaxBody?: number): FileRules {
  const merged: Record<string, RuleSetting> = { ...config.rules };
  let maxBodyBytes = config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (relativePath !== undefined) {
    for (const o of config.overrides) {
      if (!o.files.some((re) => re.test(relativePath))) continue;
      Object.assign(merged, o.rules);
      if (o.maxBodyBytes !== undefined) maxBodyBytes = o.maxBodyBytes;
    }
  }
  Object.assign(merged, flags);
  if (flagMaxBody !== undefined) maxBodyBytes = flagMaxBody;
  return { setting: (rule) => merged[rule] ?? RULES.get(rule)?.severity ?? 'error', maxBodyBytes };
}
