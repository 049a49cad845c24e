#!/usr/bin/env node
// Tiny launcher: the real program is the esbuild bundle that `npm install` (prepare) builds.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
