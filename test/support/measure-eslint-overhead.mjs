#!/usr/bin/env node
/**
 * What the plugin costs a project's ESLint run: the real `eslint` binary over a clean corpus (real
 * code that never calls TikTok), with `configs.recommended` and with no rule of ours, the same parser
 * set-up every time (typescript-eslint for TS, espree for JS). A measurement, not a test.
 *
 *   npm run build
 *   node test/support/measure-eslint-overhead.mjs [corpus] [runs]
 *
 * corpus defaults to /work/corpus/small, else /tmp/corpus-small (built by
 * ../shared/bench/make-corpus.sh DEST small when missing); runs defaults to 5. NODE_FLAGS (e.g.
 * `--single-threaded-gc`, so that the CPU time of a run does not depend on how V8's GC helper
 * threads fare against other work on the machine) is passed to every eslint run alike.
 *
 * After one untimed warm-up, each round runs every configuration once, in an order reversed every
 * other round so that a slow drift of the machine's load falls on both sides of a pair. Printed per
 * pair: the medians of wall and CPU time (user + system of eslint and its threads, which other work
 * on a shared machine disturbs less than wall time), and the median of the per-round CPU ratios (runs
 * that were neighbours in time). The configurations without the plugin do not import it: a project
 * that does not use it does not load it either. `noop-rules` is a plugin of as many rules, with the
 * same meta and schemas, whose `create()` returns `{}` at once: ESLint's own cost of having such
 * rules configured, which no plugin can go below (it loads the plugin module for their meta, so
 * `recommended` against `noop-rules` is what our rules do per file and nothing else).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
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
const runs = Number(process.argv[3] ?? 5);
const nodeFlags = (process.env.NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
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
const importParser = `import tsParser from ${JSON.stringify(parserUrl)};\n`;
const importPlugin = `import plugin from ${JSON.stringify(pathToFileURL(PLUGIN).href)};\n`;
const noopPlugin = `
const { default: real } = await import(${JSON.stringify(pathToFileURL(PLUGIN).href)});
const noop = { meta: { name: 'noop' }, rules: Object.fromEntries(Object.entries(real.rules).map(([id, rule]) => [id, { meta: rule.meta, create: () => ({}) }])) };
`;
/**
 * `baseline` against `recommended` is the plugin's cost over no rule at all. ESLint itself costs more
 * once any rule is on, which no real project avoids: each rule's context is
 * `Object.create(fileContext)` (eslint/lib/linter/file-context.js), and once the file context is a
 * prototype V8 promotes it, with the file's SourceCode and AST, to the old generation (Linter over
 * the .js/.ts files of /work/corpus/small, `--trace-gc-nvp`: about 1.79 GB promoted against
 * 1.3-1.4 GB with no rule, the same with `no-debugger` alone as with our eight; an `extend` patched
 * to copy instead of inherit brings it back to 1.4 GB).
 * `noop-rules` shows that cost apart; the last pair, with ESLint's cheap `no-debugger` on in both, is
 * the plugin's cost on top of a project's rules.
 */
const configs = {
  baseline: `${importParser}\nexport default [${parserSetup}\n];\n`,
  recommended: `${importParser}${importPlugin}\nexport default [${parserSetup}\n  plugin.configs.recommended,\n];\n`,
  'noop-rules': `${importParser}${noopPlugin}\nexport default [${parserSetup}\n  { plugins: { noop }, rules: Object.fromEntries(Object.keys(noop.rules).map((id) => ['noop/' + id, 'error'])) },\n];\n`,
  'no-debugger': `${importParser}\nexport default [${parserSetup}\n  { rules: { 'no-debugger': 'error' } },\n];\n`,
  'no-debugger+recommended': `${importParser}${importPlugin}\nexport default [${parserSetup}\n  { rules: { 'no-debugger': 'error' } },\n  plugin.configs.recommended,\n];\n`,
};
const PAIRS = [
  ['baseline', 'recommended'],
  ['baseline', 'noop-rules'],
  ['noop-rules', 'recommended'],
  ['no-debugger', 'no-debugger+recommended'],
];
const commands = {};
for (const [name, text] of Object.entries(configs)) {
  const file = join(work, `${name}.config.mjs`);
  writeFileSync(file, text);
  // With --config, ESLint takes the working directory as the base path: run it from the corpus.
  commands[name] = [...nodeFlags, ESLINT, '--config', file, '--format', 'json', '--output-file', join(work, `${name}.json`), '.'];
}

/** `times` prints the shell's, then its children's, user and system time: `0m51.337s 0m4.575s`. */
const seconds = (text) =>
  text.split(/\s+/).reduce((sum, field) => {
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

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

console.log(
  `corpus ${corpus}, ${runs} rounds, node ${process.version}${nodeFlags.length ? ` ${nodeFlags.join(' ')}` : ''}, ${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const name of Object.keys(commands)) {
  console.log(
    `  ${name}: (cd ${corpus} && node ${commands[name].map((arg) => (arg.includes(' ') ? JSON.stringify(arg) : arg)).join(' ')})`,
  );
}
lint('baseline'); // warm-up: file cache and module loading, not counted
const names = Object.keys(configs);
const wall = Object.fromEntries(names.map((name) => [name, []]));
const cpu = Object.fromEntries(names.map((name) => [name, []]));
const files = new Set();
for (let i = 0; i < runs; i++) {
  for (const name of i % 2 ? [...names].reverse() : names) {
    const run = lint(name);
    wall[name].push(run.ms);
    cpu[name].push(run.cpuMs);
    files.add(run.files);
    console.log(
      `  round ${i + 1} ${name.padEnd(23)} wall ${(run.ms / 1000).toFixed(2)} s, cpu ${(run.cpuMs / 1000).toFixed(2)} s` +
        `  (${run.files} files, ${run.fatal} parse errors, ${run.ours} findings of ours)`,
    );
  }
}
if (files.size !== 1) throw new Error('the configurations linted different sets of files');
console.log(
  `load average at the end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const ratio = (value) => `${value.toFixed(3)} (${value >= 1 ? '+' : ''}${((value - 1) * 100).toFixed(1)}%)`;
for (const [without, withPlugin] of PAIRS) {
  console.log(`${withPlugin} / ${without}:`);
  for (const [label, times] of [
    ['wall', wall],
    ['cpu ', cpu],
  ]) {
    const base = median(times[without]);
    const other = median(times[withPlugin]);
    const spread = (name) => `${s(Math.min(...times[name]))}–${s(Math.max(...times[name]))}`;
    console.log(
      `  ${label} medians ${s(base)} → ${s(other)}: ratio ${ratio(other / base)}   [ranges ${spread(without)}, ${spread(withPlugin)}]`,
    );
  }
  const paired = cpu[withPlugin].map((ms, i) => ms / cpu[without][i]);
  console.log(`  cpu  median of per-round ratios ${ratio(median(paired))}   [${paired.map((r) => r.toFixed(3)).join(' ')}]`);
}
