// The convert seam: one module per target recorder, one line in TARGETS (index.ts).

import type { AnalyzedCassette } from '../interpret/index.ts';
import type { CassetteFormat } from '../model.ts';

/** What a target has no field for: left out of the converted file (README, and the round-trip test). */
export type Loss =
  /** Response durations (vcrpy, Ruby VCR). */
  | 'durations'
  /** The recorder's interaction ids (every target but go-vcr v2, which numbers them). */
  | 'ids'
  /** Header names are written in lower case (Polly.js records them so). */
  | 'header-case'
  /** The HTTP version (vcrpy, go-vcr v1, Ruby VCR when it was not recorded). */
  | 'http-version'
  /** go-vcr's request form, host and content lengths. */
  | 'go-vcr-fields'
  /** Request bodies that are not UTF-8 (multipart uploads): Polly keeps no text for them, only their `_id`. */
  | 'binary-request-bodies'
  /** A request header sent twice keeps its first value (vcrpy's Request holds one value per header). */
  | 'repeated-request-headers';

export interface ConvertOptions {
  /** The CLI version (HAR creator). */
  version: string;
  /** Polly's recording name (its fs persister's folder is `<name>_<hash>`). */
  recordingName?: string;
  /** Polly: compute `_id` with request headers (Polly's default matchRequestsBy.headers: true). */
  pollyMatchHeaders?: boolean;
}

export interface ConvertTarget {
  /** The `--to` name. */
  name: string;
  /** A few words for help and messages. */
  title: string;
  /** The extension of the written file, with its dot. */
  extension: string;
  /** The format our reader reads the written file as. */
  readsAs: CassetteFormat;
  cannotHold: readonly Loss[];
  /** The file's text. Pure: the same cassette gives the same bytes. */
  write(analyzed: AnalyzedCassette, options: ConvertOptions): string;
  /**
   * The output path below `-o` when the target has its own layout (Polly: `<name>_<hash>/recording.har`);
   * `base` is the output path the cassette would get otherwise, without extension.
   */
  layout?(base: string, options: ConvertOptions): string;
}
