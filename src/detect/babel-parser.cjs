'use strict';
// @babel/parser is CommonJS. Imported from an ES module, Node first scans its 1.8 MB with
// cjs-module-lexer for the names it exports (about 25 ms of a pre-commit hook's `--check`); required
// from this CommonJS file, it is only loaded. Plain JavaScript, so that vitest and jscodeshift's
// @babel/register load it as it is; TypeScript reads its types from it (allowJs).
exports.parse = require('@babel/parser').parse;
