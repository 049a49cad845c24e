// Makes a release commit and tags it: the committed HEAD plus the built dist/, with a package.json
// that has no build or lifecycle scripts. Installs from git (`npm install -g git+…#v0.1.0`,
// pre-commit `rev: v0.1.0`) then need no build, no devDependencies and no install scripts.
//
// Why not from any commit: npm 11 (11.19 at least) cannot install a git dependency globally when
// its package.json has a `prepare`, `prepack`, `build` or install script — the inner `npm install`
// inherits `--global`, links the temporary clone into the prefix and the outer install then writes
// through that link into a directory npm deletes; and `allow-scripts` blocks the script anyway.
//
//   node scripts/release.mjs [--tag <name>]     default tag: v<version>; prints "<tag> <commit>"
//
// The commit is a child of HEAD outside any branch; only the tag points at it (push it with
// `git push origin <tag>`). Only committed files are released, never the working tree.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The scripts npm's git fetcher (pacote) treats as "needs preparing".
const PREPARE_TRIGGERS = ['preinstall', 'install', 'postinstall', 'prepack', 'prepare', 'build'];

function run(cmd, args, cwd, inherit = false) {
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', inherit ? 2 : 'pipe', 2] });
  if (result.status !== 0) {
    console.error(`release: \`${cmd} ${args.join(' ')}\` failed (${result.status ?? result.signal})`);
    process.exit(1);
  }
  return (result.stdout ?? '').trim();
}

const root = run('git', ['rev-parse', '--show-toplevel'], process.cwd());
const head = run('git', ['rev-parse', 'HEAD'], root);
const { version } = JSON.parse(run('git', ['show', 'HEAD:package.json'], root));
const tagIndex = process.argv.indexOf('--tag');
const tag = tagIndex > 0 ? process.argv[tagIndex + 1] : `v${version}`;
if (!tag) {
  console.error('usage: node scripts/release.mjs [--tag <name>]');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'cassette-release-'));
try {
  run('git', ['clone', '--quiet', '--no-checkout', root, work], root);
  run('git', ['checkout', '--quiet', '--detach', head], work);
  run('npm', ['ci', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund'], work, true);
  run(process.execPath, ['scripts/build.mjs'], work, true);

  const pkgPath = join(work, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  for (const name of PREPARE_TRIGGERS) delete pkg.scripts?.[name];
  writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);

  run('git', ['add', '--force', 'dist', 'package.json'], work);
  const ident = ['-c', 'user.name=cassette release', '-c', 'user.email=release@cassette.invalid'];
  const hasIdent = spawnSync('git', ['config', 'user.email'], { cwd: root }).status === 0;
  run('git', [...(hasIdent ? [] : ident), 'commit', '--quiet', '--no-verify', '-m', `release ${tag}: dist/ built from ${head.slice(0, 12)}`], work);
  run('git', ['tag', tag], work);
  run('git', ['fetch', '--quiet', work, `refs/tags/${tag}:refs/tags/${tag}`], root);
  console.log(`${tag} ${run('git', ['rev-parse', `${tag}^{commit}`], root)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
