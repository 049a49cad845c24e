// Scrub options: defaults, the config file's `scrub:` section and command-line flags, merged into
// one ScrubOptions. Pure: the command finds and reads the file (src/commands/config-file.ts). The
// same file's `lint:` section is checked by src/lint/config.ts; lint's credential rules use this one.

import { CREDENTIAL_PARAMS, DEFAULT_PLACEHOLDER, KEY_PATTERNS, type RuleId } from './rules.ts';

export interface HostMapping {
  from: string;
  to: string;
}

export interface Replacement {
  pattern: RegExp;
  text: string;
}

/** Everything `scrubText` needs. Build it with `scrubOptions()`. */
export interface ScrubOptions {
  placeholder: string;
  /** Extra header names (any case) to redact, on top of the default credential headers. */
  headers: string[];
  /** Query / form parameter names (lower case) whose values are credentials. */
  params: string[];
  replace: Replacement[];
  hosts: HostMapping[];
  /** Remove credential headers instead of replacing their values. */
  drop: boolean;
  /** Rule ids switched off. */
  disable: RuleId[];
}

/** The `scrub:` section of `.cassette.yaml` / `cassette.config.json`, as written by the user. */
export interface ScrubConfigFile {
  placeholder?: string;
  headers?: string[];
  params?: string[];
  replace?: Array<{ pattern: string; with: string }>;
  hosts?: Record<string, string>;
  drop?: boolean;
  disable?: string[];
}

/** Command-line flags, as commander gives them. */
export interface ScrubFlags {
  header?: string[];
  host?: string[];
  replace?: string[];
  drop?: boolean;
}

export class ScrubConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScrubConfigError';
  }
}

const ALL_RULES = new Set<string>([
  'authorization-header', 'aws-sigv4', 'api-key-header', 'cookie-header', 'aws-session-token', 'custom-header',
  'credential-query', 'custom-pattern', 'host-map', ...KEY_PATTERNS.map((p) => p.id),
]);

function compile(pattern: string, where: string): RegExp {
  try {
    return new RegExp(pattern, 'g');
  } catch (error) {
    throw new ScrubConfigError(`${where}: invalid regular expression: ${(error as Error).message}`);
  }
}

function splitPair(value: string, flag: string, at: 'first' | 'last'): [string, string] {
  const i = at === 'first' ? value.indexOf('=') : value.lastIndexOf('=');
  if (i <= 0) throw new ScrubConfigError(`${flag} expects ${flag === '--host' ? 'OLD=NEW' : 'REGEX=TEXT'}, got "${value}"`);
  return [value.slice(0, i), value.slice(i + 1)];
}

function stringList(value: unknown, key: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new ScrubConfigError(`scrub.${key} must be a list of strings`);
  }
  return value;
}

/** Checks the shape of the config file's `scrub:` section (unknown data in, typed data out). */
export function parseScrubConfig(raw: unknown): ScrubConfigFile {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ScrubConfigError('the top level must be a mapping');
  const section = (raw as Record<string, unknown>).scrub;
  if (section === undefined || section === null) return {};
  if (typeof section !== 'object' || Array.isArray(section)) throw new ScrubConfigError('scrub must be a mapping');
  const s = section as Record<string, unknown>;
  const known = ['placeholder', 'headers', 'params', 'replace', 'hosts', 'drop', 'disable'];
  const unknown = Object.keys(s).find((k) => !known.includes(k));
  if (unknown) throw new ScrubConfigError(`unknown key scrub.${unknown} (known: ${known.join(', ')})`);
  const config: ScrubConfigFile = { headers: stringList(s.headers, 'headers'), params: stringList(s.params, 'params'), disable: stringList(s.disable, 'disable') };
  if (s.placeholder !== undefined) {
    if (typeof s.placeholder !== 'string' || !/^[A-Za-z0-9_.\-]+$/.test(s.placeholder)) {
      throw new ScrubConfigError('scrub.placeholder must be letters, digits, "_", "-" or "."');
    }
    config.placeholder = s.placeholder;
  }
  if (s.drop !== undefined) {
    if (typeof s.drop !== 'boolean') throw new ScrubConfigError('scrub.drop must be true or false');
    config.drop = s.drop;
  }
  if (s.hosts !== undefined) {
    const hosts = s.hosts;
    if (typeof hosts !== 'object' || hosts === null || Array.isArray(hosts) || !Object.values(hosts).every((v) => typeof v === 'string')) {
      throw new ScrubConfigError('scrub.hosts must map old host names to new ones');
    }
    config.hosts = hosts as Record<string, string>;
  }
  if (s.replace !== undefined) {
    const list = s.replace;
    const ok = (r: unknown) => typeof r === 'object' && r !== null && typeof (r as Record<string, unknown>).pattern === 'string' && typeof ((r as Record<string, unknown>).with ?? '') === 'string';
    if (!Array.isArray(list) || !list.every(ok)) throw new ScrubConfigError('scrub.replace must be a list of {pattern, with}');
    config.replace = list.map((r: { pattern: string; with?: string }) => ({ pattern: r.pattern, with: r.with ?? DEFAULT_PLACEHOLDER }));
  }
  for (const id of config.disable ?? []) {
    if (!ALL_RULES.has(id)) throw new ScrubConfigError(`scrub.disable: unknown rule id "${id}"`);
  }
  return config;
}

/** Defaults ← config file ← flags. Lists add up; flags win for single values. */
export function scrubOptions(file: ScrubConfigFile = {}, flags: ScrubFlags = {}): ScrubOptions {
  const placeholder = file.placeholder ?? DEFAULT_PLACEHOLDER;
  const replace: Replacement[] = [
    ...(file.replace ?? []).map((r, i) => ({ pattern: compile(r.pattern, `scrub.replace[${i}]`), text: r.with })),
    ...(flags.replace ?? []).map((arg) => {
      const [pattern, text] = splitPair(arg, '--replace', 'last');
      return { pattern: compile(pattern, `--replace ${pattern}`), text };
    }),
  ];
  const hosts: HostMapping[] = [
    ...Object.entries(file.hosts ?? {}).map(([from, to]) => ({ from, to })),
    ...(flags.host ?? []).map((arg) => {
      const [from, to] = splitPair(arg, '--host', 'first');
      return { from, to };
    }),
  ];
  for (const h of hosts) {
    if (!/^[A-Za-z0-9.\-:\[\]]+$/.test(h.from) || !/^[A-Za-z0-9.\-:\[\]]+$/.test(h.to)) {
      throw new ScrubConfigError(`host mapping ${h.from}=${h.to}: both sides must be host names (optionally with :port)`);
    }
  }
  return {
    placeholder,
    headers: [...(file.headers ?? []), ...(flags.header ?? [])],
    params: [...CREDENTIAL_PARAMS, ...(file.params ?? []).map((p) => p.toLowerCase())],
    replace,
    hosts,
    drop: flags.drop ?? file.drop ?? false,
    disable: (file.disable ?? []) as RuleId[],
  };
}

/** The defaults alone: what `scrubText(text)` uses without options. */
export const DEFAULT_SCRUB_OPTIONS: ScrubOptions = scrubOptions();
