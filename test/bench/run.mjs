#!/usr/bin/env node
/**
 * `npm run bench` (issue 8): our --check and migration against ripgrep, ast-grep, jscodeshift and
 * ESLint on a clean corpus of real code with legacy files planted at fixed places. Every row gets
 * one untimed warm-up, then the rows alternate run after run; medians, ratios, peak memory, the
 * planted-file check and the targets are printed, with a Markdown table for the README.
 * A measurement, not a test: `node test/bench/run.mjs --help` lists the options.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { astGrepBinary, writeAstGrepRules } from './ast-grep-rules.mjs';
import { copyTree, ensureCorpus, fingerprint } from './corpus.mjs';
import { writeEslintConfigs } from './eslint-configs.mjs';
import { hookFiles } from './hook-files.mjs';
import { measure } from './measure.mjs';
import { parseOptions, USAGE } from './options.mjs';
import { listFolders, placePlanted, plant } from './plant.mjs';
import { PLANTED_FIXTURES } from './planted-fixtures.mjs';
import { machine, printCommands, printProgress, printSummary, writeJson } from './report.mjs';
import { buildRows } from './rows.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/migrate-share-video.cjs');
/** make-corpus.sh's `small` set, which the ESLint rows lint. */
const ESLINT_FOLDERS = ['date-fns', 'rxjs', 'axios'];

let options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error(`${error.message}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const fail = (message) => {
  console.error(`bench: ${message}`);
  process.exit(2);
};
const marker = join(ROOT, 'dist/src/detect/migration-todos.js');
if (!existsSync(marker)) fail('dist/ is missing: run `npm run build` first (npm run bench does)');
const { ANALYSIS_MARKERS } = await import(pathToFileURL(marker).href);

ensureCorpus(options.corpus, resolve(ROOT, '../shared/bench/make-corpus.sh'));
mkdirSync(options.work, { recursive: true });
const pristine = fingerprint(options.corpus);
const folders = listFolders(options.corpus);
const placements = placePlanted(folders, PLANTED_FIXTURES, options.planted);
const plantedPaths = new Set(placements.map((placement) => placement.path));

const ctx = {
  cli: CLI,
  corpus: options.corpus,
  work: options.work,
  groups: options.groups,
  tree: join(options.work, 'tree'),
  plantedTree: join(options.work, 'planted-only'),
  migrateTree: join(options.work, 'migrate'),
  plantedMigrateTree: join(options.work, 'migrate-planted-only'),
  fixturesDir: join(ROOT, 'fixtures'),
  placements,
  markers: ANALYSIS_MARKERS,
  cpus: availableParallelism(),
  rg: whichRg(),
  astGrep: astGrepBinary(ROOT),
  sgconfig: writeAstGrepRules(join(ROOT, 'test/bench/ast-grep'), ANALYSIS_MARKERS),
  jscodeshift: join(ROOT, 'node_modules/jscodeshift/bin/jscodeshift.js'),
  jscodeshiftInBatches: join(ROOT, 'test/bench/jscodeshift-in-batches.mjs'),
  transform: join(ROOT, 'dist/transforms/rewrite-upload-call/index.js'),
  eslint: join(ROOT, 'node_modules/eslint/bin/eslint.js'),
  eslintConfigs: writeEslintConfigs(join(ROOT, 'node_modules/.cache/bench-eslint'), join(ROOT, 'dist/src/eslint-plugin/index.js')),
  eslintFolders: ESLINT_FOLDERS,
  preCommitFiles: hookFiles(options.corpus, folders, placements),
  legacyHookFiles: placements.slice(0, 10).map((placement) => placement.path),
  shardable: /--shard\b/.test(ourHelp()) && /--merge\b/.test(ourHelp()),
  last: {},
  shardMerge: null,
  checkCorpusUnchanged(when) {
    const now = fingerprint(options.corpus);
    if (now.sha256 !== pristine.sha256) {
      throw Object.assign(
        new Error(`the pristine corpus at ${options.corpus} changed ${when} (${pristine.files} files before, ${now.files} now): stopping`),
        { fatal: true },
      );
    }
  },
  checkShardMerge,
};

if (ctx.groups.has('eslint') && ESLINT_FOLDERS.some((folder) => !existsSync(join(options.corpus, folder)))) {
  fail(`the corpus has no ${ESLINT_FOLDERS.join(', ')} folders for the ESLint rows`);
}

const copyMethod = copyTree(options.corpus, ctx.tree);
plant(ctx.tree, placements, ctx.fixturesDir);
rmSync(ctx.plantedTree, { recursive: true, force: true });
plant(ctx.plantedTree, placements, ctx.fixturesDir);
validatePlanted();

const rows = buildRows(ctx);
const notes = [
  `tree: the corpus (${pristine.files} files) copied with ${copyMethod}, plus ${placements.length} planted files from fixtures/ ` +
    `(${new Set(placements.map((placement) => placement.fixture)).size} distinct), one every ~${Math.round(folders.length / placements.length)} folders of the ${folders.length} sorted folders`,
  'migrate-planted: the full migration over a tree holding only the planted files at the same relative paths; this is the "planted files\' own transform time" of the migration target',
];
const skipped = {};
for (const row of rows) {
  const available = row.available?.() ?? true;
  if (available !== true) skipped[row.id] = available;
}
const active = rows.filter((row) => !skipped[row.id]);
const info = machine({ ctx, options });
printCommands({ info, rows, active, skipped, ctx, notes });

const results = Object.fromEntries(active.map((row) => [row.id, { runs: [], error: null, files: null, read: null }]));

/** One measurement of `row`, its untimed preparation and checks around it. */
function runRow(row, { warmup = false } = {}) {
  row.prepare?.();
  const result = measure(row.spec({ warmup }));
  ctx.last[row.id] = result;
  if (!warmup) {
    const slot = results[row.id];
    slot.runs.push({ wallMs: result.wallMs, cpuMs: result.cpuMs, peakMb: result.peakMb });
    if (row.files) slot.files = row.files(result);
    if (row.read) slot.read = row.read(result);
  }
  row.after?.();
  return result;
}

console.log('\nwarm-up (untimed)');
for (const row of active) attempt(row, () => runRow(row, { warmup: true }), 'warm-up');
// Start-up rows take tens of milliseconds each: more rounds steady their paired ratios.
const runsOf = (row) => (row.group === 'eslint' ? options.eslintRuns : row.group === 'pre-commit' ? options.startupRuns : options.runs);
const rounds = Math.max(...active.map(runsOf), 0);
for (let run = 1; run <= rounds; run++) {
  console.log(`\nrun ${run} of ${rounds}`);
  // Every other round runs the rows in reverse, so that a row is not always the one after another
  // (ESLint's rows differ by a few per cent, less than what coming later in a round can cost).
  for (const row of run % 2 ? active : [...active].reverse()) {
    if (results[row.id].error || run > runsOf(row)) continue;
    attempt(row, () => printProgress(row, runRow(row)), `run ${run}`);
  }
}

printSummary({ info, rows: active, skipped, results, plantedPaths, ctx, options, notes });
if (options.json) writeJson(options.json, { info, rows: active, skipped, results, plantedPaths, ctx, options, notes });
for (const dir of [ctx.tree, ctx.plantedTree, ctx.migrateTree, ctx.plantedMigrateTree]) rmSync(dir, { recursive: true, force: true });
ctx.checkCorpusUnchanged('during the bench');

/** A tool that fails is reported and left out of the later runs; a changed corpus stops everything. */
function attempt(row, work, when) {
  try {
    work();
  } catch (error) {
    if (error.fatal) fail(error.message);
    console.log(`  ${row.id}: FAILED (${when}): ${error.message.split('\n')[0]}`);
    if (results[row.id]) results[row.id].error = `${when}: ${error.message}`;
  }
}

/** Every planted file must get a finding on its own, or the "found and no other" check means nothing. */
function validatePlanted() {
  const child = spawnSync(process.execPath, [CLI, '--check', '.', '--format', 'json'], {
    cwd: ctx.plantedTree,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (child.status !== 1) fail(`--check over the planted files alone exited ${child.status}, not 1:\n${child.stderr}`);
  const flagged = new Set(JSON.parse(child.stdout).findings.map((finding) => finding.file));
  const silent = placements.filter((placement) => !flagged.has(placement.path));
  if (silent.length) {
    fail(
      `${silent.length} planted file(s) give no finding on their own, so the bench could not tell them from clean code:\n` +
        silent.map((placement) => `  ${placement.path} (from fixtures/${placement.fixture})`).join('\n') +
        '\nTake them out of test/bench/planted-fixtures.mjs.',
    );
  }
}

/** The two shards' JSON merged with --merge must list the same findings as the unsharded run. */
function checkShardMerge() {
  const args = ['--merge', join(ctx.work, 'shard-1.json'), join(ctx.work, 'shard-2.json'), '--format', 'json'];
  const run = (argv) => spawnSync(process.execPath, [CLI, ...argv], { cwd: ctx.tree, encoding: 'utf8', maxBuffer: 1 << 30 });
  const merged = run(args);
  if (merged.status !== 0 && merged.status !== 1) throw new Error(`--merge exited ${merged.status}: ${merged.stderr}`);
  const whole = ctx.last.check?.stdout ?? run(['--check', '.', '--format', 'json']).stdout;
  const keys = (stdout) =>
    JSON.parse(stdout)
      .findings.map((f) => `${f.file}:${f.line}:${f.column}:${f.ruleId}`)
      .sort();
  const [fromShards, fromWhole] = [keys(merged.stdout), keys(whole)];
  ctx.shardMerge = {
    command: `node ${CLI} ${args.join(' ')}`,
    merged: fromShards.length,
    unsharded: fromWhole.length,
    same: fromShards.join('\n') === fromWhole.join('\n'),
    onlyMerged: fromShards.filter((key) => !fromWhole.includes(key)).slice(0, 5),
    onlyUnsharded: fromWhole.filter((key) => !fromShards.includes(key)).slice(0, 5),
  };
}

function ourHelp() {
  ourHelp.text ??= execFileSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
  return ourHelp.text;
}

function whichRg() {
  const found = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  return found && existsSync(found) ? found : null;
}
