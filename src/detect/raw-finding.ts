import type { Node } from './ast.js';
import type { RuleId, Severity } from './rule-catalog.js';

/** A finding before it has a file and a line: what a detector hands back. */
export interface RawFinding {
  readonly ruleId: RuleId;
  readonly messageId: string;
  readonly data: Readonly<Record<string, string>>;
  /** Where to report: a node, or an exact source range (a parameter name inside a URL string). */
  readonly node?: Node;
  readonly range?: readonly [number, number];
  /** Overrides the rule's default (an event name whose owner cannot be told). */
  readonly severity?: Severity;
}
