// Which of a format's secret `sites` a path inside one interaction is, and whether a message's
// body is form-encoded: the one place both walkers take this from — the CST editor (edit-cst.ts)
// over yaml tokens, the quick verdict (fast-check.ts) over the parsed value. Loads no `yaml`.

import type { MessageSites, SecretSites, SitePath } from '../formats/types.ts';
import type { ValueKind } from './scan.ts';

export type Path = Array<string | number>;

/** What a path relative to one interaction is, by the format's sites. */
export type SiteKind =
  | 'frame'
  | 'url'
  | 'headers-map'
  | 'headers-list'
  | 'form'
  | 'cookies'
  | 'query'
  /** A body scalar (encoding 'text', not base64 here). */
  | 'body'
  /** A body held as a structure (pydantic-ai `parsed_body`): every scalar below it is body text. */
  | 'structure-body'
  | 'base64-body';

const samePath = (a: readonly (string | number)[], b: SitePath) => a.length === b.length && b.every((p, i) => p === '*' || p === a[i]);

/**
 * The site at `rel`. `sibling` reads a scalar beside the value in the same map (HAR's
 * `encoding: base64` beside `text`); without it a body is taken as written (text).
 */
export function siteOf(rel: readonly (string | number)[], sites: SecretSites, sibling?: (key: string) => unknown): SiteKind | undefined {
  for (const m of [sites.request, sites.response] as MessageSites[]) {
    if (samePath(rel, m.root)) return 'frame';
    if (m.url && samePath(rel, m.url)) return 'url';
    for (const h of m.headers) if (samePath(rel, h.path)) return h.shape === 'map-of-lists' ? 'headers-map' : 'headers-list';
    if (m.form && samePath(rel, m.form)) return 'form';
    if (m.cookies && samePath(rel, m.cookies)) return 'cookies';
    if (m.query && samePath(rel, m.query)) return 'query';
    if (m.params && samePath(rel, m.params)) return 'query';
    // A path may have several body sites (HAR's request body is base64 by either of two siblings).
    let body: SiteKind | undefined;
    for (const b of m.bodies) {
      if (!samePath(rel, b.path)) continue;
      if (b.encoding === 'base64' || (b.base64When && sibling?.(b.base64When.key) === b.base64When.equals)) return 'base64-body';
      body ??= b.encoding === 'structure' ? 'structure-body' : 'body';
    }
    if (body) return body;
  }
  return undefined;
}

/** Headers whose whole value is a URL, absolute or relative (RFC 9110). */
const URL_HEADERS = new Set(['location', 'content-location']);

/**
 * How an ordinary header's value is scanned: a redirect's `Location` (any spelling, in either header
 * shape) is a URL — OAuth flows put `?code=` or `#access_token=` there — so its query and fragment get
 * the credential parameter rule as request URLs do, and so does `Content-Location`. In any other
 * header each absolute URL gets that rule (Link's `<…>`, Refresh's `url=…`); the rest is text.
 */
export function headerValueKind(name: string): ValueKind {
  return URL_HEADERS.has(name.toLowerCase()) ? 'url' : 'header';
}

/** The message (request or response) whose map is at `rel`, if it is one. */
export function messageAt(rel: readonly (string | number)[], sites: SecretSites): MessageSites | undefined {
  return [sites.request, sites.response].find((m) => samePath(rel, m.root));
}

/** A site path relative to the message's map; undefined for one outside the message. */
export function inMessage(m: MessageSites, path: SitePath): SitePath | undefined {
  return m.root.every((p, i) => p === path[i]) ? path.slice(m.root.length) : undefined;
}

/** Where a message's header collections are, relative to the message's map, with their shape. */
export function headerSites(m: MessageSites): Array<{ path: SitePath; shape: MessageSites['headers'][number]['shape'] }> {
  return m.headers.flatMap((h) => {
    const path = inMessage(m, h.path);
    return path ? [{ path, shape: h.shape }] : [];
  });
}

/** Sibling keys of a message's body sites that name the body's media type (HAR `mimeType`), relative to the message's map. */
export function mediaTypeSites(m: MessageSites): SitePath[] {
  return m.bodies.filter((b) => b.mediaType).map((b) => [...inMessage(m, b.path)!.slice(0, -1), b.mediaType!]);
}

/**
 * A message's body is form-encoded (`application/x-www-form-urlencoded`) when any of its
 * Content-Type values (every header site, every value, any spelling of the name) or a body's media
 * type says so. A value that is no text (a number, bytes) cannot be read here: counted as form-encoded,
 * since the form scan finds everything the text scan finds, and more.
 */
export function isFormEncoded(types: readonly unknown[]): boolean {
  return types.some((t) => typeof t !== 'string' || t.toLowerCase().includes('x-www-form-urlencoded'));
}

/**
 * A node of a format's site tree: one prefix of a site path, from the document root. Walking the tree
 * along with the document gives each value's site without building a path for every key (the quick
 * verdict's hot loop); each node's answer is siteOf's for its path, so both walkers agree.
 */
export interface SiteNode {
  /** The path inside one interaction; undefined above the interaction items. */
  rel?: SitePath;
  /** siteOf(rel) without a sibling. */
  kind?: SiteKind;
  /** A body site whose kind depends on a sibling (HAR `encoding: base64`): ask siteOf with it. */
  bySibling: boolean;
  /** For a frame: its message's header sites and media type sites, relative to its map. */
  headers?: ReturnType<typeof headerSites>;
  mediaTypes?: SitePath[];
  keys: Map<string, SiteNode>;
  /** The child for every item of a list (the interactions, or a `*` in a site path). */
  items?: SiteNode;
}

const trees = new WeakMap<SecretSites, SiteNode>();

/** The site tree of a format's sites (built once per format). */
export function siteTree(sites: SecretSites): SiteNode {
  let tree = trees.get(sites);
  if (!tree) trees.set(sites, (tree = buildTree(sites)));
  return tree;
}

function buildTree(sites: SecretSites): SiteNode {
  const node = (rel?: SitePath): SiteNode => {
    const n: SiteNode = { bySibling: false, keys: new Map() };
    if (!rel) return n;
    const m = messageAt(rel, sites);
    Object.assign(n, {
      rel,
      kind: siteOf(rel, sites),
      bySibling: [sites.request, sites.response].some((s) => s.bodies.some((b) => b.base64When && samePath(rel, b.path))),
      ...(m ? { headers: headerSites(m), mediaTypes: mediaTypeSites(m) } : {}),
    });
    return n;
  };
  const root = node();
  let list = root;
  for (const key of sites.interactions) list = getOrAdd(list, key, () => node());
  const item = (list.items = node([]));
  for (const m of [sites.request, sites.response]) {
    const paths = [m.root, m.url, m.form, m.cookies, m.query, m.params, ...m.headers.map((h) => h.path), ...m.bodies.map((b) => b.path)];
    for (const path of paths) {
      let at = item;
      path?.forEach((key, i) => {
        const rel = path.slice(0, i + 1);
        at = key === '*' ? (at.items ??= node(rel)) : getOrAdd(at, key, () => node(rel));
      });
    }
  }
  return root;
}

function getOrAdd(parent: SiteNode, key: string, make: () => SiteNode): SiteNode {
  let child = parent.keys.get(key);
  if (!child) parent.keys.set(key, (child = make()));
  return child;
}

/** The site of a node's value; `sibling` reads a key of the map holding it. */
export function nodeKind(node: SiteNode, sites: SecretSites, sibling: (key: string) => unknown): SiteKind | undefined {
  return node.bySibling ? siteOf(node.rel!, sites, sibling) : node.kind;
}
