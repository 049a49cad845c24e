#!/usr/bin/env node
// Tiny launcher (CommonJS, see bin/package.json) for the esbuild bundles in dist/ that `npm install`
// (prepare) builds. Each bundle is compiled with the V8 code cache the build wrote beside it
// (dist/*.cjs.cache, the functions a typical run compiles), which saves ~5 ms of every start-up.
// When V8 rejects a cache (another Node or other flags) or there is none, it compiles as usual.
'use strict';
const Module = require('node:module');
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { Script } = require('node:vm');
const { dirname, join } = require('node:path');

const dist = join(__dirname, '..', 'dist');
const writeCache = process.env.CASSETTE_WRITE_CODE_CACHE === '1'; // set by scripts/build.mjs
const scripts = new Map();
Module._extensions['.cjs'] = function loadBundle(module, filename) {
  if (dirname(filename) !== dist) return Module._extensions['.js'](module, filename);
  let cachedData;
  try {
    if (!writeCache) cachedData = readFileSync(`${filename}.cache`);
  } catch {} // no cache: compile as usual
  // The same wrapper as Node's, on the first line, so that line numbers stay the same.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${readFileSync(filename, 'utf8')}\n})`;
  const script = new Script(wrapped, { filename, cachedData });
  scripts.set(filename, script);
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(filename), module, filename, dist);
};
if (writeCache) {
  process.on('exit', () => {
    for (const [file, script] of scripts) {
      writeFileSync(`${file}.cache.tmp`, script.createCachedData());
      renameSync(`${file}.cache.tmp`, `${file}.cache`);
    }
  });
}

let cli;
try {
  cli = require('../dist/main.cjs');
} catch (error) {
  if (error.code !== 'MODULE_NOT_FOUND' || !String(error.message).includes("'../dist/main.cjs'")) throw error;
  // A clone without a build, or a git install of a commit that is not a release (README, Install).
  process.stderr.write(`cassette: not built: ${join(dist, 'main.cjs')} is missing; run \`npm install\` (or \`npm run build\`) in ${join(__dirname, '..')}, or install cassette-cli from npm, a release tag or a tarball\n`);
  process.exit(2);
}
cli.main(process.argv.slice(2)).then((code) => (process.exitCode = code));
