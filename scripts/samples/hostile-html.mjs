// Writes samples/hostile-html.yaml (run from the project root): a go-vcr v2 cassette whose recorded
// content is hostile HTML — <script>, onerror=, javascript: URLs, tags that close ours — for the
// HTML report tests: the page must show it all as text and run none of it.
import { writeFileSync } from 'node:fs';
const XSS = `<script>window.__pwned = 'script'</script><img src=x onerror="window.__pwned='img';alert('img')"> <a href="javascript:window.__pwned='link'">click</a> "><svg onload="window.__pwned='svg'"> </pre></details></div><iframe src="https://example.invalid/"></iframe> <style>body{display:none}</style> ' onmouseover='window.__pwned=1`;
const long = `${XSS} ` + 'The long tail of a hostile answer. '.repeat(120) + 'END-OF-LONG-ANSWER';
const q = (s) => `'${s.replaceAll("'", "''")}'`;
const req1 = JSON.stringify({
  model: 'gpt-4o-mini',
  messages: [
    { role: 'system', content: `You render HTML. ${XSS}` },
    { role: 'user', content: [{ type: 'text', text: `Write me some HTML: ${XSS}` }, { type: 'image_url', image_url: { url: 'javascript:window.__pwned="image-url"' } }] },
  ],
  tools: [{ type: 'function', function: { name: 'render_html', description: `Renders <b>HTML</b> ${XSS}`, parameters: { type: 'object', properties: { html: { type: 'string' } } } } }],
});
const res1 = JSON.stringify({
  id: 'chatcmpl-HOSTILE1', object: 'chat.completion', created: 1764000200, model: 'gpt-4o-mini-2024-07-18',
  choices: [{ index: 0, finish_reason: 'tool_calls', message: { role: 'assistant', content: long, refusal: null,
    tool_calls: [{ id: 'call_<img src=x onerror=alert(1)>', type: 'function', function: { name: 'render_html', arguments: JSON.stringify({ html: XSS, '<img src=x onerror="window.__pwned=\'key\'">': 'javascript:alert(1)' }) } }] } }],
  usage: { prompt_tokens: 321, completion_tokens: 654, total_tokens: 975 },
});
const req2 = JSON.stringify({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: 'Stream some HTML.' }] });
const chunk = (delta, finish) => `data: ${JSON.stringify({ id: 'chatcmpl-HOSTILE2', object: 'chat.completion.chunk', created: 1764000201, model: 'gpt-4o-mini-2024-07-18', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
let stream = chunk({ role: 'assistant', content: '' }, null);
for (const piece of ['<scr', 'ipt>window.__pwned="stream"</scr', 'ipt>', '<img src=x onerror=alert(2)>', ' done.']) stream += chunk({ content: piece }, null);
stream += chunk({}, 'stop') + `data: ${JSON.stringify({ id: 'chatcmpl-HOSTILE2', object: 'chat.completion.chunk', choices: [], usage: { prompt_tokens: 12, completion_tokens: 20, total_tokens: 32 } })}\n\ndata: [DONE]\n\n`;
const errorPage = `<html><head><script>window.__pwned='error-page'</script></head><body onload="alert('error')"><h1>502 Bad Gateway</h1></body></html>`;
const block = (text) => text.split('\n').map((line) => (line ? `      ${line}` : '')).join('\n');
const interaction = (id, body, url, response, contentType, status, duration) => `- id: ${id}
  request:
    proto: HTTP/1.1
    proto_major: 1
    proto_minor: 1
    content_length: ${Buffer.byteLength(body)}
    host: ""
    body: ${q(body)}
    headers:
      Content-Type:
      - application/json
      User-Agent:
      - OpenAI/Go 2.3.0
    url: ${url}
    method: POST
  response:
    proto: HTTP/2.0
    proto_major: 2
    proto_minor: 0
    content_length: -1
    body: ${response.includes('\n') ? `|+\n${block(response)}` : q(response)}
    headers:
      Content-Type:
      - ${contentType}
    status: ${status}
    code: ${status.split(' ')[0]}
    duration: ${duration}
`;
const url = 'https://api.openai.com/v1/chat/completions';
writeFileSync('samples/hostile-html.yaml', `---
version: 2
interactions:
${interaction(0, req1, url, res1, 'application/json', '200 OK', '1.5s')}${interaction(1, req2, url, stream, 'text/event-stream; charset=utf-8', '200 OK', '800ms')}${interaction(2, req2, url, errorPage, 'text/html', '502 Bad Gateway', '30ms')}`);
