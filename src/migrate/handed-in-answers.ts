import type { Outcome } from '../codemod/step.js';
import { HANDED_IN_ANSWER, handsOnAnswer } from '../detect/imported-answers.js';
import type { ExportsByFile } from '../load/project-exports.js';

const SENDS = new Set(['no-legacy-share-endpoint', 'no-unmapped-legacy-endpoint']);

/**
 * The modules whose exported functions hand on the Content Posting answer once the per-file codemod
 * has run: each hands on a legacy answer, and each of its legacy requests was rewritten (none is
 * left under a TODO). A module that calls them reads the new answer.
 */
export function migratedAnswerModules(
  exportsByFile: ExportsByFile,
  outcomesOf: (file: string) => readonly Pick<Outcome, 'ruleId' | 'action'>[] | undefined,
): string[] {
  const migrated: string[] = [];
  for (const [file, exports] of exportsByFile) {
    if (![...exports.values()].some(handsOnAnswer)) continue;
    const outcomes = outcomesOf(file) ?? [];
    const rewritten = outcomes.some((outcome) => outcome.ruleId === 'no-legacy-share-endpoint' && outcome.action === 'rewritten');
    if (rewritten && !outcomes.some((outcome) => SENDS.has(outcome.ruleId) && outcome.action === 'todo')) migrated.push(file);
  }
  return migrated;
}

/** A module that left reads of an answer another module hands on under a TODO: worth a second run once that module is known. */
export function waitsForHandedInAnswer(outcomes: readonly Pick<Outcome, 'action' | 'message'>[]): boolean {
  return outcomes.some((outcome) => outcome.action === 'todo' && outcome.message.includes(HANDED_IN_ANSWER));
}
