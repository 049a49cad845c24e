#!/bin/sh
# Re-record the vcrpy, Ruby VCR, Polly and Playwright-HAR samples against the fake LLM server.
# Needs: apt-get install -y python3-vcr python3-requests python3-yaml ruby-vcr ruby-webmock ruby-multi-json chromium
#        Polly in /tmp/polly and playwright-core in /tmp/pw (see polly.mjs / har-playwright.mjs).
# Not run by npm test. Run from the repo root: sh scripts/samples/record-formats.sh
set -e
PORT=${PORT:-8765}
/usr/bin/python3 scripts/samples/fake-llm-server.py "$PORT" & SERVER=$!
trap 'kill $SERVER' EXIT
sleep 1
/usr/bin/python3 scripts/samples/vcrpy.py "$PORT"
ruby scripts/samples/ruby-vcr.rb "$PORT"
rm -rf samples/polly-openai-chat_* samples/polly-openai-chat-dirty_*
POLLY_DIR=${POLLY_DIR:-/tmp/polly} node scripts/samples/polly.mjs "$PORT"
PW_DIR=${PW_DIR:-/tmp/pw} node scripts/samples/har-playwright.mjs "$PORT"
PW_DIR=${PW_DIR:-/tmp/pw} node scripts/samples/har-playwright-attach.mjs "$PORT"
