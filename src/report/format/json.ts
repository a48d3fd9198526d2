import { countByRule, type CheckReport } from '../check-report.js';

/** Field order is fixed so that reports diff cleanly between runs. */
export function formatJson(report: CheckReport): string {
  const output = {
    findings: report.findings.map(({ file, line, column, endLine, endColumn, ruleId, messageId, severity, message }) => ({
      file,
      line,
      column,
      endLine,
      endColumn,
      ruleId,
      messageId,
      severity,
      message,
    })),
    summary: {
      filesScanned: report.filesScanned,
      filesAnalyzed: report.filesAnalyzed,
      findings: report.findings.length,
      byRule: countByRule(report.findings),
      errors: report.errors.map(({ file, reason }) => ({ file, reason })),
      durationMs: Math.round(report.durationMs),
      ...(report.shard ? { shard: { index: report.shard.index, count: report.shard.count } } : {}),
      ...(report.mergedFrom !== undefined ? { mergedFrom: report.mergedFrom } : {}),
    },
    version: report.version,
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
