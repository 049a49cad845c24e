// Header lookups by name, any capitalisation: HTTP's, used by every stage (decode, interpret, scrub).

import type { Headers } from '../model.ts';

export function headerValue(headers: Headers, name: string): string | undefined {
  const wanted = name.toLowerCase();
  // for…in, and lower-casing only names of the right length: called for every body.
  for (const key in headers) {
    if (key.length === wanted.length && key.toLowerCase() === wanted) return headers[key]![0];
  }
  return undefined;
}

/** Every value of a header, under any capitalisation of its name (Cookie, Set-Cookie). */
export function headerValues(headers: Headers, name: string): string[] {
  const wanted = name.toLowerCase();
  return Object.entries(headers).flatMap(([key, values]) => (key.toLowerCase() === wanted ? values : []));
}
