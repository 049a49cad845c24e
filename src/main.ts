// The command table. Maps thrown errors to exit codes (2 bad input or usage; 70 a bug); each
// command's own 0 / 1 / 2 comes from src/commands/exit-code.ts. Each command is imported lazily so
// start-up stays small.

import { Command, CommanderError } from 'commander';
import { CassetteError } from './errors.ts';
import { processIo, type Io } from './io.ts';

declare const __CASSETTE_VERSION__: string | undefined;
export const VERSION = typeof __CASSETTE_VERSION__ === 'string' ? __CASSETTE_VERSION__ : '0.0.0-dev';

const collect = (value: string, previous: string[] = []) => [...previous, value];

function buildProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command('cassette')
    .description('Read, compare, scrub and export recorded HTTP cassettes of LLM API calls.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  $ cassette show testdata/chat.yaml                 # the transcript of each interaction
  $ cassette textconv testdata/chat.yaml             # git diff.<driver>.textconv
  $ cassette diff testdata.orig/ testdata/           # what changed in meaning after a re-recording
  $ cassette scrub --check testdata/                 # pre-commit / CI: any credentials left?
  $ cassette lint testdata/                          # what is wrong with the recordings (and credentials)
  $ cassette export --format har testdata/chat.yaml > chat.har
  $ cassette convert --to vcrpy testdata/ -o tests/cassettes/   # replay go-vcr recordings in Python

Exit status: 0 ok, 1 differences or findings (diff, scrub --check, lint), 2 bad input or usage.
Run 'cassette <command> --help' for a command's options.`,
    )
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .exitOverride();

  program
    .command('show')
    .description('Show each interaction as a transcript: request, reassembled answer, tool calls, usage.')
    .argument('<paths...>', 'cassette files or directories (searched for *.yaml, *.yml, *.yaml.gz)')
    .option('-i, --interaction <n>', 'only these interactions: 2, 0-3 or 1,4 (repeatable)', collect)
    .option('--history', 'show every message of each request, not only the new ones')
    .option('-v, --verbose', 'show tool schemas and response-format schemas')
    .option('--raw', 'show the decoded raw bodies (each stream event on its own line)')
    .option('--json', 'print one JSON object per file (NDJSON); see README for the contract')
    .option('--summary', 'one row per file: interactions, providers, models, tokens, statuses (with --json: NDJSON)')
    .option('--stable', 'leave out what changes on every recording (file name, durations, event counts, ids): for git textconv')
    .option('--cost', 'also estimate costs from token usage with a price table (genai-prices; --summary does by default); provider-reported costs always show')
    .option('--no-cost', 'no estimates, also in --summary')
    .option('--no-color', 'no colors (also NO_COLOR=1; colors are only used on a terminal)')
    .addHelpText(
      'after',
      `
Examples:
  $ cassette show fixtures/chat.yaml
  $ cassette show --cost fixtures/chat.yaml                # estimated cost per call and in the footer
  $ cassette show -i 1 --raw fixtures/chat.yaml
  $ cassette show --summary testdata/                       # one row per file, with estimated cost
  $ cassette show --summary --json testdata/ | jq -s 'map(select(.file)) | sort_by(-.outputTokens)'
  $ cassette show --json fixtures/chat.yaml | jq '.interactions[].llm.response.toolCalls'`,
    )
    .action(async (paths: string[], options) => {
      const { show } = await import('./commands/show.ts');
      setCode(await show(paths, options, io));
    });

  program
    .command('textconv')
    .description('Print a cassette as its stable transcript for git diff.<driver>.textconv; any other file unchanged.')
    .argument('<file>', 'the file git passes (a temporary copy of one side)')
    .addHelpText(
      'after',
      `
A cassette is printed as 'cassette show --stable --no-color' prints it. A file that is not a cassette
(other YAML, invalid YAML, binary, empty) is printed byte for byte as it is, with exit 0, so a diff
is never aborted. Exit 2 only when the file cannot be read at all.

Examples:
  $ echo 'testdata/**/*.yaml diff=cassette' >> .gitattributes
  $ git config diff.cassette.textconv 'cassette textconv'
  $ git config diff.cassette.cachetextconv true
  $ git log -p testdata/chat.yaml`,
    )
    .action(async (file: string) => {
      const { textconv } = await import('./commands/textconv.ts');
      setCode(await textconv(file, io));
    });

  program
    .command('scrub')
    .description('Remove credentials and map hosts in cassettes, in place, changing only the secret bytes.')
    .argument('<paths...>', 'cassette files or directories (searched for *.yaml, *.yml, *.yaml.gz)')
    .option('--check', 'change nothing; print each finding as file:line:col rule-id, exit 1 if any')
    .option('--dry-run', 'change nothing; print the would-be unified diff (secrets masked)')
    .option('--host <old=new>', 'map a host in URLs, Host headers, host fields and bodies (repeatable)', collect)
    .option('--header <name>', 'also redact this header (repeatable)', collect)
    .option('--replace <regex=text>', 'also replace this pattern in bodies, URLs and headers (repeatable)', collect)
    .option('--drop', 'remove credential headers instead of replacing their values')
    .option('--json', 'print one JSON object per file (NDJSON): file, status, masked findings')
    .option('-f, --format <format>', 'with --check: text (default), json (= --json), sarif (SARIF 2.1.0) or github (workflow commands)')
    .option('-o, --output <file>', 'with --check: write the findings to this file (atomically) instead of stdout')
    .option('--baseline <file>', 'with --check: report only findings not in this baseline (cassette lint --write-baseline)')
    .option('--no-color', 'no colors (also NO_COLOR=1; colors are only used on a terminal)')
    .addHelpText(
      'after',
      `
Rules also come from .cassette.yaml or cassette.config.json (nearest one up from the current
directory, section "scrub"); see the README. Exit codes: 0 clean or fixed, 1 findings with --check
or --dry-run, 2 bad input (a file that does not parse is left untouched).

Examples:
  $ cassette scrub --check testdata/
  $ cassette scrub --check --format sarif --output scrub.sarif testdata/
  $ cassette scrub testdata/fixtures/chat.yaml
  $ cassette scrub --host llm-gateway.corp.internal=api.openai.com --dry-run testdata/
  $ cassette scrub --header X-Tenant-Token --replace 'acct_[0-9]+=acct_0' testdata/`,
    )
    .action(async (paths: string[], options) => {
      const { scrub } = await import('./commands/scrub.ts');
      setCode(await scrub(paths, options, io));
    });

  program
    .command('lint')
    .description('Check cassettes for what is wrong with a recording: cut-off streams, errors, bad tool calls, answers sent back changed, credentials, bodies.')
    .argument('[paths...]', 'cassette files or directories (searched for *.yaml, *.yml, *.json, *.har, and .gz)')
    .option('-f, --format <format>', 'text (file:line:col rule message), json (NDJSON, one object per file), sarif (SARIF 2.1.0) or github (workflow commands)', 'text')
    .option('-o, --output <file>', 'write the findings to this file (atomically) instead of stdout')
    .option('--rule <id=severity>', 'set a rule to error, warning, note or off (repeatable)', collect)
    .option('--disable <id>', 'switch a rule off (repeatable)', collect)
    .option('--fail-on <severity>', 'exit 1 for findings at or above this severity: error (default), warning or note')
    .option('--max-warnings <n>', 'also exit 1 when there are more than n warnings')
    .option('--max-body-size <bytes>', 'bodies above this size are oversized-body (default 1048576)')
    .option('--baseline <file>', 'report only findings not in this baseline (written by --write-baseline)')
    .option('--write-baseline <file>', 'write the current findings to this baseline file and exit 0')
    .option('--host <old=new>', 'a host map, as for scrub: hosts left unmapped are host-map findings (repeatable)', collect)
    .option('--header <name>', 'also treat this header as a credential, as for scrub (repeatable)', collect)
    .option('--list-rules', 'print every rule with its default severity, meaning and fix')
    .option('--no-color', 'no colors (also NO_COLOR=1; colors are only used on a terminal)')
    .addHelpText(
      'after',
      `
Rules are the diagnostic codes (see show), the cassette checks (error-status, turn-mismatch,
content-length-mismatch, duplicate-interaction, usage-missing, …) and scrub's credential rules.
Configure them in the "lint" section of .cassette.yaml (rules, overrides per path, failOn,
maxWarnings, maxBodyBytes). Allow a finding with "cassette:allow" on its line, its fingerprint in
.cassetteignore, or a baseline. Exit codes: 0 clean, 1 findings at or above the fail level, 2 bad
input (a file that cannot be read is reported and the others are still linted).

Examples:
  $ cassette lint testdata/
  $ cassette lint --format sarif --output lint.sarif testdata/     # for code scanning
  $ cassette lint --format github testdata/                         # PR annotations in Actions
  $ cassette lint --rule error-status=off --fail-on warning testdata/
  $ cassette lint --write-baseline .cassette-baseline.json testdata/ && cassette lint --baseline .cassette-baseline.json testdata/
  $ cassette lint --list-rules`,
    )
    .action(async (paths: string[], options) => {
      const { lint } = await import('./commands/lint.ts');
      setCode(await lint(paths, options, io, VERSION));
    });

  program
    .command('diff')
    .description('Compare two cassettes (or two directories) by meaning: requests, answers, tool calls, usage.')
    .argument('<paths...>', 'old and new cassette (or directory); git external-diff arguments are accepted too')
    .option('--strict', 'also compare what changes on every recording: ids, durations, volatile headers, event counts')
    .option('--ignore <path-glob>', 'drop changes at these paths, e.g. usage or request.headers.* (repeatable)', collect)
    .option('--only <side>', 'compare only the request or only the response')
    .option('-i, --interaction <n>', 'only these interactions: 2, 0-3 or 1,4 (repeatable)', collect)
    .option('--stat', 'one table row per file: interactions same / changed / added / removed, tokens before → after')
    .option('--json', 'print one JSON object per file (NDJSON); see README for the contract')
    .option('-f, --format <format>', 'text (default) or html: one self-contained page, old and new side by side')
    .option('-o, --output <file>', 'with --format html: write the page to this file (default: stdout)')
    .option('--no-color', 'no colors (also NO_COLOR=1; colors are only used on a terminal)')
    .addHelpText(
      'after',
      `
Ignored unless --strict: response ids, created timestamps, system_fingerprint, request-id / date /
rate-limit / cf-ray style headers, durations, signatures and encrypted reasoning, and how a stream
was cut into chunks. Exit status: 0 identical in meaning, 1 different, 2 error.

Examples:
  $ cassette diff old/chat.yaml new/chat.yaml
  $ cassette diff --ignore usage --only response testdata.orig/ testdata/
  $ cassette diff --stat testdata.orig/ testdata/
  $ cassette diff --json a.yaml b.yaml | jq '.interactions[].changes[].path'
  $ cassette diff --format html testdata.orig/ testdata/ -o diff.html   # changed words marked
  $ git config diff.cassette.command 'cassette diff'   # with '*.yaml diff=cassette' in .gitattributes

Under git (external diff) colors follow git's own rule: color.diff / color.ui, on when git's pager
is in use (GIT_PAGER_IN_USE) or stdout is a terminal; never with NO_COLOR or --no-color.`,
    )
    .action(async (paths: string[], options) => {
      const { diff } = await import('./commands/diff.ts');
      setCode(await diff(paths, options, io, VERSION));
    });

  program
    .command('export')
    .description('Convert cassettes to HAR 1.2 (browser devtools, HAR viewers), JSON (the show --json object), Markdown or an HTML report.')
    .argument('<paths...>', 'cassette files or directories (searched for *.yaml, *.yml, *.yaml.gz)')
    .addOption(program.createOption('-f, --format <format>', 'output format').choices(['har', 'json', 'md', 'markdown', 'html']).default('har'))
    .option('-o, --output <path>', 'write to this file, or one file per cassette into this directory (trailing / or existing dir)')
    .option('--scrub', 'apply the default scrub rules to the exported copy (the cassette is not changed)')
    .option('--cost', 'json: also estimate costs from token usage with a price table (genai-prices; md and html do by default)')
    .option('--no-cost', 'md and html: no estimates (provider-reported costs still show)')
    .addHelpText(
      'after',
      `
Several cassettes go into one HAR (a page per cassette), a JSON array, one Markdown document or
one HTML report (an overview table, then each cassette), unless -o names a directory. The HTML
report is a single self-contained file: no network, recorded content only ever shown as text.
Output is deterministic: the same cassette gives the same bytes.

Examples:
  $ cassette export fixtures/chat.yaml > chat.har
  $ cassette export --format md fixtures/chat.yaml -o docs/chat.md      # or --format markdown
  $ cassette export --format json --scrub testdata/ -o exported/
  $ cassette export --format html testdata/ -o report.html            # one offline page, overview first
  $ cassette export fixtures/chat.yaml | jq '.log.entries[]._llm.response.text'`,
    )
    .action(async (paths: string[], options) => {
      const { exportCassettes } = await import('./commands/export.ts');
      setCode(await exportCassettes(paths, { ...options, version: VERSION }, io));
    });

  program
    .command('convert')
    .description("Rewrite cassettes as another recorder's own files: go-vcr, vcrpy, Ruby VCR, HAR (Playwright) or Polly.js.")
    .argument('<paths...>', 'cassette files or directories (*.yaml, *.yml, *.json, *.har)')
    .addOption(
      program
        .createOption('-t, --to <target>', 'the recorder to write for')
        .choices(['go-vcr', 'go-vcr-v1', 'vcrpy', 'vcrpy-json', 'ruby-vcr', 'har', 'polly'])
        .makeOptionMandatory(),
    )
    .option('-o, --output <path>', "the output file (one cassette), directory (a directory or several), or Polly's recordingsDir")
    .option('--force', 'write over existing output files (never over an input)')
    .option('--scrub', 'apply the default scrub rules to the converted copy (the input is not changed)')
    .option('--recording-name <name>', "polly: the recording name the test passes to new Polly(name) (default: the file's path without extension)")
    .option('--polly-match-headers', "polly: compute each entry's _id with the request headers (Polly's default matchRequestsBy.headers: true)")
    .addHelpText(
      'after',
      `
Each target is written as that library's own serializer writes it (key order, quoting, bodies as
text or base64/!!binary), so it replays there; bodies are kept byte for byte. What a target cannot
hold (durations in vcrpy and Ruby VCR, ids, go-vcr's extra fields) is left out: see the README.
Credentials are copied as recorded unless --scrub is given. A directory converts to a directory
with the same relative paths. Exit status: 0 ok, 2 a cassette could not be read or written.

Polly: -o is persisterOptions.fs.recordingsDir; the recording goes to <dir>/<name>_<hash>/recording.har
for new Polly('<name>'). _id is computed for matchRequestsBy { headers: false } unless
--polly-match-headers is given.

Examples:
  $ cassette convert --to vcrpy testdata/chat.yaml -o tests/cassettes/test_chat.yaml
  $ cassette convert --to go-vcr tests/cassettes/ -o testdata/fixtures/
  $ cassette convert --to ruby-vcr --scrub fixtures/chat.yaml -o spec/fixtures/vcr_cassettes/chat.yml
  $ cassette convert --to har testdata/chat.yaml -o e2e/chat.har            # page.routeFromHAR('e2e/chat.har')
  $ cassette convert --to polly testdata/chat.yaml -o recordings --recording-name chat`,
    )
    .action(async (paths: string[], options) => {
      const { convert } = await import('./commands/convert.ts');
      setCode(await convert(paths, { ...options, version: VERSION }, io));
    });

  return program;
}

/** Runs the CLI and returns the exit code. Never calls process.exit. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 2;
    }
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version end this way too, with code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CassetteError) {
      io.stderr.write(`cassette: ${error.format()}\n`);
      return 2;
    }
    if ((error as NodeJS.ErrnoException)?.code === 'EPIPE') return code;
    io.stderr.write(`cassette: internal error — please report it with the file that caused it\n${(error as Error)?.stack ?? String(error)}\n`);
    return 70;
  }
}
