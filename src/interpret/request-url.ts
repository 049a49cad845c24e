// The two parts of a request URL that dialects read: host and path. Most recorded URLs are plain
// `https://host/path?query`, where both come straight from the text; anything the WHATWG parser
// would rewrite (case, default ports, dot segments, IP addresses, IDNA, userinfo, whitespace) goes
// through `new URL`, which costs a few µs a call in Node 20 (~8 ms over the corpus, cold).
// test/interpret/request-url.test.ts checks the fast path against `new URL`.

export interface RequestUrl {
  /** Host and non-default port, as URL.host gives it. */
  host: string;
  /** As URL.pathname gives it: `/` when empty. */
  pathname: string;
}

const PLAIN_URL = /^(https?):\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(\d+))?(\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*)?(?:[?#][^\x00-\x20\x7f]*)?$/;
const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443' };
/** A `.` or `..` segment, also percent-encoded: the parser removes or resolves these. */
const DOT_SEGMENT = /\/(?:\.|%2e)(?:\.|%2e)?(?:\/|$)/i;
/** A last label that makes the host an IPv4 address to normalise (`10.0.0.1`, `0x7f.1`). */
const NUMERIC_LABEL = /(?:^|\.)(?:\d+|0x[0-9a-f]*)$/;

/** Host and path read straight from a plain URL's text; undefined for any other URL. */
export function plainRequestUrl(url: string): RequestUrl | undefined {
  const plain = PLAIN_URL.exec(url);
  if (!plain) return undefined;
  const [, scheme, hostname, port, path] = plain as unknown as [string, string, string, string | undefined, string | undefined];
  const plainPort = port === undefined || (/^[1-9]\d{0,4}$/.test(port) && Number(port) <= 65535 && port !== DEFAULT_PORT[scheme]);
  const plainHost = !hostname.startsWith('xn--') && !hostname.includes('.xn--') && !NUMERIC_LABEL.test(hostname);
  if (!plainPort || !plainHost || (path && DOT_SEGMENT.test(path))) return undefined;
  return { host: port === undefined ? hostname : `${hostname}:${port}`, pathname: path || '/' };
}

/** Host and path of a URL, or undefined when it is not a valid URL. */
export function parseRequestUrl(url: string): RequestUrl | undefined {
  const plain = plainRequestUrl(url);
  if (plain) return plain;
  try {
    const parsed = new URL(url);
    return { host: parsed.host, pathname: parsed.pathname };
  } catch {
    return undefined;
  }
}
