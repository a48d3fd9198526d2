import type { FileError } from '../files/file-errors.js';
import type { Finding } from '../detect/finding.js';
import type { Shard } from '../files/shard.js';

/** What every report format prints: one `--check` run. */
export interface CheckReport {
  /** Sorted by file, line, column. */
  readonly findings: readonly Finding[];
  readonly filesScanned: number;
  readonly filesAnalyzed: number;
  /** Files and folders that could not be read or parsed; the run went on without them. */
  readonly errors: readonly FileError[];
  readonly durationMs: number;
  readonly version: string;
  /** Absolute working folder: finding paths are relative to it. */
  readonly cwd: string;
  /** `--shard`: the part of the tree this run checked. */
  readonly shard?: Shard;
  /** `--merge`: how many reports this one was merged from. */
  readonly mergedFrom?: number;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => byText(a.file, b.file) || a.line - b.line || a.column - b.column || byText(a.ruleId, b.ruleId));
}

/** Rule id → number of findings, in rule id order so reports diff cleanly. */
export function countByRule(findings: readonly Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const id of [...new Set(findings.map((finding) => finding.ruleId))].sort(byText)) {
    counts[id] = findings.filter((finding) => finding.ruleId === id).length;
  }
  return counts;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
