// Line positions in a JSON document, which JSON.parse does not give: where each item of the
// array at a key path starts. The text is already known to be valid JSON (JSON.parse accepted it),
// so this only skips strings and brackets.

import type { SitePath } from './types.ts';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function skipSpace(text: string, at: number): number {
  for (;;) {
    const c = text.charCodeAt(at);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) at++;
    else return at;
  }
}

/** `at` is on an opening quote; returns the offset after the closing one. */
function skipString(text: string, at: number): number {
  for (let i = at + 1; ; ) {
    const end = text.indexOf('"', i);
    if (end === -1) return text.length;
    let slashes = 0;
    for (let j = end - 1; text.charCodeAt(j) === BACKSLASH; j--) slashes++;
    if (slashes % 2 === 0) return end + 1;
    i = end + 1;
  }
}

/** `at` is on the first character of a value; returns the offset after it. */
function skipValue(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c === QUOTE) return skipString(text, at);
  if (c !== 0x7b && c !== 0x5b) {
    // A number, true, false or null: up to the next delimiter.
    let i = at;
    while (i < text.length && !',}] \n\r\t'.includes(text[i]!)) i++;
    return i;
  }
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if (d === QUOTE) i = skipString(text, i) - 1;
    else if (d === 0x7b || d === 0x5b) depth++;
    else if ((d === 0x7d || d === 0x5d) && --depth === 0) return i + 1;
  }
  return text.length;
}

/** Offset of the value at `path` (object keys only), or -1. */
function findPath(text: string, path: SitePath): number {
  let at = skipSpace(text, 0);
  for (const key of path) {
    if (text.charCodeAt(at) !== 0x7b) return -1;
    at = skipSpace(text, at + 1);
    let found = false;
    while (text.charCodeAt(at) === QUOTE) {
      const end = skipString(text, at);
      const name = JSON.parse(text.slice(at, end)) as string;
      at = skipSpace(text, skipSpace(text, end) + 1); // past the colon
      if (name === key) {
        found = true;
        break;
      }
      at = skipSpace(text, skipValue(text, at));
      if (text.charCodeAt(at) === 0x2c) at = skipSpace(text, at + 1);
    }
    if (!found) return -1;
  }
  return at;
}

/** 1-based line where each item of the array at `path` starts; [] when there is none. */
export function jsonArrayItemLines(text: string, path: SitePath): number[] {
  let at = findPath(text, path);
  if (at === -1 || text.charCodeAt(at) !== 0x5b) return [];
  const lines: number[] = [];
  let line = 1;
  let counted = 0;
  const lineAt = (offset: number) => {
    for (let i = text.indexOf('\n', counted); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    counted = offset;
    return line;
  };
  at = skipSpace(text, at + 1);
  while (at < text.length && text.charCodeAt(at) !== 0x5d) {
    lines.push(lineAt(at));
    at = skipSpace(text, skipValue(text, at));
    if (text.charCodeAt(at) === 0x2c) at = skipSpace(text, at + 1);
  }
  return lines;
}
