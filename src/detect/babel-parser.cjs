'use strict';
// @babel/parser is CommonJS. Imported from an ES module, Node first scans its 1.8 MB with
// cjs-module-lexer for the names it exports (about 25 ms of a pre-commit hook's `--check`); required
// from this CommonJS file, it is only loaded, and only on the first parse: the ESLint plugin, which
// parses only a module that another one imports, never loads it on most runs. Plain JavaScript, so
// that vitest and jscodeshift's @babel/register load it as it is; TypeScript reads its types from it
// (allowJs).
let babel;
/** @type {typeof import('@babel/parser').parse} */
exports.parse = (input, options) => (babel ??= require('@babel/parser')).parse(input, options);
