#!/usr/bin/python3
"""A tiny local HTTP server that answers like the OpenAI and Anthropic APIs (their documented wire
formats) with fake data, so the real recorders (vcrpy, Ruby VCR, Polly, Playwright) can record it.
Usage: /usr/bin/python3 scripts/samples/fake-llm-server.py [port]   (default 8765)"""
import gzip, json, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

def sse(chunks):
    return "".join(f"data: {json.dumps(c, separators=(',', ':'))}\n\n" for c in chunks) + "data: [DONE]\n\n"

def chat_chunk(delta, finish=None, usage=None):
    c = {"id": "chatcmpl-Test0001", "object": "chat.completion.chunk", "created": 1764680000,
         "model": "gpt-4o-mini-2024-07-18", "system_fingerprint": "fp_test01",
         "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}]}
    if usage is not None:
        c["choices"] = []; c["usage"] = usage
    return c

def openai_stream(req):
    msgs = req.get("messages", [])
    if msgs and msgs[-1].get("role") == "tool":
        parts = ["It is ", "18°C and sunny", " in Paris."]
        chunks = [chat_chunk({"role": "assistant", "content": "", "refusal": None})]
        chunks += [chat_chunk({"content": p}) for p in parts]
        chunks.append(chat_chunk({}, "stop"))
        chunks.append(chat_chunk(None, usage={"prompt_tokens": 92, "completion_tokens": 9, "total_tokens": 101}))
        return sse(chunks)
    args = ['{"', 'city', '":"', 'Paris', '"}']
    chunks = [chat_chunk({"role": "assistant", "content": None, "tool_calls": [{"index": 0, "id": "call_test0001",
              "type": "function", "function": {"name": "get_weather", "arguments": ""}}], "refusal": None})]
    chunks += [chat_chunk({"tool_calls": [{"index": 0, "function": {"arguments": a}}]}) for a in args]
    chunks.append(chat_chunk({}, "tool_calls"))
    chunks.append(chat_chunk(None, usage={"prompt_tokens": 61, "completion_tokens": 15, "total_tokens": 76}))
    return sse(chunks)

def openai_json(req):
    msgs = req.get("messages", [])
    if msgs and msgs[-1].get("role") == "tool":
        msg = {"role": "assistant", "content": "It is 18°C and sunny in Paris.", "refusal": None}
        finish = "stop"
    elif req.get("tools"):
        msg = {"role": "assistant", "content": None, "refusal": None, "tool_calls": [{"id": "call_test0002",
               "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\":\"Paris\"}"}}]}
        finish = "tool_calls"
    else:
        msg = {"role": "assistant", "content": "Hello! How can I help you today?", "refusal": None}
        finish = "stop"
    return {"id": "chatcmpl-Test0002", "object": "chat.completion", "created": 1764680001,
            "model": "gpt-4o-mini-2024-07-18",
            "choices": [{"index": 0, "message": msg, "logprobs": None, "finish_reason": finish}],
            "usage": {"prompt_tokens": 20, "completion_tokens": 9, "total_tokens": 29},
            "system_fingerprint": "fp_test01"}

def anthropic_stream(req):
    ev = []
    def e(name, data): ev.append(f"event: {name}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n")
    e("message_start", {"type": "message_start", "message": {"id": "msg_test0001", "type": "message", "role": "assistant",
      "model": "claude-3-5-haiku-20241022", "content": [], "stop_reason": None, "stop_sequence": None,
      "usage": {"input_tokens": 14, "output_tokens": 1}}})
    e("content_block_start", {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}})
    e("ping", {"type": "ping"})
    for t in ["Hello", "! How can", " I help?"]:
        e("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": t}})
    e("content_block_stop", {"type": "content_block_stop", "index": 0})
    e("message_delta", {"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": None}, "usage": {"output_tokens": 8}})
    e("message_stop", {"type": "message_stop"})
    return "".join(ev)

class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def send(self, status, ctype, body, extra=()):
        if isinstance(body, str): body = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in extra: self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers(); self.wfile.write(body)
    def do_GET(self):
        self.send(200, "text/html", "<html><body>fake llm</body></html>")
    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        try: req = json.loads(raw or b"{}")
        except ValueError: req = {}
        common = [("x-request-id", "req_test0001"), ("openai-processing-ms", "120")]
        if self.path.endswith("/chat/completions"):
            if req.get("stream"):
                return self.send(200, "text/event-stream; charset=utf-8", openai_stream(req), common)
            body = json.dumps(openai_json(req), indent=2)
            if self.path.startswith("/gzip/"):
                return self.send(200, "application/json", gzip.compress(body.encode(), mtime=0), common + [("Content-Encoding", "gzip")])
            return self.send(200, "application/json", body, common)
        if self.path.endswith("/oauth2/v2.0/token"):
            # Microsoft Entra ID's client-credentials answer (a gateway in front of Azure OpenAI); a fake JWT.
            jwt = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2NvZ25pdGl2ZXNlcnZpY2VzLmF6dXJlLmNvbSIsImlzcyI6ImZha2UifQ.RkFLRXNpZ25hdHVyZTAxMjM0NTY3ODlhYmNkZWY"
            return self.send(200, "application/json; charset=utf-8", json.dumps({"token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599, "access_token": jwt}))
        if self.path.endswith("/messages"):
            return self.send(200, "text/event-stream; charset=utf-8", anthropic_stream(req),
                             [("request-id", "req_test0002"), ("anthropic-ratelimit-requests-remaining", "49")])
        self.send(404, "application/json", '{"error":{"message":"not found","type":"invalid_request_error"}}')

if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8765
    ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
