import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseShard, type Shard } from '../files/shard.js';

import { REPORT_FORMATS, type ReportFormat } from '../report/formats.js';

/** The rewrite prints diffs and a summary; SARIF is for findings, that is for `--check`. */
export const REWRITE_FORMATS = ['text', 'json'] as const;

interface CliOptions {
  /** `--check`: report only. Without it the CLI rewrites. */
  readonly check: boolean;
  /** Rewrite mode: print a unified diff, write nothing. */
  readonly dryRun: boolean;
  /** Rewrite mode: go on even where git has uncommitted changes in the target. */
  readonly allowDirty: boolean;
  /** Webhook events: add the Content Posting names beside the legacy ones instead of renaming them. */
  readonly keepLegacyEvents: boolean;
  /** Rewrite mode: worker threads for the codemod; undefined means one per available core. */
  readonly workers: number | undefined;
  readonly format: ReportFormat;
  /** Write the report here instead of stdout. */
  readonly output: string | undefined;
  /** `--report <file>`: also write the Markdown report a reviewer reads in a pull request. */
  readonly report: string | undefined;
  readonly ignorePatterns: readonly string[];
  /** `--color` / `--no-color`; undefined leaves it to the terminal and the environment. */
  readonly color: boolean | undefined;
  /** Errors only: warnings are neither reported nor counted. */
  readonly quiet: boolean;
  /** `--check --shard i/n`: check only this shard's files (a CI matrix splits a tree this way). */
  readonly shard: Shard | undefined;
  /** `--merge`: the paths are `--format json` reports of `--check` (shards) to merge into one. */
  readonly merge: boolean;
  readonly paths: readonly string[];
}

export type ParsedArgs =
  | { readonly kind: 'run'; readonly options: CliOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'usage-error'; readonly message: string };

const OPTIONS = {
  check: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'allow-dirty': { type: 'boolean' },
  'keep-legacy-events': { type: 'boolean' },
  workers: { type: 'string' },
  format: { type: 'string', short: 'f', default: 'text' },
  output: { type: 'string', short: 'o' },
  report: { type: 'string' },
  'ignore-pattern': { type: 'string', multiple: true, default: [] as string[] },
  color: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q', default: false },
  shard: { type: 'string' },
  merge: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} satisfies ParseArgsConfig['options'];

function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** node:util's parser (commander 15 needs Node 22); `--no-color` comes from `allowNegative`. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, allowNegative: true, strict: true });
  } catch (error) {
    return { kind: 'usage-error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  if (!isReportFormat(values.format)) {
    return { kind: 'usage-error', message: `--format must be one of ${REPORT_FORMATS.join(', ')}, not '${values.format}'` };
  }
  if (values.output === '') return { kind: 'usage-error', message: '--output needs a file name' };
  if (values.report === '') return { kind: 'usage-error', message: '--report needs a file name' };
  let shard: Shard | undefined;
  if (values.shard !== undefined) {
    const parsedShard = parseShard(values.shard);
    if (typeof parsedShard === 'string') return { kind: 'usage-error', message: parsedShard };
    shard = parsedShard;
  }
  if (values.merge) {
    const conflicting = (['check', 'dry-run', 'allow-dirty', 'workers', 'shard', 'keep-legacy-events', 'ignore-pattern'] as const).filter(
      (name) => values[name] !== undefined && values[name] !== false && !(Array.isArray(values[name]) && values[name].length === 0),
    );
    if (conflicting.length > 0)
      return {
        kind: 'usage-error',
        message: `--merge combines finished reports; ${conflicting.map((name) => `--${name}`).join(', ')} cannot go with it`,
      };
    if (positionals.length === 0)
      return { kind: 'usage-error', message: '--merge needs the JSON reports to merge (shard-1.json shard-2.json …)' };
  }
  const check = values.check === true || values.merge;
  if (shard !== undefined && !check) {
    return {
      kind: 'usage-error',
      message: '--shard applies to --check: the rewrite renames payload types across files, so it needs the whole tree',
    };
  }
  if (check) {
    const rewriteOnly = (['dry-run', 'allow-dirty', 'workers'] as const).filter(
      (name) => values[name] !== undefined && values[name] !== false,
    );
    if (rewriteOnly.length > 0) {
      return {
        kind: 'usage-error',
        message: `${rewriteOnly.map((name) => `--${name}`).join(', ')} ${rewriteOnly.length === 1 ? 'applies' : 'apply'} to the rewrite, not to --check`,
      };
    }
  } else if (!(REWRITE_FORMATS as readonly string[]).includes(values.format)) {
    return { kind: 'usage-error', message: `--format ${values.format} is for --check; the rewrite prints ${REWRITE_FORMATS.join(' or ')}` };
  }
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = /^\d+$/.test(values.workers) ? Number(values.workers) : Number.NaN;
    if (!(workers >= 1 && workers <= 1024))
      return { kind: 'usage-error', message: `--workers must be a whole number from 1 to 1024, not '${values.workers}'` };
  }
  return {
    kind: 'run',
    options: {
      check,
      dryRun: values['dry-run'] === true,
      allowDirty: values['allow-dirty'] === true,
      keepLegacyEvents: values['keep-legacy-events'] === true,
      workers,
      format: values.format,
      output: values.output,
      report: values.report,
      ignorePatterns: values['ignore-pattern'],
      color: values.color,
      quiet: values.quiet,
      shard,
      merge: values.merge,
      paths: positionals.length > 0 ? positionals : ['.'],
    },
  };
}
