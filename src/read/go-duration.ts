// Go's time.Duration text form ("113.669917ms", "1m2.5s", "850µs") → milliseconds.

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3,
  'μs': 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/** Milliseconds, or undefined when the text is not a Go duration. A bare number is nanoseconds. */
export function parseGoDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return value / 1e6;
  if (typeof value !== 'string') return undefined;
  let text = value.trim();
  let sign = 1;
  if (text.startsWith('-')) {
    sign = -1;
    text = text.slice(1);
  } else if (text.startsWith('+')) text = text.slice(1);
  if (text === '0') return 0;
  if (/^\d+$/.test(text)) return (sign * Number(text)) / 1e6;
  PART.lastIndex = 0;
  let total = 0;
  let matched = 0;
  while (PART.lastIndex < text.length) {
    const start = PART.lastIndex;
    const m = PART.exec(text);
    if (!m || m.index !== start) return undefined;
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    matched++;
  }
  return matched ? sign * total : undefined;
}
