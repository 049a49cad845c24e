// Bundles src/ into dist/ with esbuild. Code splitting keeps start-up small: each command is a
// lazily imported chunk, so `cassette --version` does not load yaml, diff or the providers.
import { build } from 'esbuild';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

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
