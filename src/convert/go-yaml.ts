// go-yaml's choices, shared by the go-vcr writers: its map key order (maps are sorted on output)
// and its string styles (encode.go stringv: literal when the text has a newline, plain when it
// reads back as a string, double-quoted otherwise; the emitter turns a plain it cannot write into
// single quotes). Invalid UTF-8 goes out as `!!binary`.

import { isUtf8 } from 'node:buffer';
import type { YamlDialect } from './yaml-writer.ts';
import { plainIsStringGo } from './yaml-style.ts';

const isLetter = (ch: string) => /\p{L}/u.test(ch);
const isDigit = (ch: string) => ch >= '0' && ch <= '9';

/** go-yaml's keyList.Less for string keys: runs of digits compare as numbers, non-letters before letters. */
export function goKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]! < br[i]!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]! < br[i]!;
  }
  return ar.length < br.length;
}

export function goSortKeys(keys: string[]): string[] {
  return [...keys].sort((a, b) => (goKeyLess(a, b) ? -1 : goKeyLess(b, a) ? 1 : 0));
}


/** go-yaml's encodeBase64: lines of 70 characters, each ending in a newline when there is more than one line. */
export function goBase64(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('base64');
  if (text.length < 70) return text;
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 70) lines.push(`${text.slice(i, i + 70)}\n`);
  return lines.join('');
}

export function goYamlDialect(lineWidth: number): YamlDialect {
  return {
    unicode: true,
    lineWidth,
    documentStart: true,
    wantedStyle(text) {
      const plainImplicit = plainIsStringGo(text);
      if (text.includes('\n')) return { style: 'literal', plainImplicit };
      return { style: plainImplicit ? 'plain' : 'double', plainImplicit };
    },
    // stringv: a one-line base64 is plain, a longer one (lines end in newlines) a literal block.
    binary(bytes) {
      if (isUtf8(bytes)) return undefined;
      const base64 = goBase64(bytes);
      return { tag: 'tag:yaml.org,2002:binary', base64, style: base64.includes('\n') ? 'literal' : 'plain' };
    },
  };
}
