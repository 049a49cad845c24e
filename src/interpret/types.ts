// The LLM view of an interaction: what was asked, what came back. Every dialect produces these.

import type { Diagnostic } from '../findings/diagnostic.ts';

/** The API dialect an interaction speaks. */
export type Provider =
  | 'openai-chat'
  | 'openai-responses'
  | 'openai-completions'
  | 'anthropic'
  | 'gemini'
  | 'bedrock'
  | 'bedrock-converse'
  | 'cohere'
  | 'ollama'
  | 'openai-assistants';

export type Role = 'system' | 'developer' | 'user' | 'assistant' | 'tool';

export interface ToolCall {
  /** The provider's call id (null when the API has none, e.g. Gemini). */
  id: string | null;
  name: string;
  /** Parsed JSON arguments; the raw string when it does not parse (then `invalidArguments` is set). */
  arguments: unknown;
  invalidArguments?: true;
}

/** A piece of a message. Binary payloads are summarized, never copied. */
export type ContentPart =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string; signature?: string; redacted?: true }
  | { type: 'image'; mediaType: string; bytes?: number; url?: string }
  | { type: 'file'; mediaType: string; bytes?: number; name?: string; url?: string }
  | ({ type: 'tool-call' } & ToolCall)
  | { type: 'tool-result'; toolCallId: string | null; name?: string; content: string; isError?: true }
  /** Anything else (server tool results, audio, …): a kind and a one-line summary. */
  | { type: 'other'; kind: string; summary: string };

export interface Message {
  role: Role;
  content: ContentPart[];
}

export interface ToolDefinition {
  name: string;
  description?: string;
  parameters?: unknown;
  /** Provider tool type when it is not a plain function (e.g. "web_search", "computer_20250124"). */
  kind?: string;
}

export interface ResponseFormat {
  type: string;
  name?: string;
  schema?: unknown;
}

export interface LlmRequest {
  model: string | null;
  system: string | null;
  messages: Message[];
  tools: ToolDefinition[];
  stream: boolean;
  responseFormat?: ResponseFormat;
  /** OpenAI Responses `previous_response_id`: earlier turns live on the server, not in `messages`. */
  previousResponseId?: string;
}

/** Token counts, normalized across providers; see the README for where each comes from. */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  totalTokens?: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
  reasoningTokens?: number;
  /** Of `inputTokens`, those that were audio / image tokens (priced apart; OpenAI transcriptions, image edits). */
  inputAudioTokens?: number;
  inputImageTokens?: number;
  /**
   * Anthropic `usage.iterations`: one entry per model call behind the answer (the executor's
   * `message`s, an `advisor_message`, a `compaction`, a `fallback_message` when the request fell
   * back to another model), as reported; the top-level counts above are the provider's own totals.
   */
  iterations?: UsageIteration[];
}

/** One model call of a multi-call answer (Anthropic `usage.iterations[]`). */
export interface UsageIteration {
  /** The provider's iteration type: `message`, `advisor_message`, `compaction`, `fallback_message`, … */
  type: string;
  model?: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
}

export interface LlmError {
  type: string;
  message: string;
}

export interface Citation {
  url: string;
  title?: string;
}

export interface LlmResponse {
  /** The response id (chatcmpl-…, msg_…, resp_…) when one was sent. */
  id?: string;
  model?: string;
  text: string;
  reasoning: string;
  toolCalls: ToolCall[];
  refusal?: string;
  finishReason: string | null;
  usage: Usage | null;
  /** The stream ended early: no terminator and no finish reason. */
  incomplete?: true;
  /** Number of stream events (0 for a plain JSON response). */
  events: number;
  error?: LlmError;
  citations?: Citation[];
  /** Server-side tool activity (web search calls, results), summarized. */
  serverTools?: ContentPart[];
  /** The call's cost in USD as the provider reported it in the response (OpenRouter `usage.cost`). */
  providerCost?: number;
  /**
   * Opaque reasoning signatures that came with the answer's parts (Gemini `thoughtSignature`), whole
   * and in order: the SDK must send each back on its part (then a reasoning part's `signature`).
   */
  signatures?: string[];
  /**
   * What the reducer could not use. analyzeInteraction moves these to AnalyzedInteraction.diagnostics
   * (with the decoder's), so an Exchange never carries them.
   */
  diagnostics?: Diagnostic[];
}

export interface Exchange {
  provider: Provider;
  /** The API host, e.g. api.openai.com, openrouter.ai, localhost:8080. */
  host: string;
  model: string | null;
  request: LlmRequest;
  response: LlmResponse;
}
