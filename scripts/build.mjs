// Bundles src/ into dist/ with esbuild. Code splitting keeps start-up small: each command is a
// lazily imported chunk, so `cassette --version` does not load yaml, diff or the providers.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/main.ts' },
  outdir: 'dist',
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
