import { PREFILTER_MARKERS } from '../contract/index.js';
import type { ModuleIndex } from './module-index.js';
import type { RawFinding } from './raw-finding.js';

/** The marker every comment the codemod leaves starts with. */
export const TODO_MARKER = 'TODO(migrate-share-video)';

/** What a file must hold to be worth parsing: a legacy marker, or a TODO the codemod left. */
export const ANALYSIS_MARKERS: readonly string[] = [...PREFILTER_MARKERS, TODO_MARKER];

/**
 * Every `TODO(migrate-share-video): …` comment the codemod left: CI stays red until a person has
 * done what it says and deleted it.
 */
export function findMigrationTodos(index: ModuleIndex): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const comment of index.comments) {
    const at = comment.value.indexOf(TODO_MARKER);
    if (at === -1) continue;
    const todo = comment.value.slice(at + TODO_MARKER.length).replace(/^:\s*/, '').trim();
    findings.push({ ruleId: 'no-migration-todo', messageId: 'todo', node: comment, data: { todo } });
  }
  return findings;
}
