#!/usr/bin/env node
/**
 * What the plugin costs a project's ESLint run: the real `eslint` binary over a clean corpus (real
 * code that never calls TikTok), once with `configs.recommended` and once with no rule of ours, the
 * same parser set-up both times (typescript-eslint for TS, espree for JS). Runs alternate after one
 * untimed warm-up; the medians and their ratio are printed. A measurement, not a test.
 *
 *   npm run build
 *   node test/support/measure-eslint-overhead.mjs [corpus] [runs]
 *
 * corpus defaults to /work/corpus/small, else /tmp/corpus-small (built by
 * ../shared/bench/make-corpus.sh DEST small when missing); runs defaults to 3.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '../..');
const ESLINT = join(ROOT, 'node_modules/eslint/bin/eslint.js');
const PLUGIN = join(ROOT, 'dist/src/eslint-plugin/index.js');
const PREFIX = 'migrate-share-video/';

function corpusDir() {
  if (process.argv[2]) return resolve(process.argv[2]);
  if (existsSync('/work/corpus/small/.corpus-complete')) return '/work/corpus/small';
  const dest = '/tmp/corpus-small';
  execFileSync('bash', [resolve(ROOT, '../shared/bench/make-corpus.sh'), dest, 'small'], { stdio: 'inherit' });
  return dest;
}

const corpus = corpusDir();
const runs = Number(process.argv[3] ?? 3);
if (!existsSync(PLUGIN)) {
  console.error(`${PLUGIN} is missing: run \`npm run build\` first`);
  process.exit(2);
}

// Config files live in the repository (gitignored node_modules/.cache) and import by absolute URL.
const work = join(ROOT, 'node_modules/.cache/eslint-overhead');
mkdirSync(work, { recursive: true });
const parserUrl = import.meta.resolve('@typescript-eslint/parser');
const parserSetup = `
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
  { files: ['**/*.{js,jsx,mjs,cjs}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },`;
const configs = {
  baseline: `import tsParser from ${JSON.stringify(parserUrl)};\n\nexport default [${parserSetup}\n];\n`,
  recommended:
    `import tsParser from ${JSON.stringify(parserUrl)};\nimport plugin from ${JSON.stringify(pathToFileURL(PLUGIN).href)};\n\n` +
    `export default [${parserSetup}\n  plugin.configs.recommended,\n];\n`,
};
const commands = {};
for (const [name, text] of Object.entries(configs)) {
  const file = join(work, `${name}.config.mjs`);
  writeFileSync(file, text);
  // With --config, ESLint takes the working directory as the base path: run it from the corpus.
  commands[name] = [ESLINT, '--config', file, '--format', 'json', '--output-file', join(work, `${name}.json`), '.'];
}

/** One timed run: wall time, files linted, and messages by rule (ours, and parse errors). */
function lint(name) {
  const started = performance.now();
  const child = spawnSync(process.execPath, commands[name], { cwd: corpus, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (child.status === 2 || child.error) throw new Error(`eslint (${name}) failed: ${child.stderr || child.error}`);
  const results = JSON.parse(readFileSync(join(work, `${name}.json`), 'utf8'));
  const messages = results.flatMap((result) => result.messages);
  return {
    ms,
    files: results.length,
    ours: messages.filter((m) => m.ruleId?.startsWith(PREFIX)).length,
    fatal: messages.filter((m) => m.fatal).length,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log(`corpus ${corpus}, ${runs} runs each, node ${process.version}`);
for (const name of Object.keys(commands)) {
  console.log(`  ${name}: (cd ${corpus} && node ${commands[name].map((arg) => (arg.includes(' ') ? JSON.stringify(arg) : arg)).join(' ')})`);
}
lint('baseline'); // warm-up: file cache and module loading, not counted
const times = { baseline: [], recommended: [] };
const seen = {};
for (let i = 0; i < runs; i++) {
  for (const name of ['baseline', 'recommended']) {
    const run = lint(name);
    times[name].push(run.ms);
    seen[name] = run;
    console.log(`  run ${i + 1} ${name.padEnd(11)} ${(run.ms / 1000).toFixed(2)} s  (${run.files} files, ${run.fatal} parse errors, ${run.ours} findings of ours)`);
  }
}
if (seen.baseline.files !== seen.recommended.files) throw new Error('the two configurations linted different files');
const base = median(times.baseline);
const rec = median(times.recommended);
console.log(`median baseline    ${(base / 1000).toFixed(2)} s`);
console.log(`median recommended ${(rec / 1000).toFixed(2)} s`);
console.log(`ratio recommended / baseline = ${(rec / base).toFixed(3)} (${(((rec - base) / base) * 100).toFixed(1)}% overhead)`);
