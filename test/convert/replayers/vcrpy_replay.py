# Replays a converted cassette with Debian's vcrpy + requests (record_mode='none'): posts the given
# request bodies in order, then a request the cassette does not hold. Prints JSON: the response
# bodies (base64) and whether vcrpy refused the unknown request.
import base64, json, sys

import requests
import vcr
from vcr.errors import CannotOverwriteExistingCassetteException

cassette, serializer, url = sys.argv[1], sys.argv[2], sys.argv[3]
bodies_in = json.loads(sys.stdin.read())
my_vcr = vcr.VCR(record_mode="none", serializer=serializer)
bodies = []
with my_vcr.use_cassette(cassette):
    for body in bodies_in:
        r = requests.post(url, data=body.encode("utf-8"), headers={"Content-Type": "application/json"})
        bodies.append(base64.b64encode(r.content).decode("ascii"))
    try:
        requests.get("https://api.openai.com/v1/models")
        refused = False
    except CannotOverwriteExistingCassetteException:
        refused = True
print(json.dumps({"bodies": bodies, "refused": refused}))
