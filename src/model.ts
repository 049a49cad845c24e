// The domain model. Types only: every stage reads and writes these.

/** A body as recorded: text, or bytes when the recorder stored it as `!!binary`. */
export type Body = string | Uint8Array;

/**
 * Set when the recorder did not store the body's bytes but a structure, and `body` is that
 * structure serialized again as the recorder's own replay does: pydantic-ai's `parsed_body` is
 * replayed as Python's json.dumps of it. A Content-Length recorded with it describes bytes that
 * were never stored (lint does not measure it; convert writes the length of `body`).
 */
export type BodyReserialized = 'python-json-dumps';

/**
 * The name of the file beside the cassette that holds the body (Playwright's HAR `_file`, written by
 * `recordHar` with `content: 'attach'`, a `.zip` path, or `routeFromHAR` with `update: true`). The
 * format's reader leaves `body` empty; the read stage (src/read/attached-bodies.ts) fills it.
 */
export type BodyFile = string;

/** HTTP headers as go-vcr keeps them: name (as recorded) → list of values. */
export type Headers = Record<string, string[]>;

export interface HttpRequest {
  method: string;
  url: string;
  headers: Headers;
  body: Body;
  /** See BodyReserialized. */
  bodyReserialized?: BodyReserialized;
  bodyFile?: BodyFile;
  form?: Record<string, string[]>;
  contentLength?: number;
  host?: string;
  proto?: string;
}

export interface HttpResponse {
  /** Numeric status code (go-vcr `code`, or parsed from `status`). */
  status: number;
  /** The status line as recorded, e.g. "200 OK". */
  statusText: string;
  headers: Headers;
  body: Body;
  /** See BodyReserialized. */
  bodyReserialized?: BodyReserialized;
  bodyFile?: BodyFile;
  durationMs?: number;
  contentLength?: number;
  proto?: string;
}

/** One recorded request/response pair. */
export interface Interaction {
  /** Position in the cassette, from 0. */
  index: number;
  /** The recorder's own id, when it wrote one. */
  id?: number;
  /** 1-based line of the interaction in the source file, when known. */
  line?: number;
  request: HttpRequest;
  response: HttpResponse;
}

export type CassetteFormat = 'go-vcr' | 'vcrpy' | 'vcrpy-json' | 'ruby-vcr' | 'ruby-vcr-json' | 'har';

export interface Cassette {
  /** Path as given by the user. */
  file: string;
  format: CassetteFormat;
  formatVersion: number;
  interactions: Interaction[];
}
