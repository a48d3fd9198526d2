/**
 * What the bench prints: the machine and the exact commands first, a line per measurement as it
 * comes, then medians, peak memory, ratios, the planted-file check, the targets and a Markdown
 * table for the README; the same as JSON with --json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { evaluateTargets, median, pairedRatio } from './summarize.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const versionOf = (pkg) => {
  const file = join(ROOT, 'node_modules', pkg, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : null;
};
const firstLine = (command, args) =>
  command ? spawnSync(command, args, { encoding: 'utf8' }).stdout?.split('\n')[0].trim() || null : null;

export function machine({ ctx }) {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  return {
    date: new Date().toISOString(),
    cpus: availableParallelism(),
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
    loadAverageAtStart: loadavg().map((load) => Number(load.toFixed(2))),
    versions: {
      'migrate-share-video': JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
      ripgrep: firstLine(ctx.rg, ['--version']),
      'ast-grep': firstLine(ctx.astGrep, ['--version']),
      jscodeshift: versionOf('jscodeshift'),
      eslint: versionOf('eslint'),
      '@typescript-eslint/parser': versionOf('@typescript-eslint/parser'),
    },
  };
}

const quote = (arg) => (/^[\w./:=,@%+-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`);
const commandLine = ({ command, args, cwd }) =>
  `(cd ${quote(cwd)} && ${[command === process.execPath ? 'node' : command, ...args].map(quote).join(' ')})`;

export function printCommands({ info, active, skipped, ctx, notes, rows }) {
  console.log(`migrate-share-video bench, ${info.date}`);
  console.log(
    `machine: ${info.cpus} × ${info.cpuModel}, ${info.memoryGiB} GiB, ${info.os}, node ${info.node}, load average ${info.loadAverageAtStart.join(' ')}`,
  );
  console.log(
    `versions: ${Object.entries(info.versions)
      .map(([name, version]) => `${name} ${version ?? '-'}`)
      .join('; ')}`,
  );
  console.log(`corpus: ${ctx.corpus}; work copies in ${ctx.work}`);
  for (const note of notes) console.log(`note: ${note}`);
  console.log('\ncommands (node is this node):');
  for (const row of active) console.log(`  ${row.id}: ${commandLine(row.spec())}\n      ${row.what}`);
  for (const row of rows.filter((candidate) => skipped[candidate.id])) console.log(`  ${row.id}: ${skipped[row.id]}`);
}

const seconds = (ms) => (ms === null || ms === undefined ? '-' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);
const megabytes = (mb) => (mb === null || mb === undefined ? '-' : `${Math.round(mb)} MB`);
const times = (ratio) => (Number.isFinite(ratio) ? `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}×` : '-');

export function printProgress(row, result) {
  console.log(
    `  ${row.id.padEnd(28)} ${seconds(result.wallMs).padStart(9)}   cpu ${seconds(result.cpuMs).padStart(9)}   peak ${megabytes(result.peakMb).padStart(7)}`,
  );
}

/** Medians and checks of every row, as the three outputs use them. */
function summarize({ rows, results, plantedPaths, ctx }) {
  const stats = {};
  for (const row of rows) {
    const { runs, error, files, read } = results[row.id];
    const walls = runs.map((run) => run.wallMs);
    const peaks = runs.map((run) => run.peakMb).filter((peak) => peak !== null);
    stats[row.id] = {
      label: row.label,
      short: row.short,
      what: row.what,
      command: commandLine(row.spec()),
      runs,
      error,
      read,
      medianWallMs: median(walls),
      minWallMs: walls.length ? Math.min(...walls) : undefined,
      maxWallMs: walls.length ? Math.max(...walls) : undefined,
      medianCpuMs: median(runs.map((run) => run.cpuMs).filter((cpu) => cpu !== null)),
      peakMb: peaks.length ? Math.max(...peaks) : undefined,
      planted: files ? plantedCount(files, plantedPaths) : null,
    };
  }
  const wall = Object.fromEntries(Object.entries(stats).map(([id, row]) => [id, row.medianWallMs]));
  const peakMb = Object.fromEntries(Object.entries(stats).map(([id, row]) => [id, row.peakMb]));
  const pairedBy = (key) =>
    Object.fromEntries(
      rows.filter((row) => stats[row.base]).map((row) => [row.id, pairedRatio(stats[row.id].runs, stats[row.base].runs, key)]),
    );
  const pairedWall = pairedBy('wallMs');
  // ESLint's rows differ by a few per cent of a run: their ratio is the median of per-round ratios.
  for (const row of rows) if (row.group === 'eslint' && row.id in pairedWall) stats[row.id].pairedWallRatio = pairedWall[row.id];
  const targets = evaluateTargets({ wall, peakMb, paired: pairedWall });
  // The same ratios by CPU time, which other work on a shared machine disturbs less than wall time.
  const cpu = Object.fromEntries(Object.entries(stats).map(([id, row]) => [id, row.medianCpuMs]));
  for (const [i, byCpu] of evaluateTargets({ wall: cpu, peakMb, paired: pairedBy('cpuMs') }).entries())
    targets[i].cpuValue = targets[i].unit === '×' ? byCpu.value : null;
  const check = stats.check?.planted;
  const shards = ['shard-1', 'shard-2'].every((id) => stats[id]?.planted)
    ? plantedCount([...results['shard-1'].files, ...results['shard-2'].files], plantedPaths)
    : null;
  const plantedCheck = {
    planted: plantedPaths.size,
    check: check ? { pass: check.found === plantedPaths.size && check.others.length === 0, ...check } : null,
    migrate: stats.migrate?.planted ? { pass: stats.migrate.planted.others.length === 0, ...stats.migrate.planted } : null,
    shards: shards ? { pass: shards.found === plantedPaths.size && shards.others.length === 0, ...shards } : null,
    shardMerge: ctx.shardMerge,
  };
  return { stats, targets, plantedCheck };
}

function plantedCount(files, plantedPaths) {
  const unique = [...new Set(files)];
  return {
    reported: unique.length,
    found: unique.filter((file) => plantedPaths.has(file)).length,
    others: unique.filter((file) => !plantedPaths.has(file)).sort(),
  };
}

/** What a row's tool reported, in a few words. */
function outcome(id, row, planted) {
  if (row.error) return `failed: ${row.error.split('\n')[0]}`;
  const read = row.read ?? {};
  const precision = row.planted
    ? `${row.planted.reported} files: ${row.planted.found}/${planted} planted + ${row.planted.others.length} other${row.planted.others.length === 1 ? '' : 's'}`
    : '';
  if (id === 'check') return `${precision} (${read.filesScanned} read, ${read.filesAnalyzed} parsed, ${read.findings} findings)`;
  if (id.startsWith('migrate'))
    return `${read.filesChanged} files changed, ${read.sitesRewritten} sites rewritten, ${read.todosLeft} TODOs, ${read.errors} errors${id === 'migrate' ? `; changed: ${precision}` : ''}`;
  if (id === 'jscodeshift') return `${read.ok} would change, ${read.unmodified} unmodified, ${read.errors} errors, ${read.skipped} skipped`;
  if (id.startsWith('eslint'))
    return `${read.filesLinted} files linted, ${read.findingsOfOurs} findings of ours, ${read.parseErrors} parse errors`;
  if (id === 'pre-commit') return '10 files named';
  return precision;
}

/**
 * A row's median over the median of the row it is compared with (`--check`, or ESLint without our
 * rules; for ESLint, the median of the per-round ratios).
 */
function relative(row, stats) {
  const base = stats[row.base];
  if (!base?.medianWallMs || !stats[row.id].medianWallMs) return '';
  return `${times(stats[row.id].pairedWallRatio ?? stats[row.id].medianWallMs / base.medianWallMs)} ${base.short ?? base.label}`;
}

const verdict = (pass) => (pass === null ? 'not measured' : pass ? 'PASS' : 'FAIL');
const targetValue = (target) =>
  target.value === null ? '-' : target.unit === '×' ? times(target.value) : `${Math.round(target.value)}${target.unit}`;

export function printSummary(input) {
  const { rows, skipped, options, info } = input;
  const { stats, targets, plantedCheck } = summarize(input);
  const planted = plantedCheck.planted;

  console.log(
    `\nmedians of ${options.runs} run(s), ESLint rows ${options.eslintRuns} (wall from here; CPU = user + system; peak = largest max RSS of any run)`,
  );
  for (const row of rows) {
    const s = stats[row.id];
    console.log(
      `  ${row.id.padEnd(28)} ${seconds(s.medianWallMs).padStart(9)} (${seconds(s.minWallMs)}–${seconds(s.maxWallMs)})` +
        `   cpu ${seconds(s.medianCpuMs).padStart(9)}   peak ${megabytes(s.peakMb).padStart(7)}` +
        `   ${relative(row, stats).padEnd(22)} ${outcome(row.id, s, planted)}`,
    );
  }
  for (const [id, reason] of Object.entries(skipped)) console.log(`  ${id.padEnd(28)} ${reason}`);

  console.log(`\nplanted files (${planted})`);
  const { check, migrate, shards, shardMerge } = plantedCheck;
  const others = (list) => (list.length ? `: ${list.slice(0, 5).join(', ')}${list.length > 5 ? ', …' : ''}` : '');
  if (check) {
    console.log(
      `  ${verdict(check.pass)}  our --check reports findings in ${check.found}/${planted} planted files and in ${check.others.length} other files${others(check.others)}`,
    );
  }
  if (migrate)
    console.log(
      `  ${verdict(migrate.pass)}  our migration changed ${migrate.found} planted files and ${migrate.others.length} other files${others(migrate.others)}`,
    );
  for (const peer of ['ripgrep', 'ast-grep']) {
    const p = stats[peer]?.planted;
    if (p) console.log(`  info  ${peer} lists ${p.found}/${planted} planted files and ${p.others.length} other files${others(p.others)}`);
  }
  if (shards)
    console.log(
      `  ${verdict(shards.pass)}  --shard 1/2 + 2/2 report findings in ${shards.found}/${planted} planted files and ${shards.others.length} other files`,
    );
  if (shardMerge) {
    console.log(
      `  ${verdict(shardMerge.same)}  --merge of the two shard reports: ${shardMerge.merged} findings, the unsharded --check: ${shardMerge.unsharded}` +
        (shardMerge.same
          ? ' (the same findings)'
          : `; only merged: ${shardMerge.onlyMerged.join(', ')}; only unsharded: ${shardMerge.onlyUnsharded.join(', ')}`),
    );
  } else if (skipped['shard-1']) console.log(`  --shard/--merge: ${skipped['shard-1']}`);

  console.log(`\ntargets (${info.cpus}-core machine)`);
  for (const target of targets) {
    const byCpu = target.cpuValue === null || target.cpuValue === undefined ? '' : `; by CPU time ${times(target.cpuValue)}`;
    console.log(
      `  ${verdict(target.pass).padEnd(12)} ${target.says}: ${targetValue(target)} (limit ${target.compare} ${target.limit}${target.unit === '×' ? '×' : target.unit}${byCpu})`,
    );
  }

  console.log(`\n${markdown({ ...input, stats, targets })}`);
}

function markdown({ rows, stats, targets, info, options, ctx }) {
  const lines = [
    `On ${info.cpus} × ${info.cpuModel}, node ${info.node}, ${info.date.slice(0, 10)}: the corpus of \`../shared/bench/make-corpus.sh\` ` +
      `with ${ctx.placements.length} legacy fixture files planted (\`npm run bench -- --runs ${options.runs} --eslint-runs ${options.eslintRuns}\`; medians of ${options.runs}, of ${options.eslintRuns} for ESLint; peak = max RSS).`,
    '',
    '| run | median wall | CPU | peak memory | ratio | reported |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => {
      const s = stats[row.id];
      return `| ${row.label} | ${seconds(s.medianWallMs)} | ${seconds(s.medianCpuMs)} | ${megabytes(s.peakMb)} | ${relative(row, stats)} | ${outcome(row.id, s, ctx.placements.length).replaceAll('|', '\\|')} |`;
    }),
    '',
    '| target | measured (wall) | by CPU time | result |',
    '| --- | --- | --- | --- |',
    ...targets.map(
      (target) =>
        `| ${target.says} | ${targetValue(target)} | ${target.cpuValue == null ? '' : times(target.cpuValue)} | ${verdict(target.pass)} |`,
    ),
  ];
  return lines.join('\n');
}

export function writeJson(file, input) {
  const { stats, targets, plantedCheck } = summarize(input);
  const { info, options, notes, skipped, ctx } = input;
  const json = {
    info,
    options: {
      corpus: options.corpus,
      planted: options.planted,
      runs: options.runs,
      eslintRuns: options.eslintRuns,
      groups: [...options.groups],
    },
    notes,
    placements: ctx.placements,
    preCommitFiles: ctx.preCommitFiles.paths,
    skipped,
    rows: stats,
    plantedCheck,
    targets: targets.map(({ id, says, value, cpuValue, limit, compare, pass }) => ({ id, says, value, cpuValue, limit, compare, pass })),
  };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nresults written to ${file}`);
}
