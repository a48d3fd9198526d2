import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { analyzeFiles, type AnalysisResult } from '../check/analyze-files.js';
import { startPrefilter } from '../load/load-project.js';
import { inShard } from '../files/shard.js';
import { parseCliArgs, type CliOptions } from './args.js';
import { useColor } from '../report/color.js';
import { discoverFiles, type Discovery } from '../files/discover.js';
import { findRepoRoot } from '../files/gitignore-tree.js';
import { helpText } from './help-text.js';
import { mergeReports, parseJsonReport, type JsonReport } from '../report/merge-reports.js';
import { readPackageInfo, type PackageInfo } from '../package-info.js';
import { renderReport } from '../report/render-report.js';
import { sortFindings, type CheckReport } from '../report/check-report.js';
import { createSourceLines } from '../report/source-lines.js';
import { emitReport, writeFileAtomic } from '../report/write-report.js';
import { maskSecrets } from '../report/mask-secrets.js';

import type { CliIo } from '../report/io.js';

export type { CliIo } from '../report/io.js';

const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;
/** Bad usage, a target that does not exist, a report that cannot be written; for the rewrite also errors and a dirty tree. */
const EXIT_TROUBLE = 2;

function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

function fail(io: CliIo, message: string, hint = ''): number {
  io.stderr.write(maskSecrets(`migrate-share-video: ${message}\n${hint}`));
  return EXIT_TROUBLE;
}

async function check(options: CliOptions, io: CliIo, started: number, pkg: PackageInfo): Promise<number> {
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
  return deliver({
    findings: sortFindings(findings),
    filesScanned: analysis.scanned,
    filesAnalyzed: analysis.analyzed,
    errors: [...discovery.errors, ...analysis.errors],
    durationMs: performance.now() - started,
    version: pkg.version,
    cwd: io.cwd,
    shard,
  }, options, io, pkg);
}

/** `--merge`: the JSON reports of a CI matrix's `--check --shard` jobs, reported as one run. */
async function merge(options: CliOptions, io: CliIo, pkg: PackageInfo): Promise<number> {
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
  const merged = mergeReports(reports, { cwd: io.cwd, version: pkg.version });
  if (typeof merged === 'string') return fail(io, merged);
  const findings = options.quiet ? merged.findings.filter((finding) => finding.severity === 'error') : merged.findings;
  return deliver({ ...merged, findings }, options, io, pkg);
}

/** Prints or writes a check report in the chosen format (and the Markdown report); the exit status. */
async function deliver(report: CheckReport, options: CliOptions, io: CliIo, pkg: PackageInfo): Promise<number> {
  const text = renderReport(report, options.format, {
    color: useColor({ flag: options.color, env: io.env, toTerminal: options.output === undefined && io.stdout.isTTY === true }),
    informationUri: pkg.homepage,
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
  return report.findings.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** The CLI: parse, discover, analyze, report. Resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const started = performance.now();
  const pkg = readPackageInfo();
  const parsed = parseCliArgs(argv);
  switch (parsed.kind) {
    case 'usage-error':
      return fail(io, parsed.message, "Run 'migrate-share-video --help' for usage.\n");
    case 'help':
      io.stdout.write(helpText(pkg.version));
      return EXIT_CLEAN;
    case 'version':
      io.stdout.write(`${pkg.version}\n`);
      return EXIT_CLEAN;
  }
  const { options } = parsed;
  try {
    if (!options.check) {
      // Loaded only for the rewrite: --check, a pre-commit hook's mode, starts without the pool and the diff.
      const { runRewrite } = await import('../migrate/run-rewrite.js');
      return await runRewrite(
        {
          paths: options.paths,
          ignorePatterns: options.ignorePatterns,
          dryRun: options.dryRun,
          allowDirty: options.allowDirty,
          keepLegacyEvents: options.keepLegacyEvents,
          format: options.format === 'json' ? 'json' : 'text',
          output: options.output,
          report: options.report,
          color: options.color,
          quiet: options.quiet,
          workers: options.workers,
          version: pkg.version,
        },
        io,
      );
    }
    return options.merge ? await merge(options, io, pkg) : await check(options, io, started, pkg);
  } catch (error) {
    // Exit 1 means "legacy code found": a crash must not read as that.
    return fail(io, `internal error: ${(error as Error).stack ?? String(error)}`);
  }
}
