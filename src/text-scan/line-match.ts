import type { RuleId, Severity } from '../detect/rule-catalog.js';

/** One finding on one line, before it is placed in a file: `start`/`end` are 0-based string offsets. */
export interface LineMatch {
  readonly start: number;
  readonly end: number;
  readonly ruleId: RuleId;
  readonly messageId: string;
  readonly data: Readonly<Record<string, string>>;
  /** Set only where it differs from the rule's default. */
  readonly severity?: Severity;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
