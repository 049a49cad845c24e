// PyYAML (through test/formats/pyyaml-oracle.py) as the second oracle for the fast YAML reader:
// /usr/bin/python3 with Debian's python3-yaml (another python3 may come first on PATH).
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ORACLE = fileURLToPath(new URL('../formats/pyyaml-oracle.py', import.meta.url));

let found: string | false | undefined;
/** A Python with PyYAML's C loader, or undefined. */
export function pythonWithYaml(): string | undefined {
  if (found === undefined) {
    found = ['/usr/bin/python3', 'python3'].find((py) => spawnSync(py, ['-c', 'import yaml; yaml.CSafeLoader'], { stdio: 'ignore' }).status === 0) ?? false;
  }
  return found || undefined;
}
export const SKIP_WITHOUT_PYYAML: string | false = pythonWithYaml() ? false : 'no Python with PyYAML and libyaml (apt-get install -y python3-yaml)';

function oracle(mode: string, input: unknown): unknown[] {
  const out = execFileSync(pythonWithYaml()!, [ORACLE, mode], { input: JSON.stringify(input), maxBuffer: 1 << 30 });
  return JSON.parse(out.toString()) as unknown[];
}

/** PyYAML's load of each file or text, tagged (see the oracle) and normalized. */
export function pyyamlValues(items: ({ file: string } | { text: string })[]): unknown[] {
  return oracle('--values', items).map(normalize);
}

export interface Dumped {
  text: string;
  value: unknown;
}
/** yaml.dump of each value (sorted keys, block style, as vcrpy writes), and PyYAML's load of it. */
export function pyyamlDump(items: { value: unknown; width: number; style?: string | null; c?: boolean; unicode?: boolean }[]): Dumped[] {
  return (oracle('--dump', items) as Dumped[]).map((d) => ({ text: d.text, value: normalize(d.value) }));
}

/**
 * A value in the oracle's tagged form: bytes as base64, NaN and infinities as tags, integers past
 * 2^53 as the nearest double (all a JavaScript number can hold), -0 as 0 (PyYAML's ints have none).
 */
export function normalize(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { $float: 'nan' };
    if (!Number.isFinite(value)) return { $float: value > 0 ? 'inf' : '-inf' };
    return value === 0 ? 0 : value;
  }
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]![0] === '$int') return Number(entries[0]![1]);
    return Object.fromEntries(entries.map(([k, v]) => [k, normalize(v)]));
  }
  return value;
}
