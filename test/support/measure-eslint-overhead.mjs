#!/usr/bin/env node
/**
 * What the plugin costs a project's ESLint run: the real `eslint` binary over a clean corpus (real
 * code that never calls TikTok), with `configs.recommended` and with no rule of ours, the same parser
 * set-up every time (typescript-eslint for TS, espree for JS). Runs alternate after one untimed
 * warm-up; the medians of wall and CPU time (user + system) and their ratios are printed. A
 * measurement, not a test.
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
const imports = `import tsParser from ${JSON.stringify(parserUrl)};\nimport plugin from ${JSON.stringify(pathToFileURL(PLUGIN).href)};\n\n`;
/**
 * `baseline` against `recommended` is the plugin's cost over no rule at all. ESLint itself costs more
 * once any rule listens (selector matching on every node), which no real project avoids: the second
 * pair, with ESLint's cheap `no-debugger` on in both, is the plugin's cost on top of a project's rules.
 */
const configs = {
  baseline: `${imports}export default [${parserSetup}\n];\n`,
  recommended: `${imports}export default [${parserSetup}\n  plugin.configs.recommended,\n];\n`,
  'no-debugger': `${imports}export default [${parserSetup}\n  { rules: { 'no-debugger': 'error' } },\n];\n`,
  'no-debugger+recommended': `${imports}export default [${parserSetup}\n  { rules: { 'no-debugger': 'error' } },\n  plugin.configs.recommended,\n];\n`,
};
const PAIRS = [
  ['baseline', 'recommended'],
  ['no-debugger', 'no-debugger+recommended'],
];
const commands = {};
for (const [name, text] of Object.entries(configs)) {
  const file = join(work, `${name}.config.mjs`);
  writeFileSync(file, text);
  // With --config, ESLint takes the working directory as the base path: run it from the corpus.
  commands[name] = [ESLINT, '--config', file, '--format', 'json', '--output-file', join(work, `${name}.json`), '.'];
}

/** `times` prints the shell's, then its children's, user and system time: `0m51.337s 0m4.575s`. */
const seconds = (text) => text.split(/\s+/).reduce((sum, field) => {
  const [, m, s] = /^(\d+)m([\d.]+)s$/.exec(field) ?? [];
  return m === undefined ? sum : sum + Number(m) * 60 + Number(s);
}, 0);

/**
 * One timed run: wall time, CPU time (user + system of eslint, which other work on the machine
 * disturbs less), files linted, and messages (ours, and parse errors).
 */
function lint(name) {
  const started = performance.now();
  const child = spawnSync('bash', ['-c', '"$@"; status=$?; times >&2; exit $status', 'bash', process.execPath, ...commands[name]], {
    cwd: corpus,
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  if (child.status === 2 || child.error) throw new Error(`eslint (${name}) failed: ${child.stderr || child.error}`);
  const cpuMs = seconds(child.stderr.trim().split('\n').at(-1)) * 1000;
  const results = JSON.parse(readFileSync(join(work, `${name}.json`), 'utf8'));
  const messages = results.flatMap((result) => result.messages);
  return {
    ms,
    cpuMs,
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
const names = Object.keys(configs);
const wall = Object.fromEntries(names.map((name) => [name, []]));
const cpu = Object.fromEntries(names.map((name) => [name, []]));
const files = new Set();
for (let i = 0; i < runs; i++) {
  for (const name of names) {
    const run = lint(name);
    wall[name].push(run.ms);
    cpu[name].push(run.cpuMs);
    files.add(run.files);
    console.log(
      `  run ${i + 1} ${name.padEnd(23)} wall ${(run.ms / 1000).toFixed(2)} s, cpu ${(run.cpuMs / 1000).toFixed(2)} s` +
        `  (${run.files} files, ${run.fatal} parse errors, ${run.ours} findings of ours)`,
    );
  }
}
if (files.size !== 1) throw new Error('the configurations linted different sets of files');
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
for (const [without, withPlugin] of PAIRS) {
  for (const [label, times] of [['wall', wall], ['cpu ', cpu]]) {
    const base = median(times[without]);
    const rec = median(times[withPlugin]);
    console.log(
      `${label} median ${without} ${s(base)}, ${withPlugin} ${s(rec)}: ratio ${(rec / base).toFixed(3)} (${(((rec - base) / base) * 100).toFixed(1)}%)`,
    );
  }
}
