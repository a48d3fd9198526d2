import { rangeOf, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';
import type { RawFinding } from './raw-finding.js';
import { CODEMOD_HINT } from './rule-catalog.js';
import { statementForTodo, TODO_HOLDERS } from './todo-placement.js';

/** What a finding under the codemod's own TODO says instead of "run the codemod": it already did. */
export const DECLINED_HINT = 'the codemod could not rewrite it: see the TODO(migrate-share-video) above it';

/**
 * A site the codemod declined keeps its code under a TODO that says what to do; its findings must
 * not send the person back to the codemod, which would decline it again. Findings inside a statement
 * that a migration TODO stands right above get {@link DECLINED_HINT}.
 */
export function markDeclinedSites(findings: readonly RawFinding[], index: ModuleIndex, text: string): RawFinding[] {
  const todoEnds = findings.filter((finding) => finding.ruleId === 'no-migration-todo').map((finding) => rangeOf(finding.node!)[1]);
  if (todoEnds.length === 0 || !findings.some((finding) => finding.data.hint === CODEMOD_HINT)) return [...findings];
  const underTodo: (readonly [number, number])[] = [];
  const heldBelow = (node: Node) => {
    const [start, end] = rangeOf(node);
    if (todoEnds.some((todoEnd) => todoEnd <= start && /^\s*$/.test(text.slice(todoEnd, start)))) underTodo.push([start, end]);
  };
  for (const [type, key] of Object.entries(TODO_HOLDERS)) {
    for (const holder of index.ofType(type)) for (const statement of (holder[key] ?? []) as Node[]) heldBelow(statement);
  }
  // An entry of a data record that a TODO stands above (todo-placement.ts).
  for (const finding of findings) if (finding.node && finding.data.hint === CODEMOD_HINT) heldBelow(statementForTodo(finding.node, index));
  return findings.map((finding) => {
    if (finding.data.hint !== CODEMOD_HINT) return finding;
    const at = finding.range?.[0] ?? rangeOf(finding.node!)[0];
    return underTodo.some(([start, end]) => at >= start && at < end)
      ? { ...finding, data: { ...finding.data, hint: DECLINED_HINT } }
      : finding;
  });
}
