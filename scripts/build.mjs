// Bundles src/ into dist/ with esbuild. Code splitting keeps start-up small: each command is a
// lazily imported chunk, so `cassette --version` does not load yaml, diff or the providers.
import { build } from 'esbuild';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Node built-ins through require(), not an ESM import: an ESM import of node:fs or node:process
// builds a namespace of every export (running lazy getters such as process.report), 2–4 ms each at
// start-up. commander needs child_process only for executable subcommands (cassette has none), so
// it is loaded on first use.
const LAZY_BUILTINS = new Set(['child_process']);
const builtinsViaRequire = {
  name: 'builtins-via-require',
  setup(build) {
    const filter = new RegExp(`^(node:)?(${builtinModules.join('|').replaceAll('/', '\\/')})$`);
    build.onResolve({ filter }, (args) => {
      if (args.namespace === 'builtin') return { path: args.path, external: true };
      if (args.kind !== 'import-statement' && args.kind !== 'require-call') return undefined;
      // sideEffects: false lets an unused import (e.g. @smithy's crypto) be dropped.
      return { path: args.path.replace(/^node:/, ''), namespace: 'builtin', sideEffects: false };
    });
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, ({ path }) => ({
      contents: LAZY_BUILTINS.has(path)
        ? `let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require('node:${path}'))[key] });`
        : `module.exports = require('node:${path}');`,
      loader: 'js',
    }));
  },
};

// Built beside dist/ and swapped in, so a CLI run (or the bench) during a rebuild never finds dist/
// half-deleted; the swap also drops chunks of earlier builds.
const dist = new URL('../dist', import.meta.url);
const fresh = new URL(`../dist.tmp-${process.pid}`, import.meta.url);
const stale = new URL(`../dist.old-${process.pid}`, import.meta.url);
await build({
  entryPoints: { main: 'src/main.ts' },
  outdir: `dist.tmp-${process.pid}`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // ESM builds first: they tree-shake (@smithy's CommonJS build drags in crypto and streams).
  mainFields: ['module', 'main'],
  // Less to parse at every start; identifiers stay readable and the source maps map back.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [builtinsViaRequire],
  packages: 'bundle',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  define: { __CASSETTE_VERSION__: JSON.stringify(version) },
  // Some CommonJS dependencies (cli-table3) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __cassetteRequire } from 'node:module'; const require = __cassetteRequire(import.meta.url);" },
});
if (existsSync(dist)) renameSync(dist, stale);
renameSync(fresh, dist);
rmSync(stale, { recursive: true, force: true });
