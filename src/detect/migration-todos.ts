import { PREFILTER_MARKERS } from '../contract/index.js';
import type { ModuleIndex } from './module-index.js';
import type { RawFinding } from './raw-finding.js';

/** The marker every comment the codemod leaves starts with. */
export const TODO_MARKER = 'TODO(migrate-share-video)';

const TODO_LINE = new RegExp(`^[\\s*]*${TODO_MARKER.replace(/[()]/g, '\\$&')}`, 'm');

/** What a file must hold to be worth parsing: a legacy marker, or a TODO the codemod left. */
export const ANALYSIS_MARKERS: readonly string[] = [...PREFILTER_MARKERS, TODO_MARKER];

/**
 * Every `TODO(migrate-share-video): …` comment the codemod left: CI stays red until a person has
 * done what it says and deleted it.
 */
export function findMigrationTodos(index: ModuleIndex): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const comment of index.comments) {
    // The comment is the TODO (`// TODO(migrate-share-video): …`, a line of a block comment), not
    // prose that quotes the marker, such as a doc comment describing it.
    const at = TODO_LINE.exec(comment.value);
    if (!at) continue;
    const todo = comment.value
      .slice(at.index + at[0].length)
      .replace(/^:\s*/, '')
      .trim();
    findings.push({ ruleId: 'no-migration-todo', messageId: 'todo', node: comment, data: { todo } });
  }
  return findings;
}
