// scrub over every format's secret sites: a dirty file of each → --check exit 1 with exact
// `file:line:col rule` lines (masked), scrub changes only the secret lines, a second --check is
// clean, a second scrub changes nothing; a clean file stays byte-identical; no secret printed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { isSurelyClean } from '../../src/scrub/fast-check.ts';
import { compileScrubOptions } from '../../src/scrub/scan.ts';

const BEARER = 'sk-proj-FAKEfakeFAKE0123456789abcdefABCDEFghijklmnopQRST';
const XKEY = 'sk-ant-api03-FakeKey0123456789abcdefABCDEFghijklmnopQRSTUVwxyz0123456789-_abcdefghijklmnopqrstuvwxAA';
const URLKEY = 'AIzaSyFAKE0123456789abcdefghijklmnopqrs';
const SESSION = 'sessFAKE0123456789abcdef';
// Form-encoded credentials (OAuth token exchanges: Google's refresh, Azure AD's client credentials
// and password grants, GitHub's token answer): no key shape, found only by the parameter name.
const CLIENT_SECRET = 'GOCSPX-fakeClientSecret0123';
const REFRESH = '1%2F%2F0gFAKErefresh0123456789abcdef';
const AAD_SECRET = 'Fk8Q~fakeAzureSecret.0123456789abcd';
const PASSWORD = 'hunter2-FAKE-Passw0rd';
const ACCESS = 'gho_FAKEaccess0123';
// An OAuth implicit-flow redirect's token, in a `Location` header's fragment: found only by the parameter name.
const REDIRECT_TOKEN = 'ya29.FAKEredirectToken-0123';
// A paginated API's next-page token in a `Link` header, and a signed `Content-Location`: found only
// by the parameter name.
const PAGE_TOKEN = 'FAKEpageToken0123';
const SIGNATURE = 'FAKEsignature0123abcdef';
const SECRETS = [BEARER, XKEY, URLKEY, SESSION, CLIENT_SECRET, REFRESH, AAD_SECRET, PASSWORD, ACCESS, REDIRECT_TOKEN, PAGE_TOKEN, SIGNATURE];
const FORM = 'application/x-www-form-urlencoded';

// `lengths`: lines of a recorded body length that the scrub keeps true (go-vcr's content_length).
const CASES: Record<string, { text: string; expect: string[]; lengths?: number[] }> = {
  'scrub-go-vcr-v1-dirty.yaml': {
    text: `---\nversion: 1\ninteractions:\n- request:\n    body: '{"k":"${XKEY}"}'\n    form: {}\n    headers:\n      Authorization:\n      - Bearer ${BEARER}\n    url: https://g.example/v1?key=${URLKEY}\n    method: POST\n  response:\n    body: ok\n    headers: {}\n    status: 200 OK\n    code: 200\n    duration: ""\n`,
    expect: ['5:18 anthropic-key', '9:9 authorization-header', '10:35 credential-query'],
  },
  'scrub-vcrpy-dirty.yaml': {
    text: `interactions:\n- request:\n    body: '{"k": "${XKEY}"}'\n    headers:\n      Cookie:\n      - session=${SESSION}\n      x-api-key:\n      - ${XKEY}\n    method: POST\n    uri: https://g.example/v1?key=${URLKEY}\n  response:\n    body:\n      string: ok\n    headers: {}\n    status:\n      code: 200\n      message: OK\nversion: 1\n`,
    expect: ['3:19 anthropic-key', '6:9 cookie-header', '8:9 api-key-header', '10:35 credential-query'],
  },
  'scrub-vcrpy-parsed-body-dirty.yaml': {
    text: `interactions:\n- request:\n    headers:\n      authorization:\n      - Bearer ${BEARER}\n    method: POST\n    parsed_body:\n      messages:\n      - content: my key is ${XKEY}\n    uri: https://g.example/v1\n  response:\n    parsed_body:\n      ok: true\n    status:\n      code: 200\n      message: OK\nversion: 1\n`,
    expect: ['5:9 authorization-header', '9:28 anthropic-key'],
  },
  'scrub-vcrpy-dirty.json': {
    text: `{\n    "version": 1,\n    "interactions": [\n        {\n            "request": {\n                "body": "{\\"k\\": \\"${XKEY}\\"}",\n                "headers": {\n                    "Authorization": [\n                        "Bearer ${BEARER}"\n                    ]\n                },\n                "method": "POST",\n                "uri": "https://g.example/v1?key=${URLKEY}"\n            },\n            "response": {\n                "body": {"string": "ok"},\n                "headers": {},\n                "status": {"code": 200, "message": "OK"}\n            }\n        }\n    ]\n}\n`,
    expect: ['6:36 anthropic-key', '9:26 authorization-header', '13:50 credential-query'],
  },
  'scrub-ruby-vcr-dirty.yml': {
    text: `---\nhttp_interactions:\n- request:\n    method: post\n    uri: https://api.openai.com/v1/chat/completions?key=${URLKEY}\n    body:\n      encoding: UTF-8\n      string: '{"k":"${XKEY}"}'\n    headers:\n      Authorization:\n      - Bearer ${BEARER}\n  response:\n    status:\n      code: 200\n      message: OK\n    headers:\n      Set-Cookie:\n      - session=${SESSION}; path=/\n    body:\n      encoding: UTF-8\n      string: ok\n  recorded_at: Mon, 01 Jan 2024 00:00:00 GMT\nrecorded_with: VCR 6.2.0\n`,
    expect: ['5:57 credential-query', '8:22 anthropic-key', '11:9 authorization-header', '18:9 cookie-header'],
  },
  'scrub-ruby-vcr-dirty.json': {
    text: `{"http_interactions":[{"request":{"method":"post","uri":"https://api.openai.com/v1/x","body":{"encoding":"UTF-8","string":""},"headers":{"Authorization":["Bearer ${BEARER}"]}},"response":{"status":{"code":200,"message":"OK"},"headers":{},"body":{"encoding":"UTF-8","string":"ok"}},"recorded_at":"Mon, 01 Jan 2024 00:00:00 GMT"}],"recorded_with":"VCR 6.2.0"}\n`,
    expect: ['1:156 authorization-header'],
  },
  'scrub-har-dirty.har': {
    text: `{\n  "log": {\n    "version": "1.2",\n    "creator": {"name": "t", "version": "1"},\n    "entries": [\n      {\n        "request": {\n          "method": "POST",\n          "url": "https://g.example/v1?key=${URLKEY}",\n          "headers": [\n            {"name": "x-api-key", "value": "${XKEY}"},\n            {"name": "accept", "value": "application/json"}\n          ],\n          "queryString": [{"name": "key", "value": "${URLKEY}"}],\n          "cookies": [{"name": "session", "value": "${SESSION}"}],\n          "postData": {"mimeType": "application/json", "text": "{\\"auth\\": \\"Bearer ${BEARER}\\"}"}\n        },\n        "response": {"status": 200, "statusText": "OK", "headers": [], "cookies": [], "content": {"size": 2, "mimeType": "text/plain", "text": "ok"}}\n      }\n    ]\n  }\n}\n`,
    expect: ['9:44 credential-query', '11:45 api-key-header', '14:53 credential-query', '15:53 cookie-header', '16:85 openai-key'],
  },
  // go-vcr v2 as it records Google's OAuth refresh: the body and the form go-vcr parses from it.
  'scrub-go-vcr-form-dirty.yaml': {
    text: `---\nversion: 2\ninteractions:\n- id: 0\n  request:\n    proto: HTTP/1.1\n    proto_major: 1\n    proto_minor: 1\n    content_length: 172\n    transfer_encoding: []\n    trailer: {}\n    host: oauth2.googleapis.com\n    remote_addr: ""\n    request_uri: ""\n    body: client_id=000000000000-fake.apps.googleusercontent.com&client_secret=${CLIENT_SECRET}&grant_type=refresh_token&refresh_token=${REFRESH}\n    form:\n      client_id:\n      - 000000000000-fake.apps.googleusercontent.com\n      client_secret:\n      - ${CLIENT_SECRET}\n      grant_type:\n      - refresh_token\n      refresh_token:\n      - ${REFRESH}\n    headers:\n      Content-Type:\n      - ${FORM}\n    url: https://oauth2.googleapis.com/token\n    method: POST\n  response:\n    proto: HTTP/2.0\n    proto_major: 2\n    proto_minor: 0\n    transfer_encoding: []\n    trailer: {}\n    content_length: -1\n    uncompressed: true\n    body: '{"access_token": "REDACTED", "expires_in": 3599, "token_type": "Bearer"}'\n    headers:\n      Content-Type:\n      - application/json; charset=utf-8\n    status: 200 OK\n    code: 200\n    duration: 151.2ms\n`,
    expect: ['15:80 credential-query', '15:147 credential-query', '20:9 credential-query', '24:9 credential-query'],
    lengths: [9],
  },
  // vcrpy YAML as pydantic-ai records Google's OAuth refresh; a form-encoded answer under body.string (GitHub's token endpoint).
  'scrub-vcrpy-form-dirty.yaml': {
    text: `interactions:\n- request:\n    body: grant_type=refresh_token&client_id=000000000000-fake.apps.googleusercontent.com&client_secret=${CLIENT_SECRET}&refresh_token=${REFRESH}\n    headers:\n      accept:\n      - '*/*'\n      content-type:\n      - ${FORM}\n    method: POST\n    uri: https://oauth2.googleapis.com/token\n  response:\n    body:\n      string: access_token=${ACCESS}&scope=repo&token_type=bearer\n    headers:\n      Content-Type:\n      - ${FORM}; charset=utf-8\n    status:\n      code: 200\n      message: OK\nversion: 1\n`,
    expect: ['3:105 credential-query', '3:147 credential-query', '13:28 credential-query'],
  },
  // vcrpy JSON, Azure AD client credentials (azure-identity before an Azure OpenAI call).
  'scrub-vcrpy-form-dirty.json': {
    text: `{\n    "interactions": [\n        {\n            "request": {\n                "body": "client_id=00000000-0000-0000-0000-000000000000&client_secret=${AAD_SECRET}&grant_type=client_credentials&scope=https%3A%2F%2Fcognitiveservices.azure.com%2F.default",\n                "headers": {\n                    "Content-Type": [\n                        "${FORM}"\n                    ]\n                },\n                "method": "POST",\n                "uri": "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/oauth2/v2.0/token"\n            },\n            "response": {\n                "body": {\n                    "string": "{\\"token_type\\": \\"Bearer\\", \\"access_token\\": \\"REDACTED\\"}"\n                },\n                "headers": {},\n                "status": {\n                    "code": 200,\n                    "message": "OK"\n                }\n            }\n        }\n    ],\n    "version": 1\n}\n`,
    expect: ['5:87 credential-query'],
  },
  // Ruby VCR YAML (Psych), Azure AD's password grant from Faraday; the refresh answer form-encoded.
  'scrub-ruby-vcr-form-dirty.yml': {
    text: `---\nhttp_interactions:\n- request:\n    method: post\n    uri: https://login.microsoftonline.com/organizations/oauth2/v2.0/token\n    body:\n      encoding: UTF-8\n      string: client_id=00000000-0000-0000-0000-000000000000&grant_type=password&password=${PASSWORD}&scope=openid&username=dev%40example.com\n    headers:\n      User-Agent:\n      - Faraday v2.9.0\n      Content-Type:\n      - ${FORM}\n  response:\n    status:\n      code: 200\n      message: OK\n    headers:\n      Content-Type:\n      - ${FORM}\n    body:\n      encoding: UTF-8\n      string: refresh_token=${REFRESH}&token_type=Bearer\n  recorded_at: Mon, 01 Jan 2024 00:00:00 GMT\nrecorded_with: VCR 6.2.0\n`,
    expect: ['8:91 credential-query', '23:29 credential-query'],
  },
  'scrub-ruby-vcr-form-dirty.json': {
    text: `{"http_interactions":[{"request":{"method":"post","uri":"https://oauth2.googleapis.com/token","body":{"encoding":"UTF-8","string":"client_secret=${CLIENT_SECRET}&grant_type=refresh_token&refresh_token=${REFRESH}"},"headers":{"Content-Type":["${FORM}"]}},"response":{"status":{"code":200,"message":"OK"},"headers":{},"body":{"encoding":"UTF-8","string":"{}"}},"recorded_at":"Mon, 01 Jan 2024 00:00:00 GMT"}],"recorded_with":"VCR 6.2.0"}\n`,
    expect: ['1:146 credential-query', '1:213 credential-query'],
  },
  // HAR (Playwright, Chromium): postData with text and the parsed params; the type from the header and mimeType.
  'scrub-har-form-dirty.har': {
    text: `{\n  "log": {\n    "version": "1.2",\n    "creator": {"name": "Playwright", "version": "1.49.0"},\n    "entries": [\n      {\n        "request": {\n          "method": "POST",\n          "url": "https://oauth2.googleapis.com/token",\n          "headers": [{"name": "content-type", "value": "${FORM}"}],\n          "queryString": [],\n          "cookies": [],\n          "postData": {\n            "mimeType": "${FORM}",\n            "text": "client_secret=${CLIENT_SECRET}&grant_type=refresh_token&refresh_token=${REFRESH}",\n            "params": [\n              {"name": "client_secret", "value": "${CLIENT_SECRET}"},\n              {"name": "grant_type", "value": "refresh_token"},\n              {"name": "refresh_token", "value": "${REFRESH}"}\n            ]\n          }\n        },\n        "response": {"status": 200, "statusText": "OK", "headers": [], "cookies": [], "content": {"size": 35, "mimeType": "${FORM}", "text": "access_token=${ACCESS}&scope=repo"}, "redirectURL": ""}\n      }\n    ]\n  }\n}\n`,
    expect: ['15:36 credential-query', '15:103 credential-query', '17:51 credential-query', '19:51 credential-query', '23:182 credential-query'],
  },
};

// A secret in a body whose replacement changes the body's byte length, in every format: each
// recorded length of that body (`lengths`: go-vcr content_length, the Content-Length header in each
// header shape, HAR bodySize and content.size, Polly's too) is kept true. The response bodies are
// stored decoded under `Content-Encoding: gzip`: their recorded lengths are the compressed ones,
// already not the body's, and stay (except HAR's content.size, which is the decoded size).
const LEN_BODY = `{"k":"${XKEY}","n":"héllo"}`;
const LEN_ANSWER = `{"echo":"${XKEY}","ok":"ça"}`;
const bytes = (s: string) => Buffer.byteLength(s);
const LENGTH_CASES: Record<string, { text: string; expect: string[]; lengths: number[] }> = {
  'len-go-vcr.yaml': {
    text: `---\nversion: 2\ninteractions:\n- id: 0\n  request:\n    proto: HTTP/1.1\n    content_length: ${bytes(LEN_BODY)}\n    body: '${LEN_BODY}'\n    form: {}\n    headers:\n      Content-Length:\n      - "${bytes(LEN_BODY)}"\n      Content-Type:\n      - application/json\n    url: https://api.anthropic.com/v1/messages\n    method: POST\n  response:\n    content_length: 61\n    body: '${LEN_ANSWER}'\n    headers:\n      Content-Encoding:\n      - gzip\n      Content-Length:\n      - "61"\n    status: 200 OK\n    code: 200\n    duration: 1s\n`,
    expect: ['8:18 anthropic-key', '19:21 anthropic-key'],
    lengths: [7, 12],
  },
  'len-vcrpy.yaml': {
    text: `interactions:\n- request:\n    body: '${LEN_BODY}'\n    headers:\n      Content-Length:\n      - '${bytes(LEN_BODY)}'\n    method: POST\n    uri: https://api.anthropic.com/v1/messages\n  response:\n    body:\n      string: '${LEN_ANSWER}'\n    headers:\n      Content-Length:\n      - '${bytes(LEN_ANSWER)}'\n    status:\n      code: 200\n      message: OK\n- request:\n    body: null\n    headers: {}\n    method: GET\n    uri: https://api.anthropic.com/v1/models\n  response:\n    body:\n      string: '${LEN_ANSWER}'\n    headers:\n      Content-Encoding:\n      - gzip\n      Content-Length:\n      - '61'\n    status:\n      code: 200\n      message: OK\nversion: 1\n`,
    expect: ['3:18 anthropic-key', '11:25 anthropic-key', '25:25 anthropic-key'],
    lengths: [6, 14],
  },
  'len-vcrpy.json': {
    text: `{\n    "interactions": [\n        {\n            "request": {\n                "body": ${JSON.stringify(LEN_BODY)},\n                "headers": {\n                    "Content-Length": [\n                        "${bytes(LEN_BODY)}"\n                    ]\n                },\n                "method": "POST",\n                "uri": "https://api.anthropic.com/v1/messages"\n            },\n            "response": {\n                "body": {\n                    "string": ${JSON.stringify(LEN_ANSWER)}\n                },\n                "headers": {\n                    "Content-Encoding": [\n                        "gzip"\n                    ],\n                    "Content-Length": [\n                        "61"\n                    ]\n                },\n                "status": {\n                    "code": 200,\n                    "message": "OK"\n                }\n            }\n        }\n    ],\n    "version": 1\n}\n`,
    expect: ['5:35 anthropic-key', '16:44 anthropic-key'],
    lengths: [8],
  },
  'len-ruby-vcr.yml': {
    text: `---\nhttp_interactions:\n- request:\n    method: post\n    uri: https://api.openai.com/v1/chat/completions\n    body:\n      encoding: UTF-8\n      string: '${LEN_BODY}'\n    headers:\n      Content-Length:\n      - '${bytes(LEN_BODY)}'\n  response:\n    status:\n      code: 200\n      message: OK\n    headers:\n      Content-Encoding:\n      - gzip\n      Content-Length:\n      - '61'\n    body:\n      encoding: UTF-8\n      string: '${LEN_ANSWER}'\n  recorded_at: Mon, 01 Jan 2024 00:00:00 GMT\nrecorded_with: VCR 6.2.0\n`,
    expect: ['8:22 anthropic-key', '23:25 anthropic-key'],
    lengths: [11],
  },
  'len-ruby-vcr.json': {
    text: `{"http_interactions":[{"request":{"method":"post","uri":"https://api.openai.com/v1/x",\n"body":{"encoding":"UTF-8","string":${JSON.stringify(LEN_BODY)}},\n"headers":{"Content-Length":\n["${bytes(LEN_BODY)}"]}},\n"response":{"status":{"code":200,"message":"OK"},\n"headers":{"Content-Length":\n["${bytes(LEN_ANSWER)}"]},\n"body":{"encoding":"UTF-8","string":${JSON.stringify(LEN_ANSWER)}}},"recorded_at":"Mon, 01 Jan 2024 00:00:00 GMT"}],"recorded_with":"VCR 6.2.0"}\n`,
    expect: ['2:47 anthropic-key', '8:50 anthropic-key'],
    lengths: [4, 7],
  },
  'len-har.har': {
    text: `{\n  "log": {\n    "version": "1.2",\n    "creator": {"name": "t", "version": "1"},\n    "entries": [\n      {\n        "request": {\n          "method": "POST",\n          "url": "https://api.anthropic.com/v1/messages",\n          "headers": [\n            {"name": "content-length",\n             "value": "${bytes(LEN_BODY)}"}\n          ],\n          "queryString": [],\n          "cookies": [],\n          "postData": {"mimeType": "application/json", "text": ${JSON.stringify(LEN_BODY)}},\n          "bodySize": ${bytes(LEN_BODY)}\n        },\n        "response": {\n          "status": 200, "statusText": "OK",\n          "headers": [\n            {"name": "content-encoding", "value": "gzip"},\n            {"name": "content-length",\n             "value": "61"}\n          ],\n          "cookies": [],\n          "content": {\n            "size": ${bytes(LEN_ANSWER)},\n            "mimeType": "application/json",\n            "text": ${JSON.stringify(LEN_ANSWER)}\n          },\n          "bodySize": 61\n        }\n      }\n    ]\n  }\n}\n`,
    expect: ['16:74 anthropic-key', '30:34 anthropic-key'],
    lengths: [12, 17, 28],
  },
  // Polly.js's recording.har: the HAR shape, a body without Content-Encoding; every length true.
  'len-polly.har': {
    text: `{\n  "log": {\n    "_recordingName": "anthropic",\n    "creator": {"comment": "persister:fs", "name": "Polly.JS", "version": "6.0.6"},\n    "entries": [\n      {\n        "_id": "0a1b2c",\n        "_order": 0,\n        "request": {\n          "bodySize": ${bytes(LEN_BODY)},\n          "cookies": [],\n          "headers": [\n            {"_fromType": "array", "name": "content-length", "value": "${bytes(LEN_BODY)}"}\n          ],\n          "headersSize": 200,\n          "httpVersion": "HTTP/1.1",\n          "method": "POST",\n          "postData": {"mimeType": "application/json", "params": [], "text": ${JSON.stringify(LEN_BODY)}},\n          "queryString": [],\n          "url": "https://api.anthropic.com/v1/messages"\n        },\n        "response": {\n          "bodySize": ${bytes(LEN_ANSWER)},\n          "content": {"mimeType": "application/json", "size": ${bytes(LEN_ANSWER)},\n            "text": ${JSON.stringify(LEN_ANSWER)}},\n          "cookies": [],\n          "headers": [\n            {"name": "content-length", "value": "${bytes(LEN_ANSWER)}"}\n          ],\n          "headersSize": 100,\n          "httpVersion": "HTTP/1.1",\n          "redirectURL": "",\n          "status": 200,\n          "statusText": "OK"\n        },\n        "startedDateTime": "2024-01-01T00:00:00.000Z",\n        "time": 10,\n        "timings": {"blocked": -1, "connect": -1, "dns": -1, "receive": 0, "send": 0, "ssl": -1, "wait": 10}\n      }\n    ],\n    "pages": [],\n    "version": "1.2"\n  }\n}\n`,
    expect: ['18:88 anthropic-key', '25:34 anthropic-key'],
    lengths: [10, 13, 23, 24, 28],
  },
};
Object.assign(CASES, LENGTH_CASES);

// A redirect's `Location` header is a URL: its query and fragment get the credential parameter rule
// (OAuth's `?code=…` is no credential, `access_token=` and `client_secret=` are), in each header shape.
const LOCATION = `https://app.example/callback?code=4%2F0Aabc&client_secret=${CLIENT_SECRET}#access_token=${REDIRECT_TOKEN}&token_type=Bearer`;
const LOCATION_CASES: Record<string, { text: string; expect: string[] }> = {
  // go-vcr: a map of lists (YAML).
  'location-go-vcr.yaml': {
    text: `---\nversion: 2\ninteractions:\n- id: 0\n  request:\n    body: ""\n    form: {}\n    headers: {}\n    url: https://accounts.example/o/oauth2/auth\n    method: GET\n  response:\n    body: ""\n    headers:\n      Location:\n      - ${LOCATION}\n    status: 302 Found\n    code: 302\n    duration: 1ms\n`,
    expect: ['15:67 credential-query', '15:108 credential-query'],
  },
  // Ruby VCR YAML: a map of lists, the name in lower case.
  'location-ruby-vcr.yml': {
    text: `---\nhttp_interactions:\n- request:\n    method: get\n    uri: https://accounts.example/o/oauth2/auth\n    body:\n      encoding: US-ASCII\n      string: ''\n    headers: {}\n  response:\n    status:\n      code: 302\n      message: Found\n    headers:\n      location:\n      - ${LOCATION}\n    body:\n      encoding: UTF-8\n      string: ''\n  recorded_at: Mon, 01 Jan 2024 00:00:00 GMT\nrecorded_with: VCR 6.2.0\n`,
    expect: ['16:67 credential-query', '16:108 credential-query'],
  },
  // vcrpy JSON: a map of lists in JSON.
  'location-vcrpy.json': {
    text: `{\n    "interactions": [\n        {\n            "request": {\n                "body": null,\n                "headers": {},\n                "method": "GET",\n                "uri": "https://accounts.example/o/oauth2/auth"\n            },\n            "response": {\n                "body": {"string": ""},\n                "headers": {\n                    "Location": [\n                        "${LOCATION}"\n                    ]\n                },\n                "status": {"code": 302, "message": "Found"}\n            }\n        }\n    ],\n    "version": 1\n}\n`,
    expect: ['14:84 credential-query', '14:125 credential-query'],
  },
  // HAR: a name/value list.
  'location-har.har': {
    text: `{\n  "log": {\n    "version": "1.2",\n    "creator": {"name": "t", "version": "1"},\n    "entries": [\n      {\n        "request": {"method": "GET", "url": "https://accounts.example/o/oauth2/auth", "headers": [], "queryString": [], "cookies": []},\n        "response": {\n          "status": 302, "statusText": "Found",\n          "headers": [\n            {"name": "Location", "value": "${LOCATION}"}\n          ],\n          "cookies": [],\n          "content": {"size": 0, "mimeType": "text/html", "text": ""},\n          "redirectURL": ""\n        }\n      }\n    ]\n  }\n}\n`,
    expect: ['11:102 credential-query', '11:143 credential-query'],
  },
};
Object.assign(CASES, LOCATION_CASES);

// Other headers that carry URLs: each absolute URL in a header value gets the credential parameter
// rule (Link's `<…>`), and `Content-Location` is a URL, relative here, as `Location` is.
const LINK = `<https://api.example/v1/files?after=f_2&access_token=${PAGE_TOKEN}>; rel="next"`;
const CONTENT_LOCATION = `/v1/files/f_1/content?expires=1700000000&sig=${SIGNATURE}`;
const HEADER_URL_CASES: Record<string, { text: string; expect: string[] }> = {
  'header-urls-go-vcr.yaml': {
    text: `---\nversion: 2\ninteractions:\n- id: 0\n  request:\n    body: ""\n    form: {}\n    headers: {}\n    url: https://api.example/v1/files\n    method: GET\n  response:\n    body: '{"data": []}'\n    headers:\n      Content-Location:\n      - ${CONTENT_LOCATION}\n      Content-Type:\n      - application/json\n      Link:\n      - '${LINK}'\n    status: 200 OK\n    code: 200\n    duration: 1ms\n`,
    expect: ['15:54 credential-query', '19:63 credential-query'],
  },
  'header-urls-vcrpy.json': {
    text: `{\n    "interactions": [\n        {\n            "request": {\n                "body": null,\n                "headers": {},\n                "method": "GET",\n                "uri": "https://api.example/v1/files"\n            },\n            "response": {\n                "body": {"string": "{\\"data\\": []}"},\n                "headers": {\n                    "Content-Location": [\n                        "${CONTENT_LOCATION}"\n                    ],\n                    "Link": [\n                        "${LINK.replaceAll('"', '\\"')}"\n                    ]\n                },\n                "status": {"code": 200, "message": "OK"}\n            }\n        }\n    ],\n    "version": 1\n}\n`,
    expect: ['14:71 credential-query', '17:79 credential-query'],
  },
  'header-urls-har.har': {
    text: `{\n  "log": {\n    "version": "1.2",\n    "creator": {"name": "t", "version": "1"},\n    "entries": [\n      {\n        "request": {"method": "GET", "url": "https://api.example/v1/files", "headers": [], "queryString": [], "cookies": []},\n        "response": {\n          "status": 200, "statusText": "OK",\n          "headers": [\n            {"name": "content-location", "value": "${CONTENT_LOCATION}"},\n            {"name": "link", "value": "${LINK.replaceAll('"', '\\"')}"}\n          ],\n          "cookies": [],\n          "content": {"size": 12, "mimeType": "application/json", "text": "{\\"data\\": []}"},\n          "redirectURL": ""\n        }\n      }\n    ]\n  }\n}\n`,
    expect: ['11:97 credential-query', '12:93 credential-query'],
  },
};
Object.assign(CASES, HEADER_URL_CASES);

const dir = mkdtempSync(join(tmpdir(), 'cassette-scrub-formats-'));
const path = (name: string) => join(dir, name);
const noSecret = (out: string) => {
  for (const s of SECRETS) assert.ok(!out.includes(s), `printed ${s.slice(0, 10)}`);
};

for (const [name, { text, expect, lengths = [] }] of Object.entries(CASES)) {
  test(`${name}: --check finds each secret at its site, scrub changes only those lines, idempotent`, async () => {
    writeFileSync(path(name), text);
    const check = await runCli(['scrub', '--check', path(name)]);
    noSecret(check.stdout + check.stderr);
    assert.equal(check.code, 1, check.stderr);
    const lines = check.stdout.trim().split('\n').map((l) => l.slice(path(name).length + 1).split(' ').slice(0, 2).join(' '));
    // Each position is where a secret (or the credential header's value) starts in the text.
    const rows = text.split('\n');
    for (const at of lines) {
      const [line, col] = at.split(' ')[0]!.split(':').map(Number);
      const rest = rows[line! - 1]!.slice(col! - 1);
      assert.ok([...SECRETS, 'Bearer ', 'session='].some((s) => rest.startsWith(s)), `${name}:${at} points at ${rest.slice(0, 12)}`);
    }
    if (process.env.SHOW) console.log(name, JSON.stringify(lines));
    assert.deepEqual(lines, expect);
    assert.equal(readFileSync(path(name), 'utf8'), text, '--check writes nothing');

    const fix = await runCli(['scrub', path(name)]);
    assert.equal(fix.code, 0, fix.stderr);
    noSecret(fix.stdout + fix.stderr);
    const after = readFileSync(path(name), 'utf8');
    noSecret(after);
    const a = text.split('\n');
    const b = after.split('\n');
    assert.equal(a.length, b.length);
    const changed = a.map((l, i) => (l === b[i] ? 0 : i + 1)).filter(Boolean);
    assert.deepEqual(changed, [...new Set([...lengths, ...expect.map((e) => Number(e.split(':')[0]))])].sort((x, y) => x - y));
    if (name.endsWith('json') || name.endsWith('har')) JSON.parse(after);

    const again = await runCli(['scrub', '--check', path(name)]);
    assert.equal(again.code, 0, again.stdout);
    await runCli(['scrub', path(name)]);
    assert.equal(readFileSync(path(name), 'utf8'), after, 'a second scrub changes nothing');
  });
}

test('a clean file of each format stays byte-identical', async () => {
  for (const [name, { text }] of Object.entries(CASES)) {
    // A redacted cookie header is the placeholder alone (a HAR cookie's value is the credential).
    const unset = text.replace(new RegExp(`session=${SESSION}(; path=/)?`, 'g'), 'REDACTED');
    const clean = SECRETS.reduce((t, s) => t.split(s).join('REDACTED'), unset);
    const file = path(`clean-${name}`);
    writeFileSync(file, clean);
    const r = await runCli(['scrub', file]);
    assert.equal(r.code, 0, `${name}: ${r.stdout}${r.stderr}`);
    assert.equal(readFileSync(file, 'utf8'), clean, name);
  }
});

test('Ruby VCR with Authorization: Bearer sk-… fails --check (issue 12 regression)', async () => {
  const file = path('scrub-ruby-bearer.yml');
  writeFileSync(file, `---\nhttp_interactions:\n- request:\n    method: get\n    uri: https://api.openai.com/v1/models\n    body:\n      encoding: US-ASCII\n      string: ''\n    headers:\n      Authorization:\n      - Bearer ${BEARER}\n  response:\n    status:\n      code: 200\n      message: OK\n    headers: {}\n    body:\n      encoding: UTF-8\n      string: '{}'\n  recorded_at: Mon, 01 Jan 2024 00:00:00 GMT\nrecorded_with: VCR 6.2.0\n`);
  const r = await runCli(['scrub', '--check', file]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout.trim().split(' ').slice(0, 2).join(' ').slice(file.length + 1), '11:9 authorization-header');
  noSecret(r.stdout + r.stderr);
});

test('a document no format accepts: exit 2 naming what was found, in scrub and --check; other files still processed', async () => {
  const odd = path('scrub-odd.yaml');
  writeFileSync(odd, 'headers:\n  Authorization: Bearer x\nitems: []\n');
  const dirty = path('scrub-ruby-vcr-dirty.yml');
  writeFileSync(dirty, CASES['scrub-ruby-vcr-dirty.yml']!.text);
  for (const args of [['--check'], []]) {
    const r = await runCli(['scrub', ...args, odd, dirty]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`${odd.replace(/[.]/g, '\\.')}: not a cassette: found a YAML mapping with keys headers, items`));
  }
  assert.equal(readFileSync(odd, 'utf8'), 'headers:\n  Authorization: Bearer x\nitems: []\n');
  assert.ok(!readFileSync(dirty, 'utf8').includes(BEARER), 'the other file was scrubbed');
  const json = path('scrub-odd.json');
  writeFileSync(json, '{"a": 1}\n');
  const j = await runCli(['scrub', '--check', json]);
  assert.equal(j.code, 2);
  assert.match(j.stderr, /not a cassette: found a JSON mapping with keys a/);
  const bad = path('scrub-bad.json');
  writeFileSync(bad, '{"a": \n  1,,}\n');
  const b = await runCli(['scrub', '--check', bad]);
  assert.equal(b.code, 2);
  assert.match(b.stderr, new RegExp(`scrub-bad\\.json:2:\\d+: `));
});

test('scrub --check on a folder without cassettes exits 0 with a note', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'cassette-scrub-empty-'));
  const r = await runCli(['scrub', '--check', empty]);
  assert.equal(r.code, 0);
  assert.match(r.stderr, /no cassettes to scrub/);
});

test('a key inside a gzip !!binary body: --check reports it at the body scalar; scrub leaves it, says so, exit 1', async () => {
  const { gzipSync } = await import('node:zlib');
  const body = gzipSync(Buffer.from(`{"echo": "${XKEY}"}`)).toString('base64');
  const text = `interactions:\n- request:\n    body: null\n    headers: {}\n    method: GET\n    uri: https://g.example/v1\n  response:\n    body:\n      string: !!binary |\n        ${body}\n    headers:\n      Content-Encoding:\n      - gzip\n    status:\n      code: 200\n      message: OK\nversion: 1\n`;
  const file = path('scrub-vcrpy-gzip-dirty.yaml');
  writeFileSync(file, text);
  const check = await runCli(['scrub', '--check', file]);
  assert.equal(check.code, 1);
  assert.equal(check.stdout.trim().split(' ').slice(0, 2).join(' ').slice(file.length + 1), '9:24 anthropic-key'); // the body scalar (its `|` header)
  assert.match(check.stdout, /interactions\[0\]\.response\.body\.string/);
  noSecret(check.stdout + check.stderr);
  const fix = await runCli(['scrub', file]);
  assert.equal(fix.code, 1);
  assert.match(fix.stderr, /1 secret inside compressed bodies left as recorded/);
  assert.equal(readFileSync(file, 'utf8'), text);
});

test('HAR: a form body known by its mimeType alone, and a base64 request body (`_encoding`, cassette\'s HAR writer), are scanned as what they are', async () => {
  const form = Buffer.from(`grant_type=refresh_token&refresh_token=${REFRESH}`).toString('base64');
  const entry = (postData: Record<string, unknown>) =>
    `{"request": {"method": "POST", "url": "https://oauth2.googleapis.com/token", "headers": [], "queryString": [], "cookies": [], "postData": ${JSON.stringify(postData)}}, "response": {"status": 200, "statusText": "OK", "headers": [], "cookies": [], "content": {"size": 0, "mimeType": "text/plain", "text": ""}}}`;
  const text = `{"log": {"version": "1.2", "creator": {"name": "t", "version": "1"}, "entries": [\n${entry({ mimeType: FORM, text: `client_secret=${CLIENT_SECRET}` })},\n${entry({ mimeType: FORM, text: form, _encoding: 'base64' })}\n]}}\n`;
  const file = path('scrub-har-form-mimetype.har');
  writeFileSync(file, text);
  const check = await runCli(['scrub', '--check', file]);
  assert.equal(check.code, 1);
  noSecret(check.stdout + check.stderr);
  assert.deepEqual(check.stdout.trim().split('\n').map((l) => l.slice(file.length + 1).split(' ').slice(0, 2).join(' ')), ['2:209 credential-query', '3:194 credential-query']);
  const rows = text.split('\n');
  assert.ok(rows[1]!.slice(208).startsWith(CLIENT_SECRET), 'at the secret');
  assert.ok(rows[2]!.slice(193).startsWith(`"${form}"`), 'at the base64 scalar');
  assert.equal((await runCli(['scrub', file])).code, 0);
  const after = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(after.log.entries[0].request.postData.text, 'client_secret=REDACTED');
  assert.equal(Buffer.from(after.log.entries[1].request.postData.text, 'base64').toString(), 'grant_type=refresh_token&refresh_token=REDACTED');
  assert.equal((await runCli(['scrub', '--check', file])).code, 0);
});

const lengthMismatches = async (file: string) => (await runCli(['lint', '--no-color', file])).stdout.split('\n').filter((l) => l.includes('content-length-mismatch'));

for (const [name, { text, lengths }] of Object.entries(LENGTH_CASES)) {
  test(`${name}: after scrub every recorded body length is true (lint: no content-length-mismatch); a length already not the body's stays`, async () => {
    const file = path(`lint-${name}`);
    writeFileSync(file, text);
    assert.deepEqual(await lengthMismatches(file), [], 'the recording is consistent before');
    assert.equal((await runCli(['scrub', file])).code, 0);
    assert.deepEqual(await lengthMismatches(file), [], 'and after the scrub');

    // The same file with each true length one more than the body: those lines are left as they were.
    const rows = text.split('\n');
    for (const line of lengths) rows[line - 1] = rows[line - 1]!.replace(/\d+(?=\D*$)/, (n) => String(Number(n) + 1));
    const stale = rows.join('\n');
    const staleFile = path(`stale-${name}`);
    writeFileSync(staleFile, stale);
    const before = await lengthMismatches(staleFile);
    assert.ok(before.length > 0 || name.endsWith('.har'), 'lint sees the stale lengths');
    assert.equal((await runCli(['scrub', staleFile])).code, 0);
    const after = readFileSync(staleFile, 'utf8').split('\n');
    for (const line of lengths) assert.equal(after[line - 1], rows[line - 1], `${name}:${line} stays`);
    assert.equal(after.filter((l, i) => l !== rows[i]).length, new Set(CASES[name]!.expect.map((e) => e.split(':')[0])).size, 'only the secret lines changed');
  });
}

test('URLs in headers (Location, Link, Content-Location): the quick verdict agrees (a credential parameter is no "surely clean"; the redacted twin is, except HAR, always left to the CST editor)', () => {
  const c = compileScrubOptions();
  for (const [name, { text }] of Object.entries({ ...LOCATION_CASES, ...HEADER_URL_CASES })) {
    assert.equal(isSurelyClean(text, c), false, name);
    const clean = SECRETS.reduce((t, s) => t.split(s).join('REDACTED'), text);
    assert.equal(isSurelyClean(clean, c), !name.endsWith('.har'), `${name} redacted`);
    // `code=` alone is no credential.
    if (!(name in LOCATION_CASES)) continue;
    const codeOnly = text.split(LOCATION).join('https://app.example/callback?code=4%2F0Aabc&state=xyz');
    assert.equal(isSurelyClean(codeOnly, c), !name.endsWith('.har'), `${name} code only`);
  }
});
