import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgress } from '../../src/commands/progress.ts';

function fakeStderr(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 60, write: (s: string) => writes.push(s) } };
}

test('progress appears only after a second, at most ten times a second, and is erased', () => {
  const { writes, stream } = fakeStderr(true);
  let clock = 0;
  const progress = createProgress(stream, 5, {}, () => clock);
  progress.tick('a.yaml'); // 0 ms: too early
  clock = 1200;
  progress.tick('b.yaml'); // drawn
  clock = 1250;
  progress.tick('c.yaml'); // within 100 ms of the last draw
  clock = 1400;
  progress.tick('d.yaml');
  progress.clear();
  progress.clear(); // nothing drawn since: nothing to erase
  assert.deepEqual(writes, ['\r\x1b[K2/5 b.yaml', '\r\x1b[K4/5 d.yaml', '\r\x1b[K']);
});

test('no progress when stderr is not a terminal, or in CI', () => {
  for (const [tty, env] of [[false, {}], [true, { CI: 'true' }]] as const) {
    const { writes, stream } = fakeStderr(tty);
    let clock = 0;
    const progress = createProgress(stream, 5, env, () => clock);
    clock = 5000;
    progress.tick('a.yaml');
    progress.clear();
    assert.deepEqual(writes, []);
  }
});
