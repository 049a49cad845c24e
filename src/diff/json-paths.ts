// Structural JSON diff, reported by path (`request.messages[2].content[0].text`). Key order never
// matters; array elements are aligned with the `diff` package so an inserted message does not
// shift every later one; strings holding a JSON document are compared as JSON.

import { diffArrays } from 'diff';
import { isObject } from '../interpret/json-access.ts';
import { canonicalJson, jsonDocument } from '../json-text.ts';

export type Segment = string | number;

export interface RawChange {
  segments: Segment[];
  kind: 'changed' | 'added' | 'removed';
  old?: unknown;
  new?: unknown;
}

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

export function formatPath(segments: Segment[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) path += path ? `.${segment}` : segment;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

const isStructured = (value: unknown) => isObject(value) || Array.isArray(value);
const isNumberArray = (value: unknown[]) => value.length > 8 && value.every((v) => typeof v === 'number');

export function diffJson(oldValue: unknown, newValue: unknown, base: Segment[] = []): RawChange[] {
  const changes: RawChange[] = [];
  walk(oldValue, newValue, base, changes);
  return changes;
}

function walk(a: unknown, b: unknown, path: Segment[], out: RawChange[]): void {
  if (a === b) return;
  if (isObject(a) && isObject(b)) {
    for (const key of Object.keys(a)) {
      if (!(key in b)) out.push({ segments: [...path, key], kind: 'removed', old: a[key] });
      else walk(a[key], b[key], [...path, key], out);
    }
    for (const key of Object.keys(b)) {
      if (!(key in a)) out.push({ segments: [...path, key], kind: 'added', new: b[key] });
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    // Embeddings and the like: one change for the whole vector, not one per number.
    if (isNumberArray(a) || isNumberArray(b)) {
      if (canonicalJson(a) !== canonicalJson(b)) out.push({ segments: path, kind: 'changed', old: a, new: b });
      return;
    }
    walkArrays(a, b, path, out);
    return;
  }
  // A JSON document in a string is compared as JSON, also against a parsed value (tool arguments
  // one recording kept as text and another as an object).
  if (typeof a === 'string' || typeof b === 'string') {
    const docA = typeof a === 'string' ? jsonDocument(a) : a;
    const docB = typeof b === 'string' ? jsonDocument(b) : b;
    if (isStructured(docA) && isStructured(docB)) {
      walk(docA, docB, path, out);
      return;
    }
  }
  if (canonicalJson(a) !== canonicalJson(b)) out.push({ segments: path, kind: 'changed', old: a, new: b });
}

function walkArrays(a: unknown[], b: unknown[], path: Segment[], out: RawChange[]): void {
  if (a.length === b.length) {
    a.forEach((item, i) => walk(item, b[i], [...path, i], out));
    return;
  }
  const keysA = a.map(canonicalJson);
  const keysB = b.map(canonicalJson);
  let i = 0;
  let j = 0;
  let removed: number[] = [];
  let added: number[] = [];
  // A run of removed elements next to a run of added ones is a replacement: pair them up and
  // compare element by element; what is left over was really added or removed.
  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k++) walk(a[removed[k]!], b[added[k]!], [...path, added[k]!], out);
    for (const r of removed.slice(paired)) out.push({ segments: [...path, r], kind: 'removed', old: a[r] });
    for (const n of added.slice(paired)) out.push({ segments: [...path, n], kind: 'added', new: b[n] });
    removed = [];
    added = [];
  };
  for (const part of diffArrays(keysA, keysB)) {
    if (part.removed) for (let k = 0; k < part.count; k++) removed.push(i++);
    else if (part.added) for (let k = 0; k < part.count; k++) added.push(j++);
    else {
      flush();
      i += part.count;
      j += part.count;
    }
  }
  flush();
}
