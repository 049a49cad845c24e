// Generates samples/openai-assistants-stream.yaml: OpenAI Assistants (v2) run streams as the API
// reference documents them (AssistantStreamEvent; fake ids and figures): create-thread-and-run with
// a cited answer; a run whose function call streams in run-step deltas and waits (requires_action);
// the tool outputs submitted, answered by a stream; a code interpreter step; a failed run; a stream
// cut before the run finished; a stream with what the reader reports (unknown event, early deltas,
// unparsable data).
// Run: node scripts/samples/openai-assistants.mjs

import { join } from 'node:path';
import { writeGoVcr } from './go-vcr.mjs';

const SAMPLES = join(import.meta.dirname, '../../samples');
const BASE = 'https://api.openai.com/v1';
const SDK = { 'User-Agent': ['OpenAI/Python 1.99.9'], 'OpenAI-Beta': ['assistants=v2'] };
const SSE = { 'Content-Type': ['text/event-stream; charset=utf-8'] };
const ASSISTANT = 'asst_Vx3mQp8LrT2wKc9NbY4dHs1e';
const THREAD = 'thread_Kp7sWq2ZxR9tLm4NvB6cYd3f';

const sse = (events) => events.map(([event, data]) => `event: ${event}\ndata: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`).join('');

function run(id, status, extra = {}) {
  return {
    id,
    object: 'thread.run',
    created_at: 1764800000,
    assistant_id: ASSISTANT,
    thread_id: THREAD,
    status,
    started_at: status === 'queued' ? null : 1764800001,
    expires_at: 1764800600,
    cancelled_at: null,
    failed_at: status === 'failed' ? 1764800003 : null,
    completed_at: status === 'completed' ? 1764800004 : null,
    required_action: null,
    last_error: null,
    model: 'gpt-4o-2024-08-06',
    instructions: 'You are a travel assistant. Cite the guide when you use it.',
    tools: [{ type: 'file_search' }, { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } }],
    tool_resources: {},
    metadata: {},
    temperature: 1.0,
    top_p: 1.0,
    max_completion_tokens: null,
    max_prompt_tokens: null,
    truncation_strategy: { type: 'auto', last_messages: null },
    incomplete_details: null,
    usage: null,
    response_format: 'auto',
    tool_choice: 'auto',
    parallel_tool_calls: true,
    ...extra,
  };
}

function step(id, runId, type, status, details, usage = null) {
  return { id, object: 'thread.run.step', created_at: 1764800002, run_id: runId, assistant_id: ASSISTANT, thread_id: THREAD, type, status, cancelled_at: null, completed_at: status === 'completed' ? 1764800003 : null, expired_at: null, failed_at: null, last_error: null, step_details: details, usage };
}

function message(id, runId, status, content = []) {
  return { id, object: 'thread.message', created_at: 1764800002, assistant_id: ASSISTANT, thread_id: THREAD, run_id: runId, status, incomplete_details: null, incomplete_at: null, completed_at: status === 'completed' ? 1764800003 : null, role: 'assistant', content, attachments: [], metadata: {} };
}

const textDelta = (id, value, annotations) => ({ id, object: 'thread.message.delta', delta: { content: [{ index: 0, type: 'text', text: annotations ? { value, annotations } : { value } }] } });

/** A message created, streamed in pieces and completed, inside its message_creation step. */
function messageEvents(runId, stepId, messageId, pieces, annotations = []) {
  const value = pieces.join('');
  const creation = { type: 'message_creation', message_creation: { message_id: messageId } };
  return [
    ['thread.run.step.created', step(stepId, runId, 'message_creation', 'in_progress', creation)],
    ['thread.run.step.in_progress', step(stepId, runId, 'message_creation', 'in_progress', creation)],
    ['thread.message.created', message(messageId, runId, 'in_progress')],
    ['thread.message.in_progress', message(messageId, runId, 'in_progress')],
    ...pieces.map((piece, i) => ['thread.message.delta', textDelta(messageId, piece, i === pieces.length - 1 && annotations.length ? annotations : undefined)]),
    ['thread.message.completed', message(messageId, runId, 'completed', [{ type: 'text', text: { value, annotations } }])],
    ['thread.run.step.completed', step(stepId, runId, 'message_creation', 'completed', creation, { prompt_tokens: 640, completion_tokens: 28, total_tokens: 668 })],
  ];
}

const lifecycle = (runId) => [
  ['thread.run.created', run(runId, 'queued')],
  ['thread.run.queued', run(runId, 'queued')],
  ['thread.run.in_progress', run(runId, 'in_progress')],
];

// 1. create thread and run: a cited answer.
const RUN1 = 'run_Hn2bVc8XsQ4mLp7RtW1kYz6a';
const citation = { type: 'file_citation', text: '【4:0†porto-guide.pdf】', start_index: 58, end_index: 78, file_citation: { file_id: 'file-Pq9rSt3UvW7xYz1AbC5dEf2G' } };
const first = sse([
  ['thread.created', { id: THREAD, object: 'thread', created_at: 1764799999, metadata: {}, tool_resources: { code_interpreter: { file_ids: [] } } }],
  ...lifecycle(RUN1),
  ...messageEvents(RUN1, 'step_Aa1bB2cC3dD4eE5fF6gG7hH8', 'msg_Jk4lMn5oPq6rSt7uVw8xYz9a', ['Take tram 1 along the river', ' to Foz; it runs every 30 minutes.', '【4:0†porto-guide.pdf】'], [citation]),
  ['thread.run.completed', run(RUN1, 'completed', { usage: { prompt_tokens: 640, completion_tokens: 28, total_tokens: 668 } })],
  ['done', '[DONE]'],
]);

// 2. a run on the thread: a function call streamed in step deltas, then requires_action.
const RUN2 = 'run_Qw3eRt4YuI5oPa6SdF7gHj8k';
const STEP2 = 'step_Zx1cVb2nMq3wEr4tYu5iOp6a';
const call = { id: 'call_Lk9jHg8fDs7aQw6eRt5yUi4o', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Porto"}', output: null } };
const second = sse([
  ...lifecycle(RUN2),
  ['thread.run.step.created', step(STEP2, RUN2, 'tool_calls', 'in_progress', { type: 'tool_calls', tool_calls: [] })],
  ['thread.run.step.in_progress', step(STEP2, RUN2, 'tool_calls', 'in_progress', { type: 'tool_calls', tool_calls: [] })],
  ['thread.run.step.delta', { id: STEP2, object: 'thread.run.step.delta', delta: { step_details: { type: 'tool_calls', tool_calls: [{ index: 0, id: call.id, type: 'function', function: { name: 'get_weather', arguments: '', output: null } }] } } }],
  ['thread.run.step.delta', { id: STEP2, object: 'thread.run.step.delta', delta: { step_details: { type: 'tool_calls', tool_calls: [{ index: 0, type: 'function', function: { arguments: '{"city":' } }] } } }],
  ['thread.run.step.delta', { id: STEP2, object: 'thread.run.step.delta', delta: { step_details: { type: 'tool_calls', tool_calls: [{ index: 0, type: 'function', function: { arguments: '"Porto"}' } }] } } }],
  ['thread.run.requires_action', run(RUN2, 'requires_action', { required_action: { type: 'submit_tool_outputs', submit_tool_outputs: { tool_calls: [{ id: call.id, type: 'function', function: { name: 'get_weather', arguments: '{"city":"Porto"}' } }] } } })],
  ['done', '[DONE]'],
]);

// 3. the tool output submitted: the run resumes and answers.
const third = sse([
  ['thread.run.queued', run(RUN2, 'queued')],
  ['thread.run.in_progress', run(RUN2, 'in_progress')],
  ['thread.run.step.completed', step(STEP2, RUN2, 'tool_calls', 'completed', { type: 'tool_calls', tool_calls: [{ ...call, function: { ...call.function, output: '{"temp_c":19,"sky":"cloudy"}' } }] }, { prompt_tokens: 702, completion_tokens: 17, total_tokens: 719 })],
  ...messageEvents(RUN2, 'step_Po9iUy8tRe7wQa6sDf5gHj4k', 'msg_Mn3bVc2xZa1sDf0gHj9kLp8o', ['Porto is 19 °C', ' and cloudy right now.']),
  ['thread.run.completed', run(RUN2, 'completed', { usage: { prompt_tokens: 1342, completion_tokens: 45, total_tokens: 1387 } })],
  ['done', '[DONE]'],
]);

// 4. code interpreter: the step's input and logs stream as deltas.
const RUN4 = 'run_Cv5bNm6QwE7rTy8UiO9pAs0d';
const STEP4 = 'step_Fg1hJk2LzX3cVb4NmQ5wEr6t';
const ci = (fields) => ({ id: STEP4, object: 'thread.run.step.delta', delta: { step_details: { type: 'tool_calls', tool_calls: [{ index: 0, type: 'code_interpreter', ...fields }] } } });
const fourth = sse([
  ...lifecycle(RUN4),
  ['thread.run.step.created', step(STEP4, RUN4, 'tool_calls', 'in_progress', { type: 'tool_calls', tool_calls: [] })],
  ['thread.run.step.delta', ci({ id: 'call_Tr8yUi9oPa0sDf1gHj2kLz3x', code_interpreter: { input: '', outputs: [] } })],
  ['thread.run.step.delta', ci({ code_interpreter: { input: 'fares = [34.5, 41.0, 29.9]\n' } })],
  ['thread.run.step.delta', ci({ code_interpreter: { input: 'print(sum(fares) / len(fares))' } })],
  ['thread.run.step.delta', ci({ code_interpreter: { outputs: [{ index: 0, type: 'logs', logs: '35.13333333333333\n' }] } })],
  ['thread.run.step.completed', step(STEP4, RUN4, 'tool_calls', 'completed', { type: 'tool_calls', tool_calls: [{ id: 'call_Tr8yUi9oPa0sDf1gHj2kLz3x', type: 'code_interpreter', code_interpreter: { input: 'fares = [34.5, 41.0, 29.9]\nprint(sum(fares) / len(fares))', outputs: [{ type: 'logs', logs: '35.13333333333333\n' }] } }] })],
  ...messageEvents(RUN4, 'step_Wq2eRt3YuI4oPa5SdF6gHj7k', 'msg_Xc8vBn9mQw0eRt1yUi2oPa3s', ['The average fare is €35.13.']),
  ['thread.run.completed', run(RUN4, 'completed', { usage: { prompt_tokens: 512, completion_tokens: 64, total_tokens: 576 } })],
  ['done', '[DONE]'],
]);

// 5. a failed run.
const RUN5 = 'run_Dd4fFg5hHj6kKl7zZx8cCv9b';
const fifth = sse([
  ...lifecycle(RUN5),
  ['thread.run.failed', run(RUN5, 'failed', { last_error: { code: 'rate_limit_exceeded', message: 'You exceeded your current quota, please check your plan and billing details.' } })],
  ['done', '[DONE]'],
]);

// 6. cut: the recording stops in the middle of the message.
const RUN6 = 'run_Ee5gGh6jJk7lLz8xXc9vVb0n';
const cut = sse([...lifecycle(RUN6), ...messageEvents(RUN6, 'step_Gg6hHj7kKl8zZx9cCv0bBn1m', 'msg_Hh7jJk8lLz9xXc0vVb1nNm2q', ['Lisbon is', ' usually mild']).slice(0, 6)]);

// 7. what the reader reports: an event type the reference does not list, a message delta before
// its message, data that is not JSON, a function call delta before its call (no id).
const RUN7 = 'run_Ff6hHj7kKl8zZx9cCv0bBn1m';
const odd = sse([
  ...lifecycle(RUN7),
  ['thread.run.step.reticulating', { id: 'step_Ii8kKl9zZx0cCv1bBn2mMq3w', object: 'thread.run.step' }],
  ['thread.message.delta', textDelta('msg_Jj9lLz0xXc1vVb2nNm3qQw4e', 'Early text')],
  ['thread.run.step.delta', { id: 'step_Kk0zZx1cCv2bBn3mMq4wWe5r', object: 'thread.run.step.delta', delta: { step_details: { type: 'tool_calls', tool_calls: [{ index: 0, type: 'function', function: { arguments: '{"city":"Porto"}' } }] } } }],
  ['thread.run.in_progress', '{"id":"run_Ff6hHj7kKl8zZx9cCv0bBn1m","object":"thread.ru'],
  ['thread.run.completed', run(RUN7, 'completed', { usage: { prompt_tokens: 90, completion_tokens: 4, total_tokens: 94 } })],
  ['done', '[DONE]'],
]);

const userMessage = (content) => ({ role: 'user', content });

writeGoVcr(join(SAMPLES, 'openai-assistants-stream.yaml'), [
  {
    url: `${BASE}/threads/runs`,
    requestHeaders: SDK,
    request: { assistant_id: ASSISTANT, stream: true, thread: { messages: [userMessage('How do I get from the centre of Porto to Foz?')] } },
    responseHeaders: SSE,
    response: first,
    streamed: true,
  },
  {
    url: `${BASE}/threads/${THREAD}/runs`,
    requestHeaders: SDK,
    request: { assistant_id: ASSISTANT, stream: true, additional_messages: [userMessage([{ type: 'text', text: 'And the weather there now?' }])] },
    responseHeaders: SSE,
    response: second,
    streamed: true,
  },
  {
    url: `${BASE}/threads/${THREAD}/runs/${RUN2}/submit_tool_outputs`,
    requestHeaders: SDK,
    request: { stream: true, tool_outputs: [{ tool_call_id: call.id, output: '{"temp_c":19,"sky":"cloudy"}' }] },
    responseHeaders: SSE,
    response: third,
    streamed: true,
  },
  {
    url: `${BASE}/threads/${THREAD}/runs`,
    requestHeaders: SDK,
    request: { assistant_id: ASSISTANT, stream: true, tools: [{ type: 'code_interpreter' }], additional_instructions: 'Use code for arithmetic.', additional_messages: [userMessage('Average of the fares 34.50, 41.00 and 29.90?')] },
    responseHeaders: SSE,
    response: fourth,
    streamed: true,
  },
  {
    url: `${BASE}/threads/${THREAD}/runs`,
    requestHeaders: SDK,
    request: { assistant_id: ASSISTANT, stream: true, additional_messages: [userMessage('One more question.')] },
    responseHeaders: SSE,
    response: fifth,
    streamed: true,
  },
  {
    url: `${BASE}/threads/${THREAD}/runs`,
    requestHeaders: SDK,
    request: { assistant_id: ASSISTANT, stream: true, additional_messages: [userMessage('What is Lisbon like in March?')] },
    responseHeaders: SSE,
    response: cut,
    streamed: true,
  },
  {
    url: `${BASE}/threads/${THREAD}/runs`,
    requestHeaders: SDK,
    request: { assistant_id: ASSISTANT, stream: true, additional_messages: [userMessage('Weather in Porto?')] },
    responseHeaders: SSE,
    response: odd,
    streamed: true,
  },
]);
