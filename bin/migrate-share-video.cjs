#!/usr/bin/env node
'use strict';
// dist/cli.cjs is the CLI bundled by build/bundle-cli.mjs. CommonJS from the first line: one file
// loaded by require starts faster than an ES module graph (docs/benchmark.md, start-up).
require('./compile-cache.cjs')();
const { main } = require('../dist/cli.cjs');

main(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
