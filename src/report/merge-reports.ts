import type { FileError } from '../files/file-errors.js';
import type { Shard } from '../files/shard.js';
import type { Finding } from '../detect/finding.js';
import { sortFindings, type CheckReport } from './check-report.js';

/** One `--check --format json` report as read back, with the name it was read from. */
export interface JsonReport {
  readonly name: string;
  readonly findings: Finding[];
  readonly filesScanned: number;
  readonly filesAnalyzed: number;
  readonly errors: FileError[];
  readonly durationMs: number;
  readonly version: string;
  readonly shard?: Shard;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a report back; a string is what is wrong with it. */
export function parseJsonReport(name: string, text: string): JsonReport | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `${name} is not JSON: ${(error as Error).message}`;
  }
  const summary = isObject(value) ? value.summary : undefined;
  if (!isObject(value) || !Array.isArray(value.findings) || !isObject(summary) || typeof summary.filesScanned !== 'number') {
    return `${name} is not a report of \`migrate-share-video --check --format json\``;
  }
  const shard = isObject(summary.shard) ? { index: Number(summary.shard.index), count: Number(summary.shard.count) } : undefined;
  return {
    name,
    findings: value.findings as Finding[],
    filesScanned: summary.filesScanned,
    filesAnalyzed: Number(summary.filesAnalyzed ?? 0),
    errors: Array.isArray(summary.errors) ? (summary.errors as FileError[]) : [],
    durationMs: Number(summary.durationMs ?? 0),
    version: typeof value.version === 'string' ? value.version : '',
    shard,
  };
}

/** Shard reports must be one complete set (each of 1..n once); a missing shard would read as clean. */
function shardProblem(reports: readonly JsonReport[]): string | undefined {
  const sharded = reports.filter((report) => report.shard !== undefined);
  if (sharded.length === 0) return undefined;
  if (sharded.length < reports.length) {
    return `${reports.find((report) => report.shard === undefined)!.name} is not a shard report, the others are: merge one run's shards together`;
  }
  const count = sharded[0].shard!.count;
  const odd = sharded.find((report) => report.shard!.count !== count);
  if (odd) return `${odd.name} is shard ${odd.shard!.index}/${odd.shard!.count}, the others are of ${count} shards`;
  for (let index = 1; index <= count; index++) {
    const given = sharded.filter((report) => report.shard!.index === index);
    if (given.length === 0) return `shard ${index}/${count} is missing: its findings would be lost`;
    if (given.length > 1) return `shard ${index}/${count} is given twice (${given.map((report) => report.name).join(', ')})`;
  }
  return undefined;
}

/**
 * The reports of a CI matrix's shards as one: findings and errors together (each once), file counts
 * added, the duration the longest shard's (the shards ran side by side).
 */
export function mergeReports(reports: readonly JsonReport[], context: { cwd: string; version: string }): CheckReport | string {
  const problem = shardProblem(reports);
  if (problem) return problem;
  const versions = [...new Set(reports.map((report) => report.version))];
  if (versions.length > 1) return `the reports come from different versions (${versions.join(', ')}): run every shard with the same one`;
  const key = (finding: Finding) =>
    JSON.stringify([finding.file, finding.line, finding.column, finding.endLine, finding.endColumn, finding.ruleId, finding.message]);
  const findings = new Map(reports.flatMap((report) => report.findings.map((finding) => [key(finding), finding] as const)));
  const errors = new Map(reports.flatMap((report) => report.errors.map((error) => [`${error.file}\0${error.reason}`, error] as const)));
  return {
    findings: sortFindings([...findings.values()]),
    filesScanned: reports.reduce((sum, report) => sum + report.filesScanned, 0),
    filesAnalyzed: reports.reduce((sum, report) => sum + report.filesAnalyzed, 0),
    errors: [...errors.values()],
    durationMs: Math.max(0, ...reports.map((report) => report.durationMs)),
    version: versions[0] ?? context.version,
    cwd: context.cwd,
    mergedFrom: reports.length,
  };
}
