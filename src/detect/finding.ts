import type { RuleId, Severity } from './rule-catalog.js';

/** A 1-based line and column, as editors and SARIF count them. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

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
