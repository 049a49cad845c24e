# Independent oracle for test/formats/corpus.test.ts: PyYAML's C loader (JSON via json) reads each
# file named on stdin and prints {file: [[METHOD, url], ...]} as JSON.
import json, sys, yaml
class Loader(yaml.CSafeLoader):
    pass
Loader.add_constructor('!binary', lambda loader, node: loader.construct_yaml_binary(node))
out = {}
for path in sys.stdin.read().split('\n'):
    if not path:
        continue
    with open(path, 'rb') as f:
        text = f.read().decode('utf-8')
    doc = json.loads(text) if text.lstrip().startswith('{') else yaml.load(text, Loader=Loader)
    if 'log' in doc:
        items, url = doc['log']['entries'], 'url'
    elif 'http_interactions' in doc:
        items, url = doc['http_interactions'], 'uri'
    else:
        items = doc['interactions']
        url = 'uri' if items and 'uri' in items[0]['request'] else 'url'
    out[path] = [[str(i['request'].get('method', 'GET')).upper(), i['request'][url]] for i in items]
print(json.dumps(out))
