import { rangeOf } from './ast.js';
import type { Finding } from './finding.js';
import type { RawFinding } from './raw-finding.js';
import { formatMessage, RULES } from './rule-catalog.js';

/** Turns offsets into 1-based lines and columns (UTF-16 code units, as both parsers and SARIF count). */
export class LineMap {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 };
  }
}

export function toFinding(raw: RawFinding, file: string, lines: LineMap): Finding {
  const [start, end] = raw.range ?? rangeOf(raw.node!);
  const from = lines.position(start);
  const to = lines.position(end);
  const rule = RULES[raw.ruleId];
  const template = (rule.messages as Record<string, string>)[raw.messageId];
  return {
    file,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    ruleId: raw.ruleId,
    messageId: raw.messageId,
    message: formatMessage(template, raw.data),
    severity: raw.severity ?? rule.severity,
  };
}

export function compareFindings(a: Finding, b: Finding): number {
  return byCodePoint(a.file, b.file) || a.line - b.line || a.column - b.column || byCodePoint(a.ruleId, b.ruleId);
}

/**
 * Plain code-point order: the same on every machine, whatever its locale, and free of the collator
 * `localeCompare` builds on its first call (about 6 ms of a 10-file pre-commit check).
 */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
