import picocolors from 'picocolors';
import type { Finding } from '../../detect/finding.js';
import { countByRule, plural, type CheckReport } from '../check-report.js';

export interface TextOptions {
  readonly color: boolean;
}

type Colors = ReturnType<typeof picocolors.createColors>;

function findingLine(finding: Finding, c: Colors): string {
  const severity = finding.severity === 'error' ? c.red('error  ') : c.yellow('warning');
  return `${c.bold(`${finding.file}:${finding.line}:${finding.column}`)}  ${severity}  ${finding.message}  ${c.dim(finding.ruleId)}`;
}

function findingLines(findings: readonly Finding[], c: Colors): string[] {
  const lines: string[] = [];
  findings.forEach((finding, index) => {
    // A blank line between files, so each file's findings read as a block.
    if (index > 0 && findings[index - 1].file !== finding.file) lines.push('');
    lines.push(findingLine(finding, c));
  });
  return lines;
}

function summaryLines(report: CheckReport, c: Colors): string[] {
  const { findings } = report;
  const lines: string[] = [];
  if (findings.length === 0 && report.errors.length > 0) {
    const read = report.filesScanned - report.errors.length;
    lines.push(
      c.red(
        `Not checked: ${plural(report.errors.length, 'file')} could not be read or parsed (listed below); no legacy usage found in the other ${plural(Math.max(read, 0), 'file')}.`,
      ),
    );
  } else if (findings.length === 0) {
    lines.push(c.green(`No legacy Share Video API usage found in ${plural(report.filesScanned, 'file')}.`));
  } else {
    const errors = findings.filter((finding) => finding.severity === 'error').length;
    const files = new Set(findings.map((finding) => finding.file)).size;
    const tally = `${plural(findings.length, 'finding')} (${plural(errors, 'error')}, ${plural(findings.length - errors, 'warning')})`;
    lines.push(c.bold(`${errors > 0 ? c.red(tally) : c.yellow(tally)} in ${plural(files, 'file')}:`));
    const counts = Object.entries(countByRule(findings));
    const width = Math.max(...counts.map(([id]) => id.length));
    for (const [id, count] of counts) lines.push(`  ${id.padEnd(width)}  ${count}`);
  }
  const seconds = (report.durationMs / 1000).toFixed(2);
  const scope = report.shard
    ? ` (shard ${report.shard.index}/${report.shard.count})`
    : report.mergedFrom !== undefined
      ? ` (merged from ${plural(report.mergedFrom, 'report')})`
      : '';
  lines.push(c.dim(`${plural(report.filesScanned, 'file')} scanned${scope}, ${report.filesAnalyzed} analyzed, in ${seconds} s.`));
  if (report.errors.length > 0) {
    lines.push(c.red(`Could not check ${plural(report.errors.length, 'file')} (the check fails until each can be read and parsed):`));
    for (const { file, reason } of report.errors) lines.push(`  ${file}: ${reason}`);
  }
  return lines;
}

/** `file:line:column  severity  message  ruleId`, one finding a line, then the summary. */
export function formatText(report: CheckReport, options: TextOptions): string {
  const c = picocolors.createColors(options.color);
  const body = findingLines(report.findings, c);
  return [...body, ...(body.length > 0 ? [''] : []), ...summaryLines(report, c)].join('\n') + '\n';
}
