// What `cassette diff` finds, as data. The `--json` output is these objects (see the README
// contract), so change them only by adding fields.

/** One difference at a path of the comparable view, e.g. `response.toolCalls[0].arguments.city`. */
export interface Change {
  path: string;
  /** changed: on both sides with other values; added: only in the new; removed: only in the old. */
  kind: 'changed' | 'added' | 'removed';
  old?: unknown;
  new?: unknown;
  /** The tool the path belongs to (a tool call, tool result or tool definition), when it does. */
  tool?: string;
}

export type InteractionStatus = 'same' | 'changed' | 'added' | 'removed';

export interface InteractionDiff {
  /** Index in the old cassette; null for an added interaction. */
  old: number | null;
  /** Index in the new cassette; null for a removed interaction. */
  new: number | null;
  status: InteractionStatus;
  method: string;
  /** Path and meaningful query, e.g. `/v1/chat/completions`. */
  url: string;
  /** The last user message, for telling added and removed interactions apart. */
  prompt?: string;
  changes: Change[];
}

export interface TokenTotals {
  input: number;
  output: number;
}

export interface InteractionCounts {
  same: number;
  changed: number;
  added: number;
  removed: number;
}

export interface CassetteDiff {
  status: 'same' | 'different';
  counts: InteractionCounts;
  tokens: { old: TokenTotals; new: TokenTotals };
  interactions: InteractionDiff[];
}

export interface CompareOptions {
  /** Also compare what changes on every recording (ids, durations, volatile headers, …). */
  strict?: boolean;
  /** Path globs whose changes are dropped, e.g. `usage`, `request.headers.*`. */
  ignore?: string[];
  only?: 'request' | 'response';
  /** Keep only pairs where the old or the new index is in this set. */
  interactions?: Set<number>;
}

/** One line of `diff --json`: a compared pair of files, a file on one side only, or an error. */
export type FileDiffJson =
  | ({ name: string | null; old: string; new: string } & CassetteDiff)
  | { name: string | null; old: string | null; new: string | null; status: 'only-old' | 'only-new'; interactions: number; tokens: TokenTotals }
  | { name: string | null; old: string | null; new: string | null; status: 'error'; error: string };
