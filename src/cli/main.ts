import { nowMs } from '../report/clock.js';
import type { CliIo } from '../report/io.js';
import { EXIT_CLEAN, fail } from '../report/exit-status.js';
import { readPackageInfo } from '../package-info.js';
import { parseCliArgs } from './args.js';
import { helpText } from './help-text.js';

export type { CliIo } from '../report/io.js';

function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

/**
 * The CLI: parse, then hand over to the check or the rewrite. Each is imported only when chosen, so
 * `--version` and `--help` load nothing else and `--check` (a pre-commit hook's mode) starts
 * without the codemod, the worker pool and the diff. Resolves to the exit status.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const started = nowMs();
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
    if (options.check) {
      const { runCheck } = await import('../check/run-check.js');
      return await runCheck({ ...options, version: pkg.version, homepage: pkg.homepage }, io, started);
    }
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
  } catch (error) {
    // Exit 1 means "legacy code found": a crash must not read as that.
    return fail(io, `internal error: ${(error as Error).stack ?? String(error)}`);
  }
}
