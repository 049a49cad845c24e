// Endpoints that are not a chat turn (embeddings, count-tokens, model lists, images, files,
// batches, …): each is named with a one-line summary instead of a body dump. One file per API
// family, registered in index.ts, like the chat dialects.

import type { DecodedBody } from '../../decode/types.ts';
import type { HttpResponse } from '../../model.ts';
import type { RequestInfo } from '../dialect.ts';
import type { Usage } from '../types.ts';

/** The API family an endpoint belongs to (OpenAI covers the OpenAI-compatible servers). */
export type EndpointProvider = 'openai' | 'gemini' | 'anthropic' | 'cohere' | 'bedrock' | 'ollama';

export type EndpointKind =
  | 'embeddings'
  | 'count-tokens'
  | 'models'
  | 'images'
  | 'speech'
  | 'transcriptions'
  | 'translations'
  | 'moderations'
  | 'rerank'
  | 'files'
  | 'uploads'
  | 'batches'
  | 'fine-tuning'
  | 'vector-stores'
  | 'assistants'
  | 'threads'
  | 'messages'
  | 'runs'
  | 'run-steps'
  | 'conversations'
  | 'responses'
  | 'response-items'
  | 'realtime-sessions'
  | 'organization-usage'
  | 'cached-contents'
  | 'file-search-stores';

/** What the request did to the resource, from the method and path. */
export type EndpointAction = 'create' | 'list' | 'retrieve' | 'update' | 'delete' | 'cancel' | 'content' | 'search' | 'submit' | 'upload' | 'count';

export interface EndpointSummary {
  provider: EndpointProvider;
  kind: EndpointKind;
  action: EndpointAction;
  /** The model the request or response names; null when the endpoint has none. */
  model: string | null;
  /** One line for a person: counts, sizes, status; never vectors, base64 or whole bodies. */
  summary: string;
  /** Tokens billed, when the response reports them (embeddings, image generation, runs). */
  usage?: Usage;
  /** The main count of the kind: inputs embedded, items listed, images returned, tokens counted. */
  count?: number;
}

/** What a summarizer reads: the request, the decoded response and its status. */
export interface EndpointInput {
  request: RequestInfo;
  /** The request body's JSON value, or the text fields of a multipart form; {} when neither. */
  fields: Record<string, unknown>;
  body: DecodedBody;
  /** The response body's JSON value; undefined when it is not JSON. */
  value: unknown;
  response: HttpResponse;
  /** The path's match of the endpoint's pattern. */
  match: RegExpExecArray;
}

/** A summary without provider and kind (the endpoint adds them); action defaults from the method. */
export type EndpointFacts = Omit<EndpointSummary, 'provider' | 'kind' | 'action' | 'model'> & {
  action?: EndpointAction;
  model?: string | null;
  /** Another family's endpoint answered on the same path (e.g. Anthropic's /v1/models). */
  provider?: EndpointProvider;
};

export interface Endpoint {
  provider: EndpointProvider;
  kind: EndpointKind;
  /** Matched against the URL path (never the host); anchored at the end so proxies' prefixes pass. */
  path: RegExp;
  /** Methods it answers; any when absent. */
  methods?: string[];
  /** A further test on the request (body shape, model id), when the path alone is not enough. */
  accepts?(info: RequestInfo, match: RegExpExecArray): boolean;
  /**
   * The summary of a 2xx response; undefined when the body is not the documented shape (another
   * endpoint on the same path may read it, else the interaction gets an `unknown-endpoint`).
   */
  summarize(input: EndpointInput): EndpointFacts | undefined;
}
