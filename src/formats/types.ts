// The format seam. A format module detects its cassettes from the parsed document (never from the
// file name), reads them into the shared model, and describes where its secrets live, so that scrub
// has one walker over the sites of any format. `FORMATS` (index.ts) is the one registry.

import type { Cassette, CassetteFormat } from '../model.ts';
import type { WholeFloats } from '../read/whole-floats.ts';

/** The syntax a document was parsed from; scrub edits YAML through the CST and JSON as text. */
export type Syntax = 'yaml' | 'json';

/**
 * A path into the parsed document: map keys, and `'*'` for every item of a list. Site paths of
 * requests and responses are relative to one interaction (an item of `interactions`).
 */
export type SitePath = readonly string[];

/** How a format writes headers. */
export type HeaderShape =
  /** `{Name: [v1, v2]}` (go-vcr, vcrpy, Ruby VCR); a single scalar value is accepted as a list of one. */
  | 'map-of-lists'
  /** `[{name, value}]` (HAR). */
  | 'name-value-list';

/** Where a body is, and how its scalar encodes the bytes. */
export interface BodySite {
  path: SitePath;
  /**
   * 'text': the scalar is the body (a `!!binary` / `!binary` tag on it means base64 bytes).
   * 'base64': the scalar is always base64 (Ruby VCR `base64_string`).
   * 'structure': a mapping or list standing for a JSON body (pydantic-ai `parsed_body`): every scalar
   * inside is scanned as text.
   */
  encoding: 'text' | 'base64' | 'structure';
  /** The scalar is base64 only when this sibling (same parent map) has this value (HAR `encoding: base64`). */
  base64When?: { key: string; equals: string };
  /** A sibling (same parent map) naming the body's media type (HAR `mimeType`): form-encoded there counts as the Content-Type does. */
  mediaType?: string;
}

/** The secret sites of a request or of a response, relative to the interaction. */
export interface MessageSites {
  /** The map holding this message (e.g. `['request']`, `['response']`); body/header paths are relative to the interaction too. */
  root: SitePath;
  url?: SitePath;
  headers: { path: SitePath; shape: HeaderShape }[];
  bodies: BodySite[];
  /**
   * go-vcr's parsed form fields: a map of lists, credential query parameter names redacted. (A
   * form-encoded body at any body site gets the same rule, by the message's Content-Type.)
   */
  form?: SitePath;
  /**
   * Fields recording the body's byte length (go-vcr `content_length`, HAR `bodySize` and
   * `content.size`): scrub keeps each true when it changes the body's size, if it was true before.
   */
  contentLength?: SitePath[];
  /** Cookie lists of `{name, value}` (HAR). */
  cookies?: SitePath;
  /** A `host` field (go-vcr's request.host). */
  host?: SitePath;
  /** Query parameters as `{name, value}` (HAR `queryString`). */
  query?: SitePath;
  /** Form parameters as `{name, value}` (HAR `postData.params`): credential parameter names redacted, as in a query. */
  params?: SitePath;
}

export interface SecretSites {
  /** Path from the document root to the list of interactions. */
  interactions: SitePath;
  request: MessageSites;
  response: MessageSites;
}

/** What the parse step hands a format's reader. */
export interface ParsedDocument {
  file: string;
  syntax: Syntax;
  /** The plain value (as `yaml`'s `doc.toJS()` or `JSON.parse` gives it; `!!binary` as Uint8Array). */
  value: unknown;
  /** 1-based line where each item of the interaction list starts, when known. */
  interactionLines: number[];
  /** The source text of a JSON document, where the reader finds those lines once the format is known. */
  text?: string;
  /** YAML: where the floats with a whole value are (`1.0`; JSON.parse cannot tell, so none for JSON). */
  wholeFloats?: WholeFloats;
  /**
   * Read by JSON.parse or the fast YAML reader (not the `yaml` package): every value is what the CST
   * editor reads there, so scrub's quick verdict (src/scrub/fast-check.ts) may trust it.
   */
  fastRead?: true;
}

export interface FormatModule {
  /** The model's name for it: `show --json`'s `format` field. */
  name: CassetteFormat;
  /** A few words for messages and the README: "go-vcr", "vcrpy (YAML)", "HAR 1.2". */
  title: string;
  syntax: Syntax;
  /** True when `value`, a parsed document, is this format. Cheap: looks at the top of the structure. */
  detect(value: unknown): boolean;
  /** The format's version as written in the document (go-vcr 1 or 2, vcrpy 1, HAR "1.2" → 1.2). */
  version(value: unknown): number;
  /** The document → the shared model. Throws CassetteError (with a line when known) on a malformed one. */
  read(doc: ParsedDocument): Cassette;
  sites: SecretSites;
  /** Bodies the recorder kept in files beside the cassette (Playwright's HAR `_file`), for scrub to scan. */
  attachedBodies?(value: unknown): AttachedBody[];
}

/** A body kept in its own file beside the cassette; `name` as the cassette writes it. */
export interface AttachedBody {
  interaction: number;
  side: 'request' | 'response';
  name: string;
  /** The media type the cassette records for it ('' when none). */
  mediaType: string;
  /** Where the cassette names the file, for findings: `log.entries[1].response.content._file`. */
  path: string;
}
