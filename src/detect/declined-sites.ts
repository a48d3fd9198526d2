import { rangeOf, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';
import type { RawFinding } from './raw-finding.js';
import { CODEMOD_HINT } from './rule-catalog.js';
import { literalAt, QUERY_PART_REACH, statementForTodo, statementsAbove, TODO_HOLDERS } from './todo-placement.js';

/** What a finding under the codemod's own TODO says instead of "run the codemod": it already did. */
export const DECLINED_HINT = 'the codemod could not rewrite it: see the TODO(migrate-share-video) above it';
/** The same, for a statement that builds the query of a request whose TODO stands a few lines below. */
export const DECLINED_BELOW_HINT = 'the codemod could not rewrite its request: see the TODO(migrate-share-video) above the request below';

/**
 * A site the codemod declined keeps its code under a TODO that says what to do; its findings must
 * not send the person back to the codemod, which would decline it again. Findings inside a statement
 * that a migration TODO stands right above get {@link DECLINED_HINT}.
 */
export function markDeclinedSites(findings: readonly RawFinding[], index: ModuleIndex, text: string): RawFinding[] {
  const todoEnds = findings.filter((finding) => finding.ruleId === 'no-migration-todo').map((finding) => rangeOf(finding.node!)[1]);
  if (todoEnds.length === 0 || !findings.some((finding) => finding.data.hint === CODEMOD_HINT)) return [...findings];
  const underTodo: (readonly [number, number])[] = [];
  const heldStatements: Node[] = [];
  const heldBelow = (node: Node): boolean => {
    const [start, end] = rangeOf(node);
    if (!todoEnds.some((todoEnd) => todoEnd <= start && /^\s*$/.test(text.slice(todoEnd, start)))) return false;
    underTodo.push([start, end]);
    heldStatements.push(node);
    return true;
  };
  for (const [type, key] of Object.entries(TODO_HOLDERS)) {
    for (const holder of index.ofType(type)) for (const statement of (holder[key] ?? []) as Node[]) heldBelow(statement);
  }
  // An entry of a data record that a TODO stands above, or the test of an `else if` whose branch
  // opens with its TODO (todo-placement.ts).
  const heldApart = new Set<RawFinding>();
  for (const finding of findings) {
    if (finding.data.hint !== CODEMOD_HINT) continue;
    const node = finding.node ?? literalAt(index, finding.range![0]);
    if (node && heldBelow(statementForTodo(node, index))) heldApart.add(finding);
  }
  // A statement that only builds the query of a request a TODO holds, a few lines above it, goes with that TODO.
  const buildsHeldQuery = (finding: RawFinding, at: number) => {
    if (finding.ruleId !== 'no-token-in-query' || heldStatements.length === 0) return false;
    const node = finding.node ?? literalAt(index, at);
    const statement = node && statementForTodo(node, index);
    return statement !== undefined && heldStatements.some((held) => statementsAbove(index, statement, held) <= QUERY_PART_REACH);
  };
  return findings.map((finding) => {
    if (finding.data.hint !== CODEMOD_HINT) return finding;
    const at = finding.range?.[0] ?? rangeOf(finding.node!)[0];
    if (heldApart.has(finding) || underTodo.some(([start, end]) => at >= start && at < end))
      return { ...finding, data: { ...finding.data, hint: DECLINED_HINT } };
    return buildsHeldQuery(finding, at) ? { ...finding, data: { ...finding.data, hint: DECLINED_BELOW_HINT } } : finding;
  });
}
