import type { RuleId, Severity } from './rule-catalog.js';

export interface Finding {
  /** Path relative to the working directory, with forward slashes. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly ruleId: RuleId;
  readonly messageId: string;
  readonly message: string;
  readonly severity: Severity;
}
