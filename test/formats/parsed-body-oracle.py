# The oracle for pydantic-ai's parsed_body: what its vcrpy deserializer (tests/json_body_serializer.py
# in pydantic/pydantic-ai) replays. File paths on stdin, one a line →
# {file: [[request body or null, response body or null], ...]} where a body is
# json.dumps(parsed_body) with Python's defaults, null when the message has no parsed_body, and
# {"$error": message} when json.dumps refuses it. One process for every file.
import json, sys, yaml

def replayed(data):
    parsed_body = data.get('parsed_body') if isinstance(data, dict) else None
    if parsed_body is None:
        return None
    try:
        return json.dumps(parsed_body)
    except (TypeError, ValueError) as e:
        return {'$error': str(e)}


out = {}
for path in sys.stdin.read().split('\n'):
    if not path:
        continue
    with open(path, 'rb') as f:
        doc = yaml.safe_load(f.read().decode('utf-8'))  # as the deserializer loads a cassette
    out[path] = [[replayed(i.get('request')), replayed(i.get('response'))] for i in doc.get('interactions') or []]
print(json.dumps(out))
