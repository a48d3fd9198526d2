'use strict';
// The plugin lives in migrate-share-video (its detectors are the CLI's); this package only gives it
// the name ESLint's `.eslintrc` resolves: `plugins: ["migrate-share-video"]` loads
// `eslint-plugin-migrate-share-video`, with `require`. Node 20.19 and later require the ES module.
const loaded = require('migrate-share-video/eslint-plugin');
module.exports = loaded.default ?? loaded;
