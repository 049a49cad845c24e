// `cassette lint` over the whole shared corpus: every file reads, and the findings by rule are the
// ones the README lists (a change here is a change of what lint finds in real recordings: update
// the README's table with it).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.ts';
import { CORPUS, SKIP_WITHOUT_CORPUS } from '../helpers/paths.ts';

const BY_RULE = {
  'volatile-header': 1320,
  'error-status': 63,
  'content-length-mismatch': 19,
  'duplicate-interaction': 4,
  'error-in-stream': 4,
  'cookie-header': 3,
  'usage-mismatch': 3,
  'unexpected-body': 2,
  'oversized-body': 1,
  'tool-call-without-id': 1,
  'turn-mismatch': 1,
};

test('lint ../shared/corpus: every file read, findings by rule as the README lists them', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const r = await runCli(['lint', '--format', 'json', CORPUS]);
  const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { status: string; findings: Array<{ rule: string; severity: string }> });
  assert.ok(records.length >= 1400, `${records.length} files`);
  assert.deepEqual(records.filter((x) => x.status === 'error'), []);
  const counts: Record<string, number> = {};
  for (const record of records) for (const f of record.findings) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
  assert.deepEqual(counts, BY_RULE);
  // The three session cookies are errors: lint fails on the corpus, as it should.
  assert.equal(r.code, 1);
});
