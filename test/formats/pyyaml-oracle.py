# Independent oracle: PyYAML's C loader (CSafeLoader, with Psych's `!binary` as `!!binary`, and
# timestamps as strings: see below).
#
#   pyyaml-oracle.py             file paths on stdin, one a line → {file: [[METHOD, url], ...]}
#                                (JSON files via json), for test/formats/corpus.test.ts
#   pyyaml-oracle.py --values    a JSON list on stdin of {"file": path} or {"text": yaml} →
#                                a JSON list of whole loaded values, tagged where JSON has no form:
#                                {"$bytes": base64}, {"$float": "nan"|"inf"|"-inf"},
#                                {"$int": digits} past 2^53, {"$other": repr} (dates, …),
#                                {"$key": repr} as a map key that is not a string,
#                                {"$error": message} when PyYAML refuses the document
#   pyyaml-oracle.py --dump      a JSON list on stdin of {"value": v, "width": n, "style": s|null,
#                                "c": libyaml's emitter, "literal": multi-line text as `|`,
#                                "unicode": allow_unicode} ({"$bytes": b64} in v are bytes)
#                                → [{"text": yaml.dump(...), "value": tagged load}] as vcrpy
#                                writes (sorted keys, block style), for the property tests
import base64, json, math, sys, yaml


class Loader(yaml.CSafeLoader):
    pass


Loader.add_constructor('!binary', lambda loader, node: loader.construct_yaml_binary(node))
# Timestamps stay strings, as the `yaml` package and every recorder's reader take them (cassettes
# hold header and body text, never dates; go-vcr writes `Anthropic-Version: 2023-06-01` unquoted).
Loader.yaml_implicit_resolvers = {
    first: [(t, r) for t, r in resolvers if t != 'tag:yaml.org,2002:timestamp']
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()}


def tag(v):
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    if isinstance(v, int):
        return v if abs(v) <= 2 ** 53 else {'$int': str(v)}
    if isinstance(v, float):
        if math.isnan(v):
            return {'$float': 'nan'}
        if math.isinf(v):
            return {'$float': 'inf' if v > 0 else '-inf'}
        return v
    if isinstance(v, bytes):
        return {'$bytes': base64.b64encode(v).decode('ascii')}
    if isinstance(v, list):
        return [tag(x) for x in v]
    if isinstance(v, dict):
        return {(k if isinstance(k, str) else json.dumps({'$key': repr(k)})): tag(x) for k, x in v.items()}
    return {'$other': repr(v)}


def load(text):
    try:
        return tag(yaml.load(text, Loader=Loader))
    except yaml.YAMLError as e:
        return {'$error': str(e).split('\n')[0]}


def read(path):
    with open(path, 'rb') as f:
        return f.read().decode('utf-8')


if '--values' in sys.argv:
    items = json.load(sys.stdin)
    print(json.dumps([load(read(i['file']) if 'file' in i else i['text']) for i in items]))
elif '--dump' in sys.argv:
    def literal(dumper, data):
        # pydantic-ai's cassettes write multi-line text as `|` blocks with a representer like this.
        return dumper.represent_scalar('tag:yaml.org,2002:str', data, style='|' if '\n' in data else None)

    class Literal(yaml.SafeDumper):
        pass

    class CLiteral(yaml.CSafeDumper):
        pass

    for d in (Literal, CLiteral):
        d.add_representer(str, literal)

    def untag(v):
        if isinstance(v, dict):
            if list(v) == ['$bytes']:
                return base64.b64decode(v['$bytes'])
            return {k: untag(x) for k, x in v.items()}
        return [untag(x) for x in v] if isinstance(v, list) else v

    out = []
    for i in json.load(sys.stdin):
        dumper = ((CLiteral if i.get('literal') else yaml.CSafeDumper) if i.get('c') else
                  (Literal if i.get('literal') else yaml.SafeDumper))
        text = yaml.dump(untag(i['value']), Dumper=dumper,
                         default_flow_style=False, width=i['width'], default_style=i.get('style'),
                         allow_unicode=i.get('unicode', False))
        out.append({'text': text, 'value': load(text)})
    print(json.dumps(out))
else:
    out = {}
    for path in sys.stdin.read().split('\n'):
        if not path:
            continue
        text = read(path)
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
