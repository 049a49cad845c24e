// The one way text reaches the HTML report: `html` templates escape every interpolated value, so a
// recorded body (model output with <script>, `javascript:` URLs, quotes) can only ever be text.
// Markup is a `SafeHtml`, made by `html` itself or, for our own constants (CSS, script), by
// `trusted`; nothing from a cassette is ever passed to `trusted`.

/** Markup that is safe to insert as is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };
const TEXT_SPECIALS = /[&<>]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ATTRIBUTE_SPECIALS = /[&<>"'`]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text as HTML: `& < >` become entities, and in a quoted attribute value also `" ' \``. Lone
 * surrogates and control characters other than tab/newline/CR become U+FFFD, so the document stays
 * well formed. Quotes are left as they are in text, where they mean nothing: recorded JSON is full
 * of them, and `&quot;` for each made a corpus report a quarter bigger.
 */
export function escapeHtml(text: string, context: 'text' | 'attribute' = 'attribute'): string {
  return text.replace(context === 'text' ? TEXT_SPECIALS : ATTRIBUTE_SPECIALS, (c) => ENTITIES[c] ?? '\ufffd');
}

/** A boolean attribute, the one thing that may be interpolated inside a tag: see `flag`. */
export class BooleanAttribute {
  constructor(readonly value: string) {}
}

/** ` open` when `on`, else nothing: `<details${flag('open', on)}>`. */
export function flag(name: 'open' | 'hidden', on: boolean): BooleanAttribute {
  return new BooleanAttribute(on ? ` ${name}` : '');
}

export type HtmlValue = SafeHtml | BooleanAttribute | string | number | boolean | null | undefined | readonly HtmlValue[];

type Context = 'text' | 'attribute' | 'tag';

function render(value: HtmlValue, context: Context): string {
  if (context === 'tag') {
    if (value instanceof BooleanAttribute) return value.value;
    throw new Error('html: only flag(…) may be interpolated inside a tag, outside a quoted attribute value');
  }
  if (value instanceof BooleanAttribute) throw new Error('html: flag(…) belongs inside a tag');
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) {
    // Markup inside an attribute value would end it: only plain values go there.
    if (context === 'attribute') return escapeHtml(value.value, 'attribute');
    return value.value;
  }
  if (Array.isArray(value)) return value.map((v) => render(v, context)).join('');
  return escapeHtml(String(value), context);
}

/**
 * Where each interpolation of a template stands: in text, in a double-quoted attribute value, or
 * elsewhere in a tag, where only a `flag` may go (anything else there could add attributes, so
 * `render` throws). Cached per call site.
 */
const contexts = new WeakMap<TemplateStringsArray, Context[]>();

function contextsOf(strings: TemplateStringsArray): Context[] {
  let found = contexts.get(strings);
  if (found) return found;
  found = [];
  let state: 'text' | 'tag' | 'attribute' = 'text';
  for (let i = 0; i < strings.length - 1; i++) {
    const literal = strings[i]!;
    for (let j = 0; j < literal.length; j++) {
      const c = literal[j]!;
      if (state === 'text') {
        if (c === '<' && /[A-Za-z/!]/.test(literal[j + 1] ?? '')) state = 'tag';
      } else if (state === 'tag') {
        if (c === '"') state = 'attribute';
        else if (c === '>') state = 'text';
      } else if (c === '"') state = 'tag';
    }
    found.push(state);
  }
  contexts.set(strings, found);
  return found;
}

/** A template whose interpolations are escaped (arrays joined; null, undefined and false are empty). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  const where = contextsOf(strings);
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i], where[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Our own markup constants (styles, the script); never a value read from a cassette. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Joins pieces of markup. */
export function join(parts: readonly HtmlValue[], separator: HtmlValue = ''): SafeHtml {
  const sep = render(separator, 'text');
  return new SafeHtml(parts.map((part) => render(part, 'text')).filter((p) => p !== '').join(sep));
}
