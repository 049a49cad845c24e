// Bundles src/ into dist/ with esbuild, as CommonJS: Node 20 loads a CommonJS file faster than an
// ES module (no async loader, no linking), so the CLI starts from a few files, not a dozen chunks.
//
// Each lazily loaded part is its own bundle: every `await import(x)` in src/ marks a boundary, and x
// becomes dist/<name>.cjs, built by the next round. So `show` loads main (commander) and the show
// bundle; chalk, cli-table3, the `yaml` fallback and so on load only when a run needs them. A
// module that two bundles import statically is copied into both: copies share no state, and
// CassetteError answers `instanceof` by name for that reason (src/errors.ts).
import { build } from 'esbuild';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Node built-ins through a plain require(). commander needs child_process only for executable
// subcommands (cassette has none), so it is loaded on first use.
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

/** Bundle name → entry (a src/ file or a package name); filled as boundaries are found. */
const entries = new Map([['main', 'src/main.ts']]);
/** Packages loaded lazily somewhere: every import of them, static too, goes to their one bundle. */
const lazyPackages = new Set();

const bundleName = (path) => relative('src', path).replace(/\.ts$/, '').replaceAll('/', '-');
const packageName = (spec) => `pkg-${spec.replaceAll('/', '-').replace(/^@/, '')}`;

// src/decode/event-stream.ts requires the codec synchronously on the first Bedrock body, by the
// name in __CASSETTE_CODEC_BUNDLE__ (relative to its bundle, so to dist/): one bundled file loads
// in ~1 ms where the package's CommonJS build took ~22 ms.
const CODEC_PACKAGE = '@smithy/eventstream-codec';
entries.set(packageName(CODEC_PACKAGE), CODEC_PACKAGE);

// @smithy/core makes a uuid v4 generator when it loads (crypto.getRandomValues, or the global
// crypto, whose first use loads webcrypto): ~5 ms of every run with a Bedrock body, for ids that
// decoding frames never makes. The generator is built on first use instead.
const smithyLazyUuid = {
  name: 'smithy-lazy-uuid',
  setup(build) {
    build.onResolve({ filter: /^(node:)?crypto$/ }, (args) =>
      args.importer.includes('/@smithy/core/') ? { path: 'crypto', namespace: 'smithy-crypto' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'smithy-crypto' }, () => ({
      contents: "module.exports = { getRandomValues: (array) => require('node:crypto').getRandomValues(array) };",
      loader: 'js',
    }));
    build.onLoad({ filter: /[\\/]@smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]serde[\\/]uuid[\\/]v4\.js$/ }, () => ({
      contents: "export function bindV4() { return () => require('node:crypto').randomUUID(); }",
      loader: 'js',
    }));
  },
};

const lazyBoundaries = {
  name: 'lazy-boundaries',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === 'boundary' || args.namespace === 'builtin') return undefined;
      if (args.path.startsWith('node:') || builtinModules.includes(args.path)) return undefined;
      const isPackage = !/^[./]/.test(args.path);
      if (args.kind === 'dynamic-import' && !isPackage) {
        const resolved = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'boundary' });
        const name = bundleName(relative(process.cwd(), resolved.path));
        entries.set(name, relative(process.cwd(), resolved.path));
        return { path: `./${name}.cjs`, external: true };
      }
      if (isPackage && (args.kind === 'dynamic-import' || lazyPackages.has(args.path))) {
        lazyPackages.add(args.path);
        entries.set(packageName(args.path), args.path);
        return { path: `./${packageName(args.path)}.cjs`, external: true };
      }
      return undefined;
    });
  },
};

// Built beside dist/ and swapped in, so a CLI run (or the bench) during a rebuild never finds dist/
// half-deleted; the swap also drops the files of earlier builds.
const dist = new URL('../dist', import.meta.url);
const fresh = new URL(`../dist.tmp-${process.pid}`, import.meta.url);
const stale = new URL(`../dist.old-${process.pid}`, import.meta.url);

async function buildAll() {
  // A package entry is bundled through a tiny re-export, so that the bundle has its own name.
  const entryPoints = [...entries].map(([out, entry]) => ({ out, in: entry.startsWith('src/') ? entry : `package:${entry}` }));
  await build({
    entryPoints,
    outdir: `dist.tmp-${process.pid}`,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // `await import()` of another bundle becomes a require() of it: no ES module loader at all.
    supported: { 'dynamic-import': false },
    // ESM builds first: they tree-shake (@smithy's CommonJS build drags in crypto and streams).
    mainFields: ['module', 'main'],
    // Less to parse at every start; identifiers stay readable and the source maps map back.
    minifyWhitespace: true,
    minifySyntax: true,
    plugins: [
      {
        name: 'package-entries',
        setup(build) {
          build.onResolve({ filter: /^package:/ }, (args) => ({ path: args.path.slice(8), namespace: 'package-entry' }));
          build.onLoad({ filter: /.*/, namespace: 'package-entry' }, ({ path }) => ({
            contents: `module.exports = require(${JSON.stringify(path)});`,
            resolveDir: process.cwd(),
          }));
          // The package itself, inside its own bundle, is bundled, not made external.
          build.onResolve({ filter: /.*/, namespace: 'package-entry' }, async (args) =>
            build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'boundary' }),
          );
        },
      },
      smithyLazyUuid,
      lazyBoundaries,
      builtinsViaRequire,
    ],
    packages: 'bundle',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    define: {
      __CASSETTE_VERSION__: JSON.stringify(version),
      __CASSETTE_CODEC_BUNDLE__: JSON.stringify(`./${packageName(CODEC_PACKAGE)}.cjs`),
      'import.meta.url': '__cassetteModuleUrl',
    },
    banner: { js: "const __cassetteModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
}

// Each round may find new boundaries inside the bundles it built; stop when none are new.
for (let known = 0; known !== entries.size; ) {
  known = entries.size;
  rmSync(fresh, { recursive: true, force: true });
  await buildAll();
}
if (existsSync(dist)) renameSync(dist, stale);
renameSync(fresh, dist);
rmSync(stale, { recursive: true, force: true });

// V8 code caches for bin/cassette.js: typical runs, each writing the cache of the bundles it loaded
// (the last run's main.cjs cache wins, so show's goes last; `show --cost` writes the price table's,
// ~8 ms of every estimate). Without samples/ only --version runs.
const sample = fileURLToPath(new URL('../samples/openai-chat-json.yaml', import.meta.url));
const runs = existsSync(sample) ? [['--version'], ['scrub', '--check', sample], ['show', '--cost', sample], ['show', sample]] : [['--version']];
for (const args of runs) {
  const env = { ...process.env, CASSETTE_WRITE_CODE_CACHE: '1', NO_COLOR: '1' };
  const run = spawnSync(process.execPath, [fileURLToPath(new URL('../bin/cassette.js', import.meta.url)), ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) console.warn(`build: writing the code cache with \`cassette ${args.join(' ')}\` failed (${run.status})`);
}
