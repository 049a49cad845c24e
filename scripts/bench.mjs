// `npm run bench`: start-up, corpus throughput and scaling of the built CLI (issue 7). Every figure
// is a ratio against a baseline timed in the same run (median of paired, interleaved runs), because
// the machines are noisy. Prints a table; exits 1 when a target is missed. Not a test.
//
//   npm run bench                 all checks (a few minutes at most)
//   npm run bench -- --quick      fewer runs, scaling up to 10 MB only
//   CASSETTE_CORPUS=dir           where fantasy/ and fantasy-2025-11/ are (default ../shared/corpus)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Table from 'cli-table3';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/cassette.js');
const CORPUS = resolve(process.env.CASSETTE_CORPUS ?? join(ROOT, '../shared/corpus'));
const QUICK = process.argv.includes('--quick');
const NODE = process.execPath;
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

// ---- measuring -------------------------------------------------------------------------------

/** Runs a command (stdout to /dev/null) and returns its wall time in ms and peak RSS in KB. */
function timeRun([cmd, ...args]) {
  const argv = GNU_TIME ? [GNU_TIME, '-f', '__RSS__ %M', cmd, ...args] : [cmd, ...args];
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const stderr = result.stderr?.toString() ?? '';
  const rss = Number(/__RSS__ (\d+)/.exec(stderr)?.[1] ?? NaN);
  // Exit 1 means "findings / differences" for scrub and diff; only 2 and up are failures here.
  if (result.status === null || result.status >= 2 || result.error) {
    throw new Error(`${[cmd, ...args].join(' ')} failed (${result.status ?? result.error}):\n${stderr.slice(0, 2000)}`);
  }
  return { ms, rss };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Median of subject/baseline ratios over `runs` pairs, the order alternating within each pair. */
function paired(baseline, subject, runs) {
  timeRun(baseline);
  timeRun(subject); // warm the page cache and disk
  const ratios = [];
  const base = [];
  const subj = [];
  for (let i = 0; i < runs; i++) {
    let b;
    let s;
    if (i % 2) {
      b = timeRun(baseline);
      s = timeRun(subject);
    } else {
      s = timeRun(subject);
      b = timeRun(baseline);
    }
    base.push(b.ms);
    subj.push(s.ms);
    ratios.push(s.ms / b.ms);
  }
  return { ratio: median(ratios), base: median(base), subject: median(subj) };
}

/** Median ms from navigation to the load event of a file in Debian's headless chromium; undefined without it. */
async function chromiumLoadMs(file, runs) {
  if (!existsSync('/usr/bin/chromium')) return undefined;
  const { chromium } = await import('playwright-core');
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
  try {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      const start = Date.now();
      await page.goto(`file://${file}`, { waitUntil: 'load', timeout: 120_000 });
      times.push(Date.now() - start);
      await page.close();
    }
    return median(times);
  } finally {
    await browser.close();
  }
}

// ---- synthetic cassettes ---------------------------------------------------------------------

const quoteSingle = (s) => `'${s.replaceAll("'", "''")}'`;

function streamInteraction(id, words, variant) {
  const request = JSON.stringify({
    model: 'gpt-4o',
    messages: [{ role: 'system', content: 'You are terse.' }, { role: 'user', content: `Question ${id}: tell me a long story about the number ${id}.` }],
    stream: true,
    stream_options: { include_usage: true },
  });
  const chunk = (delta, finish) => `data: ${JSON.stringify({ id: `chatcmpl-${id}`, object: 'chat.completion.chunk', created: 1700000000 + id, model: 'gpt-4o-2024-08-06', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  let body = chunk({ role: 'assistant', content: '' }, null);
  for (let w = 0; w < words; w++) body += chunk({ content: `${variant && id % 10 === 3 && w === 5 ? 'changed' : 'word'}${w} ` }, null);
  body += chunk({}, 'stop');
  body += `data: ${JSON.stringify({ id: `chatcmpl-${id}`, object: 'chat.completion.chunk', choices: [], usage: { prompt_tokens: 20, completion_tokens: words, total_tokens: 20 + words } })}\n\ndata: [DONE]\n\n`;
  return `- id: ${id}
  request:
    proto: HTTP/1.1
    proto_major: 1
    proto_minor: 1
    content_length: ${Buffer.byteLength(request)}
    host: ""
    body: ${quoteSingle(request)}
    headers:
      Content-Type:
      - application/json
    url: https://api.openai.com/v1/chat/completions
    method: POST
  response:
    proto: HTTP/2.0
    proto_major: 2
    proto_minor: 0
    content_length: -1
    body: |+
${body.split('\n').map((line) => (line ? `      ${line}` : '')).join('\n')}
    headers:
      Content-Type:
      - text/event-stream; charset=utf-8
    status: 200 OK
    code: 200
    duration: 1.234567s
`;
}

function binaryInteraction(id, bytes, variant) {
  const data = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) data[i] = (i * 31 + id + (variant ? 1 : 0)) & 0xff;
  const base64 = data.toString('base64').match(/.{1,70}/g).map((line) => `      ${line}`).join('\n');
  return `- id: ${id}
  request:
    proto: HTTP/1.1
    proto_major: 1
    proto_minor: 1
    content_length: 0
    host: ""
    body: ""
    headers:
      Accept:
      - '*/*'
    url: https://files.example.com/v1/blobs/${id}
    method: GET
  response:
    proto: HTTP/2.0
    proto_major: 2
    proto_minor: 0
    content_length: ${bytes}
    body: !!binary |
${base64}
    headers:
      Content-Type:
      - application/octet-stream
    status: 200 OK
    code: 200
    duration: 52.5ms
`;
}

/** A go-vcr v2 cassette of about `size` bytes: long streams, every 8th a large base64 body. */
function syntheticCassette(size, variant = false) {
  const parts = ['---\nversion: 2\ninteractions:\n'];
  let length = parts[0].length;
  for (let id = 0; length < size; id++) {
    const part = id % 8 === 7 ? binaryInteraction(id, 192 * 1024, variant) : streamInteraction(id, 400, variant);
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

function vcrpyStreamInteraction(id, words) {
  const request = JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: `Question ${id}: tell me a long story about the number ${id}.` }], stream: true });
  const lines = [];
  const chunk = (delta, finish) => lines.push(`data: ${JSON.stringify({ id: `chatcmpl-${id}`, object: 'chat.completion.chunk', created: 1700000000 + id, model: 'gpt-4o-2024-08-06', choices: [{ index: 0, delta, finish_reason: finish }] })}`, '');
  chunk({ role: 'assistant', content: '' }, null);
  for (let w = 0; w < words; w++) chunk({ content: `word${w} ` }, null);
  chunk({}, 'stop');
  lines.push('data: [DONE]', '');
  // vcrpy's default serializer: a single-quoted scalar, a newline written as a blank line.
  const body = lines.map((line) => line.replaceAll("'", "''")).join('\n\n        ');
  return `- request:
    body: ${quoteSingle(request)}
    headers:
      Content-Type:
      - application/json
      User-Agent:
      - OpenAI/Python 1.54.0
    method: POST
    uri: https://api.openai.com/v1/chat/completions
  response:
    body:
      string: '${body}'
    headers:
      Content-Type:
      - text/event-stream; charset=utf-8
    status:
      code: 200
      message: OK
`;
}

function vcrpyBinaryInteraction(id, bytes) {
  const data = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) data[i] = (i * 31 + id) & 0xff;
  const base64 = data.toString('base64').match(/.{1,70}/g).map((line) => `        ${line}`).join('\n');
  return `- request:
    body: null
    headers:
      Accept:
      - '*/*'
    method: GET
    uri: https://files.example.com/v1/blobs/${id}
  response:
    body:
      string: !!binary |
${base64}
    headers:
      Content-Type:
      - application/octet-stream
    status:
      code: 200
      message: OK
`;
}

/** A vcrpy cassette (default serializer) of about `size` bytes, mixed like syntheticCassette. */
function syntheticVcrpyCassette(size) {
  const parts = ['interactions:\n'];
  let length = parts[0].length;
  for (let id = 0; length < size; id++) {
    const part = id % 8 === 7 ? vcrpyBinaryInteraction(id, 192 * 1024) : vcrpyStreamInteraction(id, 400);
    parts.push(part);
    length += part.length;
  }
  parts.push('version: 1\n');
  return parts.join('');
}

// ---- the checks ------------------------------------------------------------------------------

const rows = [];
let missed = 0;
let caCertsNote = '';
function row(section, check, baseline, subject, value, target, ok) {
  if (ok === false) missed++;
  rows.push([section, check, baseline, subject, value, target, ok === undefined ? 'n/a' : ok ? 'ok' : 'MISSED']);
}
const ms = (v) => `${v.toFixed(0)} ms`;
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

console.error('building…');
const built = spawnSync(NODE, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
if (built.status !== 0) process.exit(2);
const help = spawnSync(NODE, [BIN, '--help'], { cwd: ROOT }).stdout.toString();
const has = (command) => new RegExp(`^\\s+${command}\\b`, 'm').test(help);
const cli = (...args) => [NODE, BIN, ...args];
const tmp = mkdtempSync(join(tmpdir(), 'cassette-bench-'));

try {
  // 1. Start-up against `node -e 0`.
  console.error('start-up…');
  const small = join(ROOT, 'samples/openai-chat-json.yaml');
  const startRuns = QUICK ? 7 : 21;
  const startups = [['--version', cli('--version')], ['show <small file>', cli('show', small)]];
  if (has('scrub')) startups.push(['scrub --check <small file>', cli('scrub', '--check', small)]);
  else row('start-up', 'scrub --check <small file>', '', '', 'n/a (command not built yet)', '≤ 1.30×');
  for (const [name, command] of startups) {
    const r = paired([NODE, '-e', '0'], command, startRuns);
    row('start-up', name, `node -e 0: ${ms(r.base)}`, ms(r.subject), `${r.ratio.toFixed(2)}×`, '≤ 1.30×', r.ratio <= 1.3);
  }
  // Node 20 reads and parses NODE_EXTRA_CA_CERTS at every start, before any JavaScript runs, and
  // some machines (this one, CI) set it: say what share of every figure that is. Not a target.
  if (process.env.NODE_EXTRA_CA_CERTS) {
    const r = paired([NODE, '-e', '0'], ['env', 'NODE_EXTRA_CA_CERTS=', NODE, '-e', '0'], startRuns);
    caCertsNote = `NODE_EXTRA_CA_CERTS is set: Node loads it at every start (node -e 0: ${ms(r.base)}; with it empty: ${ms(r.subject)}). Every figure above includes that.`;
  }

  // 2 and 4. The corpus against PyYAML's C loader merely loading the same files.
  const folders = ['fantasy', 'fantasy-2025-11'].map((f) => join(CORPUS, f));
  if (folders.every((f) => existsSync(f))) {
    console.error('corpus…');
    const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));
    const files = folders.flatMap(walk);
    const list = join(tmp, 'files.txt');
    writeFileSync(list, files.join('\n'));
    const megabytes = files.reduce((sum, f) => sum + statSync(f).size, 0) / 1e6;
    const python = ['python3', '-c', `import yaml\nfor p in open(${JSON.stringify(list)}).read().split('\\n'):\n    with open(p) as f: yaml.load(f, Loader=yaml.CSafeLoader)`];
    const corpusRuns = QUICK ? 3 : 11; // the corpus checks are the noisiest: more pairs, a steadier median
    const label = `python CSafeLoader (${files.length} files, ${megabytes.toFixed(1)} MB)`;
    const corpusChecks = [['show --json', 'show', cli('show', '--json', ...folders), 1.0]];
    corpusChecks.push(['scrub --check', 'scrub', cli('scrub', '--check', ...folders), 1.0]);
    corpusChecks.push(['diff fantasy fantasy-2025-11', 'diff', cli('diff', ...folders), 2.0]);
    for (const [name, command, argv, limit] of corpusChecks) {
      if (!has(command)) {
        row('corpus', name, label, '', 'n/a (command not built yet)', `≤ ${limit.toFixed(1)}×`);
        continue;
      }
      const r = paired(python, argv, corpusRuns);
      row('corpus', name, `${label}: ${ms(r.base)}`, ms(r.subject), `${r.ratio.toFixed(2)}×`, `≤ ${limit.toFixed(1)}×`, r.ratio <= limit);
    }
  } else {
    row('corpus', 'all', `no corpus at ${CORPUS}`, '', 'skipped', '');
  }

  // 5. The newer formats' corpus folders, each against the same Python load of the same files
  // (Ruby VCR's `!binary` tag needs a constructor in the Python loader, as it does in ours).
  const formatCorpora = [
    ['pydantic-ai (vcrpy, parsed_body)', ['pydantic-ai']],
    ['simonw-llm* (vcrpy)', ['simonw-llm', 'simonw-llm-anthropic', 'simonw-llm-gemini']],
    ['ruby-openai (Ruby VCR)', ['ruby-openai']],
  ];
  for (const [name, names] of formatCorpora) {
    const dirs = names.map((f) => join(CORPUS, f));
    if (!dirs.every((f) => existsSync(f))) {
      row('corpus', `show --json ${name}`, `no ${names.join(', ')} at ${CORPUS}`, '', 'skipped', '≤ 1.0×');
      continue;
    }
    console.error(`corpus ${name}…`);
    const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));
    const files = dirs.flatMap(walk);
    const list = join(tmp, `files-${names[0]}.txt`);
    writeFileSync(list, files.join('\n'));
    const megabytes = files.reduce((sum, f) => sum + statSync(f).size, 0) / 1e6;
    const python = ['python3', '-c', `import yaml\nyaml.add_constructor('!binary', lambda l, n: l.construct_yaml_binary(n), Loader=yaml.CSafeLoader)\nfor p in open(${JSON.stringify(list)}).read().split('\\n'):\n    with open(p) as f: yaml.load(f, Loader=yaml.CSafeLoader)`];
    const label = `python CSafeLoader (${files.length} files, ${megabytes.toFixed(1)} MB)`;
    const r = paired(python, cli('show', '--json', ...dirs), QUICK ? 3 : 11);
    row('corpus', `show --json ${name}`, `${label}: ${ms(r.base)}`, ms(r.subject), `${r.ratio.toFixed(2)}×`, '≤ 1.0×', r.ratio <= 1.0);
    // scrub --check of the same files: the quick verdict (src/scrub/fast-check.ts) for every format.
    if (!has('scrub')) row('corpus', `scrub --check ${name}`, '', '', 'n/a (command not built yet)', '≤ 1.0×');
    else {
      const s = paired(python, cli('scrub', '--check', ...dirs), QUICK ? 3 : 11);
      row('corpus', `scrub --check ${name}`, `${label}: ${ms(s.base)}`, ms(s.subject), `${s.ratio.toFixed(2)}×`, '≤ 1.0×', s.ratio <= 1.0);
    }
  }

  // 7. lint over the whole corpus (every folder, every format) against show --json over the same
  // folders: lint reads, interprets and scans for credentials, and prints little (issue 14).
  if (existsSync(join(CORPUS, 'fantasy'))) {
    if (!has('lint')) row('corpus', 'lint <whole corpus>', '', '', 'n/a (command not built yet)', '≤ 1.5×');
    else {
      console.error('corpus lint…');
      const r = paired(cli('show', '--json', CORPUS), cli('lint', CORPUS), QUICK ? 3 : 7);
      row('corpus', 'lint <whole corpus>', `show --json <whole corpus>: ${ms(r.base)}`, ms(r.subject), `${r.ratio.toFixed(2)}×`, '≤ 1.5×', r.ratio <= 1.5);
    }
  } else {
    row('corpus', 'lint <whole corpus>', `no corpus at ${CORPUS}`, '', 'skipped', '≤ 1.5×');
  }

  // 8. The HTML report of the whole corpus against show --json over the same folders (both read
  // and interpret everything; the report also lays it out), then its size and how long headless
  // Chromium takes to load it (issue 15; figures, no target: the README quotes them).
  if (existsSync(join(CORPUS, 'fantasy')) && has('export')) {
    console.error('corpus HTML report…');
    const r = paired(cli('show', '--json', CORPUS), cli('export', '--format', 'html', CORPUS), QUICK ? 3 : 7);
    row('corpus', 'export --format html <whole corpus>', `show --json <whole corpus>: ${ms(r.base)}`, ms(r.subject), `${r.ratio.toFixed(2)}×`, '≤ 2.0×', r.ratio <= 2.0);
    const report = join(tmp, 'report.html');
    timeRun(cli('export', '--format', 'html', CORPUS, '-o', report));
    const size = `${(statSync(report).size / 1e6).toFixed(1)} MB`;
    const load = await chromiumLoadMs(report, QUICK ? 3 : 5);
    row('corpus', 'HTML report: size, Chromium load', '', size, load === undefined ? 'no chromium: load not measured' : `load event after ${ms(load)} (median)`, '');
  } else {
    row('corpus', 'export --format html <whole corpus>', existsSync(join(CORPUS, 'fantasy')) ? '' : `no corpus at ${CORPUS}`, '', 'skipped', '≤ 2.0×');
  }

  // 3. Scaling: synthetic cassettes; time 100 MB / 10 MB, peak RSS against the file size.
  console.error('scaling…');
  const sizes = QUICK ? [1, 10] : [1, 10, 100];
  const footprint = median([1, 2, 3].map(() => timeRun(cli('--version')).rss));
  const files = {};
  for (const size of sizes) {
    files[size] = [join(tmp, `synthetic-${size}mb.yaml`), join(tmp, `synthetic-${size}mb-b.yaml`)];
    writeFileSync(files[size][0], syntheticCassette(size * 1e6));
    writeFileSync(files[size][1], syntheticCassette(size * 1e6, true));
  }
  const scaling = [
    ['show --json', 'show', (f) => cli('show', '--json', f[0])],
    ['show', 'show', (f) => cli('show', f[0])],
    ['diff', 'diff', (f) => cli('diff', f[0], f[1])],
    ['scrub --check', 'scrub', (f) => cli('scrub', '--check', f[0])],
    ['export --format har', 'export', (f) => cli('export', '--format', 'har', f[0])],
  ];
  for (const [name, command, argv] of scaling) {
    if (!has(command)) {
      row('scaling', name, '', '', 'n/a (command not built yet)', '');
      continue;
    }
    const times = {};
    let peak = 0;
    for (const size of sizes) {
      const runs = Array.from({ length: size >= 100 ? 2 : 3 }, () => timeRun(argv(files[size])));
      times[size] = median(runs.map((r) => r.ms));
      peak = size === sizes.at(-1) ? Math.max(...runs.map((r) => r.rss)) : peak;
    }
    const [low, high] = sizes.slice(-2);
    const growth = times[high] / times[low];
    const fileKb = statSync(files[high][0]).size / 1024;
    const limit = 4 * fileKb + footprint;
    const timesText = sizes.map((s) => `${s} MB: ${ms(times[s])}`).join(', ');
    row('scaling', `${name} time`, timesText, `${high} MB: ${ms(times[high])}`, `${growth.toFixed(1)}× for ${high / low}× the size`, '≤ 12×', growth <= 12 * (high / low / 10));
    if (GNU_TIME) row('scaling', `${name} peak RSS`, `start-up ${mb(footprint)}`, `${high} MB file: ${mb(peak)}`, `${(peak / fileKb).toFixed(1)}× file size`, `≤ 4× file + start-up (${mb(limit)})`, peak <= limit);
  }

  // 6. Peak RSS of show --json on a synthetic vcrpy cassette of the largest size, as above.
  if (GNU_TIME) {
    const size = sizes.at(-1);
    const vcrpyFile = join(tmp, `synthetic-vcrpy-${size}mb.yaml`);
    writeFileSync(vcrpyFile, syntheticVcrpyCassette(size * 1e6));
    const fileKb = statSync(vcrpyFile).size / 1024;
    const limit = 4 * fileKb + footprint;
    const peak = Math.max(...[1, 2].map(() => timeRun(cli('show', '--json', vcrpyFile)).rss));
    row('scaling', 'show --json peak RSS (vcrpy)', `start-up ${mb(footprint)}`, `${size} MB file: ${mb(peak)}`, `${(peak / fileKb).toFixed(1)}× file size`, `≤ 4× file + start-up (${mb(limit)})`, peak <= limit);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const table = new Table({
  head: ['', 'check', 'baseline', 'subject (median)', 'ratio (median of pairs)', 'target', ''],
  style: { head: [], border: [] }, // plain text: the table is read in CI logs
});
table.push(...rows);
console.log(table.toString());
console.log(`node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown CPU'})${QUICK ? ', --quick' : ''}`);
if (caCertsNote) console.log(caCertsNote);
if (missed) console.log(`${missed} target${missed === 1 ? '' : 's'} missed`);
process.exit(missed ? 1 : 0);
