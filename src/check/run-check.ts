import { nowMs } from '../report/clock.js';
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { discoverFiles, type Discovery } from '../files/discover.js';
import { findRepoRoot } from '../files/gitignore-tree.js';
import { inShard, type Shard } from '../files/shard.js';
import { startPrefilter } from '../load/load-project.js';
import { sortFindings, type CheckReport } from '../report/check-report.js';
import { useColor } from '../report/color.js';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_TROUBLE, fail } from '../report/exit-status.js';
import type { ReportFormat } from '../report/formats.js';
import type { CliIo } from '../report/io.js';
import { mergeReports, parseJsonReport, type JsonReport } from '../report/merge-reports.js';
import { renderReport } from '../report/render-report.js';
import { createSourceLines } from '../report/source-lines.js';
import { emitReport, writeFileAtomic } from '../report/write-report.js';
import { analyzeFiles, type AnalysisResult } from './analyze-files.js';

export interface CheckOptions {
  /** Files, folders and globs to check; with `merge`, the JSON reports to merge. */
  readonly paths: readonly string[];
  readonly ignorePatterns: readonly string[];
  readonly keepLegacyEvents: boolean;
  readonly format: ReportFormat;
  readonly output: string | undefined;
  /** `--report <file>`: also the Markdown report. */
  readonly report: string | undefined;
  readonly color: boolean | undefined;
  readonly quiet: boolean;
  readonly shard: Shard | undefined;
  readonly merge: boolean;
  readonly version: string;
  /** Where SARIF rules link to. */
  readonly homepage: string;
}

/** `--check` (or `--merge`): find, report, and the exit status. */
export function runCheck(options: CheckOptions, io: CliIo, started = nowMs()): Promise<number> {
  return options.merge ? merge(options, io) : check(options, io, started);
}

async function check(options: CheckOptions, io: CliIo, started: number): Promise<number> {
  const { shard } = options;
  const mine = (file: string) => shard === undefined || inShard(relative(io.cwd, file).split(sep).join('/'), shard);
  // Reading starts while the walk goes on: the walk hands each batch of files to the prefilter.
  const prefilter = startPrefilter({ collectImports: shard !== undefined });
  let discovery: Discovery;
  let analysis: AnalysisResult;
  try {
    discovery = await discoverFiles(options.paths, {
      cwd: io.cwd,
      ignorePatterns: options.ignorePatterns,
      onFiles: (batch) => prefilter.add(shard === undefined ? batch : batch.filter(mine)),
    });
    if (discovery.missing.length > 0) {
      return fail(io, discovery.missing.map((target) => `no such file or folder, nor a glob that matches: ${target}`).join('\n'));
    }
    const files = discovery.files.filter(mine);
    const foreignFiles = shard === undefined ? undefined : discovery.files.filter((file) => !mine(file));
    analysis = await analyzeFiles(files, { cwd: io.cwd, keepLegacyEvents: options.keepLegacyEvents, foreignFiles, prefilter });
  } finally {
    await prefilter.close();
  }
  const findings = options.quiet ? analysis.findings.filter((finding) => finding.severity === 'error') : analysis.findings;
  return deliver(
    {
      findings: sortFindings(findings),
      filesScanned: analysis.scanned,
      filesAnalyzed: analysis.analyzed,
      errors: [...discovery.errors, ...analysis.errors],
      durationMs: nowMs() - started,
      version: options.version,
      cwd: io.cwd,
      shard,
    },
    options,
    io,
  );
}

/** `--merge`: the JSON reports of a CI matrix's `--check --shard` jobs, reported as one run. */
async function merge(options: CheckOptions, io: CliIo): Promise<number> {
  const reports: JsonReport[] = [];
  for (const name of options.paths) {
    let text: string;
    try {
      text = await readFile(resolve(io.cwd, name), 'utf8');
    } catch (error) {
      return fail(io, `cannot read the report ${name}: ${(error as Error).message}`);
    }
    const report = parseJsonReport(name, text);
    if (typeof report === 'string') return fail(io, report);
    reports.push(report);
  }
  const merged = mergeReports(reports, { cwd: io.cwd, version: options.version });
  if (typeof merged === 'string') return fail(io, merged);
  const findings = options.quiet ? merged.findings.filter((finding) => finding.severity === 'error') : merged.findings;
  return deliver({ ...merged, findings }, options, io);
}

/** Prints or writes a check report in the chosen format (and the Markdown report); the exit status. */
async function deliver(report: CheckReport, options: CheckOptions, io: CliIo): Promise<number> {
  const text = renderReport(report, options.format, {
    color: useColor({ flag: options.color, env: io.env, toTerminal: options.output === undefined && io.stdout.isTTY === true }),
    informationUri: options.homepage,
    sourceLines: createSourceLines(io.cwd),
    root: options.format === 'sarif' ? findRepoRoot(io.cwd) : undefined,
  });
  const unwritten = await emitReport(io, options.output, text);
  if (unwritten) return fail(io, unwritten);
  if (options.report !== undefined) {
    const reportFile = resolve(io.cwd, options.report);
    // Loaded only when asked for: a hook's --check starts without it.
    const { formatCheckMarkdown } = await import('../report/markdown-report.js');
    try {
      await writeFileAtomic(reportFile, formatCheckMarkdown(report, { cwd: io.cwd, reportFile }));
    } catch (error) {
      return fail(io, `cannot write the Markdown report to ${options.report}: ${(error as Error).message}`);
    }
  }
  return checkStatus(report);
}

/**
 * 1 for findings; else 2 when a file could not be read or parsed, since a check never passes what it
 * could not see (a broken file in a pre-commit hook or CI must not read as clean); else 0.
 */
function checkStatus(report: Pick<CheckReport, 'findings' | 'errors'>): number {
  if (report.findings.length > 0) return EXIT_FINDINGS;
  return report.errors.length > 0 ? EXIT_TROUBLE : EXIT_CLEAN;
}
