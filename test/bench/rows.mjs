/**
 * The rows of the bench: each a command, what it measures, and how to read the files it reports.
 * `ctx` (built by run.mjs) holds the paths and the tools found. Every command runs from the folder
 * it searches, so the files every tool reports are relative to the same root. `base` names the row
 * a row's time is compared with (our --check for the rows over the whole tree, ESLint alone for
 * ESLint with our rules).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { copyTree } from './corpus.mjs';
import { ESLINT_CONFIGS } from './eslint-configs.mjs';
import { plant } from './plant.mjs';

const EXTENSIONS = 'js,jsx,mjs,cjs,ts,tsx,mts,cts';
const zeroOrOne = (status) => status === 0 || status === 1;
const lines = (text) =>
  text
    .split('\n')
    .map((line) => line.trim().replace(/^\.\//, ''))
    .filter(Boolean);
const findingFiles = (stdout) => [...new Set(JSON.parse(stdout).findings.map((finding) => finding.file))];

/** `All done. Results: 0 errors 81 unmodified 0 skipped 1 ok` from jscodeshift's summary. */
export const jscodeshiftCounts = (stdout) =>
  Object.fromEntries(
    ['errors', 'unmodified', 'skipped', 'ok'].map((key) => [
      key,
      Number(new RegExp(`^(\\d+) ${key}\\b`, 'm').exec(stripVTControlCharacters(stdout))?.[1] ?? NaN),
    ]),
  );

const ESLINT_ROWS = {
  baseline: { label: 'ESLint, no rule at all', short: 'ESLint with no rule', what: '; no rule' },
  recommended: { label: 'ESLint + our `recommended`', base: 'eslint-baseline', what: ", plus our plugin's recommended config" },
  'one-rule': { label: 'ESLint, one core rule (`no-debugger`)', short: 'ESLint with one rule', what: '; no-debugger on' },
  'one-rule-recommended': {
    label: 'ESLint, `no-debugger` + our `recommended`',
    base: 'eslint-one-rule',
    what: "; no-debugger on, plus our plugin's recommended config",
  },
};

export function buildRows(ctx) {
  const our = (...args) => ({ command: process.execPath, args: [ctx.cli, ...args] });
  const freshTree = (dest, withCorpus) => {
    if (withCorpus) copyTree(ctx.corpus, dest);
    else rmSync(dest, { recursive: true, force: true });
    plant(dest, ctx.placements, ctx.fixturesDir);
  };
  const rows = [
    {
      id: 'check',
      group: 'check',
      label: 'our `--check`, full corpus',
      short: 'our `--check`',
      what: 'migrate-share-video --check over the whole tree (corpus + planted files), JSON report',
      spec: () => ({ ...our('--check', '.', '--format', 'json'), cwd: ctx.tree, ok: zeroOrOne }),
      files: (result) => findingFiles(result.stdout),
      read: (result) => {
        const { summary } = JSON.parse(result.stdout);
        return { filesScanned: summary.filesScanned, filesAnalyzed: summary.filesAnalyzed, findings: summary.findings };
      },
    },
    {
      id: 'ripgrep',
      base: 'check',
      group: 'ripgrep',
      label: 'ripgrep, same markers',
      what: 'rg -l -F with every prefilter marker over the whole tree (all files, .d.ts included)',
      available: () => (ctx.rg ? true : 'ripgrep (rg) is not installed'),
      spec: () => ({
        command: ctx.rg,
        args: ['-l', '-F', ...ctx.markers.flatMap((marker) => ['-e', marker]), '.'],
        cwd: ctx.tree,
        ok: zeroOrOne,
      }),
      files: (result) => lines(result.stdout),
    },
    {
      id: 'ast-grep',
      base: 'check',
      group: 'ast-grep',
      label: 'ast-grep scan, same markers',
      what: 'ast-grep scan with test/bench/ast-grep rules (strings, templates, comments, names holding a marker) over the whole tree',
      available: () => (ctx.astGrep ? true : '@ast-grep/cli is not installed (npm ci)'),
      spec: () => ({ command: ctx.astGrep, args: ['scan', '-c', ctx.sgconfig, '--files-with-matches', '.'], cwd: ctx.tree, ok: zeroOrOne }),
      files: (result) => lines(result.stdout),
    },
    {
      id: 'jscodeshift',
      base: 'check',
      group: 'jscodeshift',
      label: 'jscodeshift + our transform',
      what:
        `jscodeshift -t dist/transforms/rewrite-upload-call --parser=tsx --extensions=${EXTENSIONS} --cpus=${ctx.cpus} --dry (it forks at most cpus - 1 workers: ${Math.max(ctx.cpus - 1, 1)} here) over every file of the whole tree, ` +
        'in consecutive --stdin runs of 5,000 files (one run over the whole tree gives up on ~19,000 files with EMFILE on 2 cores: see jscodeshift-in-batches.mjs); ' +
        'warm-up on the planted files only',
      spec: ({ warmup } = {}) => ({
        command: process.execPath,
        args: [
          ctx.jscodeshiftInBatches,
          ctx.jscodeshift,
          EXTENSIONS,
          '-t',
          ctx.transform,
          '--parser=tsx',
          `--extensions=${EXTENSIONS}`,
          `--cpus=${ctx.cpus}`,
          '--dry',
        ],
        // Warming up on the whole tree would add minutes for a file cache the other rows fill anyway.
        cwd: warmup ? ctx.plantedTree : ctx.tree,
      }),
      read: (result) => jscodeshiftCounts(result.stdout),
    },
    {
      id: 'migrate',
      base: 'check',
      group: 'migrate',
      label: 'our migration, full corpus',
      what: 'migrate-share-video --allow-dirty --format json (the rewrite, writing files) over a fresh copy of the tree',
      prepare: () => freshTree(ctx.migrateTree, true),
      spec: () => ({ ...our('.', '--allow-dirty', '--format', 'json'), cwd: ctx.migrateTree, ok: zeroOrOne }),
      files: (result) => JSON.parse(result.stdout).changes.map((change) => change.file),
      read: (result) => migrationSummary(result.stdout),
      after: () => ctx.checkCorpusUnchanged('after a migration'),
    },
    {
      id: 'migrate-planted',
      base: 'check',
      group: 'migrate',
      label: 'our migration, planted files only',
      what: "the same migration over a tree holding only the planted files, at the same relative paths (the planted files' own transform time)",
      prepare: () => freshTree(ctx.plantedMigrateTree, false),
      spec: () => ({ ...our('.', '--allow-dirty', '--format', 'json'), cwd: ctx.plantedMigrateTree, ok: zeroOrOne }),
      files: (result) => JSON.parse(result.stdout).changes.map((change) => change.file),
      read: (result) => migrationSummary(result.stdout),
    },
    {
      id: 'pre-commit',
      group: 'pre-commit',
      label: 'our `--check`, 10 named files',
      what: `migrate-share-video --check with 10 files named on the command line, as a pre-commit hook runs it (${ctx.preCommitFiles.planted} planted, ${ctx.preCommitFiles.clean} clean), start-up included`,
      spec: () => ({ ...our('--check', ...ctx.preCommitFiles.paths), cwd: ctx.tree, ok: zeroOrOne }),
    },
    {
      id: 'node-baseline',
      group: 'pre-commit',
      label: '`node -e 0`',
      short: '`node -e 0`',
      what: 'node -e 0: Node.js starting and stopping, the floor of any CLI written for it (start-up rows are compared with it)',
      spec: () => ({ command: process.execPath, args: ['-e', '0'], cwd: ctx.tree }),
    },
    {
      id: 'version',
      base: 'node-baseline',
      group: 'pre-commit',
      label: 'our `--version`',
      what: 'migrate-share-video --version: the start-up alone',
      spec: () => ({ ...our('--version'), cwd: ctx.tree }),
    },
    {
      id: 'hook-legacy',
      base: 'node-baseline',
      group: 'pre-commit',
      label: 'our `--check`, 10 named legacy files',
      what: `migrate-share-video --check with ${ctx.legacyHookFiles.length} planted legacy files named on the command line (each parsed and reported), start-up included`,
      spec: () => ({ ...our('--check', ...ctx.legacyHookFiles), cwd: ctx.tree, ok: (status) => status === 1 }),
    },
    ...[1, 2].map((index) => ({
      id: `shard-${index}`,
      base: 'check',
      group: 'shard',
      label: `our \`--check --shard ${index}/2\``,
      what: `migrate-share-video --check --shard ${index}/2 --format json over the whole tree (one job of a CI matrix of two)`,
      available: () => (ctx.shardable ? true : 'not available: this build of the CLI has no --shard/--merge'),
      spec: () => ({
        ...our('--check', '.', '--shard', `${index}/2`, '--format', 'json', '--output', join(ctx.work, `shard-${index}.json`)),
        cwd: ctx.tree,
        ok: zeroOrOne,
      }),
      files: () => findingFiles(readFileSync(join(ctx.work, `shard-${index}.json`), 'utf8')),
      after: index === 2 ? () => ctx.checkShardMerge() : undefined,
    })),
    ...ESLINT_CONFIGS.map((config) => ({
      id: `eslint-${config}`,
      base: ESLINT_ROWS[config].base,
      group: 'eslint',
      label: ESLINT_ROWS[config].label,
      short: ESLINT_ROWS[config].short,
      what: `eslint --config ${config}.config.mjs over ${ctx.eslintFolders.join(', ')} of the clean corpus (typescript-eslint parser for TS, espree for JS${ESLINT_ROWS[config].what})`,
      available: () => (existsSync(ctx.eslint) ? true : 'eslint is not installed'),
      spec: () => ({
        command: process.execPath,
        args: [
          ctx.eslint,
          '--config',
          ctx.eslintConfigs[config],
          '--format',
          'json',
          '--output-file',
          join(ctx.work, `eslint-${config}.json`),
          ...ctx.eslintFolders,
        ],
        // With --config, ESLint takes the working folder as its base: run it from the corpus.
        cwd: ctx.corpus,
        ok: zeroOrOne,
      }),
      read: () => {
        const results = JSON.parse(readFileSync(join(ctx.work, `eslint-${config}.json`), 'utf8'));
        const messages = results.flatMap((result) => result.messages);
        return {
          filesLinted: results.length,
          findingsOfOurs: messages.filter((message) => message.ruleId?.startsWith('migrate-share-video/')).length,
          parseErrors: messages.filter((message) => message.fatal).length,
        };
      },
    })),
  ];
  return rows.filter((row) => ctx.groups.has(row.group));
}

function migrationSummary(stdout) {
  const { summary } = JSON.parse(stdout);
  return {
    filesScanned: summary.filesScanned,
    filesChanged: summary.filesChanged,
    sitesRewritten: summary.sitesRewritten,
    todosLeft: summary.todosLeft,
    errors: summary.errors,
  };
}
