# The oracle for `convert --to vcrpy|vcrpy-json`: each cassette loaded by vcrpy and written again by
# vcrpy's own serializer (Request._from_dict/_to_dict, convert_to_unicode, yaml.dump / json.dumps),
# as vcrpy writes a cassette it recorded. Prints JSON {path: text}.
import json, sys

from vcr.serialize import deserialize, serialize
from vcr.serializers import jsonserializer, yamlserializer

serializer = {"yaml": yamlserializer, "json": jsonserializer}[sys.argv[1]]
out = {}
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        requests, responses = deserialize(f.read(), serializer)
    out[path] = serialize({"requests": requests, "responses": responses}, serializer)
print(json.dumps(out))
