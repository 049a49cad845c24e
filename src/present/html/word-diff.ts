// Two values side by side with what changed marked word by word: the old side shows what was
// removed (<del>), the new side what was added (<ins>). Objects are compared as pretty JSON text.

import { diffWordsWithSpace } from 'diff';
import { longText } from './blocks.ts';
import { html, type SafeHtml } from './escape.ts';

export interface Sides {
  old: SafeHtml;
  new: SafeHtml;
}

/** Very different long texts would take long to align: then both are shown whole, all marked. */
const MAX_EDIT = 5000;
/** Above this size a value is shown cut (see longText), not aligned. */
const ALIGN_LIMIT = 20_000;

export function valueText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2) ?? String(value);
}

const visible = (text: string) => text.replace(/\s+/g, '').length;

/** Both texts, the words that differ marked on each side. */
export function wordDiffSides(oldText: string, newText: string): Sides {
  if (oldText.length > ALIGN_LIMIT || newText.length > ALIGN_LIMIT) {
    return { old: html`<del>${longText(oldText)}</del>`, new: html`<ins>${longText(newText)}</ins>` };
  }
  const parts = diffWordsWithSpace(oldText, newText, { maxEditLength: MAX_EDIT });
  const kept = (parts ?? []).reduce((sum, part) => sum + (part.added || part.removed ? 0 : visible(part.value)), 0);
  // A rewritten text reads better as before and after than as a patchwork of words.
  if (!parts || kept < 0.4 * Math.max(visible(oldText), visible(newText))) {
    return { old: html`<del class="text">${oldText}</del>`, new: html`<ins class="text">${newText}</ins>` };
  }
  const old: SafeHtml[] = [];
  const now: SafeHtml[] = [];
  const changed = (i: number) => !!(parts[i]?.added || parts[i]?.removed);
  for (const [i, part] of parts.entries()) {
    if (part.removed) old.push(html`<del>${part.value}</del>`);
    else if (part.added) now.push(html`<ins>${part.value}</ins>`);
    else if (/^[ \t]+$/.test(part.value) && changed(i - 1) && changed(i + 1)) {
      // A space between two changed words: marked too, so a rewritten phrase reads as one change.
      old.push(html`<del>${part.value}</del>`);
      now.push(html`<ins>${part.value}</ins>`);
    } else {
      old.push(html`${part.value}`);
      now.push(html`${part.value}`);
    }
  }
  return { old: html`<span class="text">${old}</span>`, new: html`<span class="text">${now}</span>` };
}
