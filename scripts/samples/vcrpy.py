#!/usr/bin/python3
"""Record the vcrpy samples with the real vcrpy (Debian python3-vcr) + requests against
fake-llm-server.py (start it first). URLs are rewritten to the real API hosts in
before_record_request. Run: /usr/bin/python3 scripts/samples/vcrpy.py [port]  (from the repo root)."""
import json, os, sys
import requests, vcr, yaml

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 8765
LOCAL = f"http://127.0.0.1:{PORT}"
OUT = "samples"
OPENAI_KEY = "sk-test-FAKEopenai0000000000000000000000000000000000"
ANTHROPIC_KEY = "sk-ant-test-FAKEanthropic00000000000000000000000000"

def rewrite(host, prefix=""):
    def hook(request):
        request.uri = request.uri.replace(LOCAL + prefix, host)
        return request
    return hook

def remove(path):
    if os.path.exists(path): os.remove(path)

TOOLS = [{"type": "function", "function": {"name": "get_weather", "description": "Current weather for a city",
          "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}]

def reassemble(sse_text):
    """Rebuild the assistant message from the streamed chunks, as an SDK does for the next turn."""
    calls = {}
    for line in sse_text.splitlines():
        if not line.startswith("data: ") or line == "data: [DONE]": continue
        for ch in json.loads(line[6:])["choices"]:
            for tc in ch["delta"].get("tool_calls") or []:
                c = calls.setdefault(tc["index"], {"id": None, "type": "function", "function": {"name": "", "arguments": ""}})
                if tc.get("id"): c["id"] = tc["id"]
                f = tc.get("function") or {}
                c["function"]["name"] += f.get("name") or ""
                c["function"]["arguments"] += f.get("arguments") or ""
    return {"role": "assistant", "content": None, "tool_calls": [calls[i] for i in sorted(calls)]}

def openai_tools_stream(session_headers):
    messages = [{"role": "user", "content": "What is the weather in Paris?"}]
    body = {"model": "gpt-4o-mini", "messages": messages, "tools": TOOLS, "stream": True,
            "stream_options": {"include_usage": True}}
    r1 = requests.post(f"{LOCAL}/v1/chat/completions", json=body, headers=session_headers)
    assistant = reassemble(r1.text)
    call = assistant["tool_calls"][0]
    messages = messages + [assistant, {"role": "tool", "tool_call_id": call["id"],
                                       "content": json.dumps({"temperature_c": 18, "sky": "sunny"})}]
    requests.post(f"{LOCAL}/v1/chat/completions", json=dict(body, messages=messages), headers=session_headers)

def openai_chat(session_headers, prefix=""):
    requests.post(f"{LOCAL}{prefix}/v1/chat/completions", headers=session_headers,
                  json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Say hello"}]})

def openai_chat_tools_json(session_headers):
    messages = [{"role": "user", "content": "What is the weather in Paris?"}]
    r1 = requests.post(f"{LOCAL}/v1/chat/completions", headers=session_headers,
                       json={"model": "gpt-4o-mini", "messages": messages, "tools": TOOLS})
    msg = r1.json()["choices"][0]["message"]
    assistant = {"role": "assistant", "content": msg["content"], "tool_calls": msg["tool_calls"]}
    messages += [assistant, {"role": "tool", "tool_call_id": msg["tool_calls"][0]["id"], "content": "18°C, sunny\nwind 5 km/h"}]
    requests.post(f"{LOCAL}/v1/chat/completions", headers=session_headers,
                  json={"model": "gpt-4o-mini", "messages": messages, "tools": TOOLS})

OPENAI_HEADERS = {"Authorization": f"Bearer {OPENAI_KEY}", "OpenAI-Organization": "org-test0001"}

def record(name, fn, headers, serializer="yaml", filter_headers=(), host="https://api.openai.com", prefix="", **kw):
    path = os.path.join(OUT, name)
    remove(path)
    my = vcr.VCR(serializer=serializer, filter_headers=list(filter_headers),
                 before_record_request=rewrite(host, prefix), **kw)
    with my.use_cassette(path, record_mode="all"):
        fn(headers)
    print("wrote", path, os.path.getsize(path))

CLEAN = [("authorization", "Bearer sk-REDACTED"), "openai-organization"]

# --- pydantic-ai's parsed_body dialect: its tests/json_body_serializer.py, reproduced from the shape
# of its cassettes: JSON bodies become a YAML mapping under `parsed_body`, multi-line strings are
# literal `|` blocks, header names lower-cased and a set of noisy headers dropped.
FILTERED_HEADERS = {"authorization", "date", "request-id", "server", "user-agent", "via", "set-cookie",
                    "api-key", "x-api-key", "openai-organization", "x-request-id", "cf-ray", "cookie"}

class LiteralDumper(yaml.SafeDumper):
    pass

def str_presenter(dumper, data):
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)

LiteralDumper.add_representer(str, str_presenter)

def parsed_body_serialize(cassette_dict):
    for interaction in cassette_dict["interactions"]:
        for kind in ("request", "response"):
            part = interaction[kind]
            headers = {k.lower(): v for k, v in part.get("headers", {}).items() if k.lower() not in FILTERED_HEADERS}
            part["headers"] = headers
            ctype = headers.get("content-type", [""])[0]
            body = part.get("body")
            if kind == "response": body = (body or {}).get("string")
            if isinstance(body, bytes):
                try: body = body.decode("utf-8")
                except UnicodeDecodeError: continue
            if body and "application/json" in ctype:
                try: parsed = json.loads(body)
                except ValueError: continue
                part.pop("body", None)
                part["parsed_body"] = parsed
    return yaml.dump(cassette_dict, Dumper=LiteralDumper, allow_unicode=True, width=120)

def parsed_body_deserialize(text):
    data = yaml.safe_load(text)
    for interaction in data["interactions"]:
        for kind in ("request", "response"):
            part = interaction[kind]
            if "parsed_body" in part:
                body = json.dumps(part.pop("parsed_body"))
                part["body"] = {"string": body} if kind == "response" else body
    return data

class ParsedBodySerializer:
    serialize = staticmethod(parsed_body_serialize)
    deserialize = staticmethod(parsed_body_deserialize)

if __name__ == "__main__":
    record("vcrpy-openai-chat-tools-stream.yaml", openai_tools_stream, OPENAI_HEADERS, filter_headers=CLEAN)
    record("vcrpy-openai-chat-tools-stream-dirty.yaml", openai_tools_stream, OPENAI_HEADERS)
    record("vcrpy-openai-chat.json", openai_chat_tools_json, OPENAI_HEADERS, serializer="json", filter_headers=CLEAN)
    record("vcrpy-openai-chat-dirty.json", openai_chat_tools_json, OPENAI_HEADERS, serializer="json")
    record("vcrpy-gzip-json.yaml", lambda h: openai_chat(h, "/gzip"), OPENAI_HEADERS, filter_headers=CLEAN, prefix="/gzip",
           decode_compressed_response=False)
    record("vcrpy-anthropic-stream-dirty.yaml",
           lambda h: requests.post(f"{LOCAL}/v1/messages", headers=h, json={"model": "claude-3-5-haiku-20241022",
               "max_tokens": 64, "stream": True, "messages": [{"role": "user", "content": "Say hello"}]}),
           {"x-api-key": ANTHROPIC_KEY, "anthropic-version": "2023-06-01"}, host="https://api.anthropic.com")
    my = vcr.VCR(before_record_request=rewrite("https://api.openai.com"), filter_headers=["authorization"])
    my.register_serializer("parsed_body_yaml", ParsedBodySerializer)
    path = os.path.join(OUT, "vcrpy-parsed-body.yaml"); remove(path)
    with my.use_cassette(path, serializer="parsed_body_yaml", record_mode="all"):
        openai_chat_tools_json(OPENAI_HEADERS)
    print("wrote", path, os.path.getsize(path))
