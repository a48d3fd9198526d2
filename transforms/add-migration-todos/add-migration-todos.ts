import type { CodemodContext } from '../../src/codemod/context.js';
import { addTodo } from '../../src/codemod/todo.js';
import type { RawFinding } from '../../src/detect/raw-finding.js';
import { formatMessage, RULES } from '../../src/detect/rule-catalog.js';

const NOT_REWRITTEN = 'not rewritten automatically';

/**
 * The last step: every finding no other step rewrote keeps its code and gets a TODO comment saying
 * what to do, so nothing legacy is skipped in silence and the linter keeps CI red until it is done.
 */
export function addMigrationTodos(context: CodemodContext): void {
  for (const finding of context.unhandled((f) => f.ruleId !== 'no-migration-todo')) {
    const message = context.reasonFor(finding) ?? catalogMessage(finding);
    addTodo(context, finding.node ?? nodeAt(context, finding), message);
    context.record(finding, 'todo', message);
  }
  // A TODO an earlier run left is still to do; counted once, not again beside the finding it explains.
  const todoLines = new Set(
    context
      .outcomes()
      .filter((o) => o.action === 'todo')
      .map((o) => o.line),
  );
  for (const marker of context.unhandled((f) => f.ruleId === 'no-migration-todo')) {
    if (!todoLines.has(marker.node!.loc.end.line + 1)) context.record(marker, 'todo', marker.data.todo);
  }
}

function catalogMessage(finding: RawFinding): string {
  const template = (RULES[finding.ruleId].messages as Record<string, string>)[finding.messageId];
  return formatMessage(template, { ...finding.data, hint: NOT_REWRITTEN });
}

/** A finding reported on a range (a parameter name inside a URL) belongs to the literal holding it. */
function nodeAt(context: CodemodContext, finding: RawFinding) {
  const [start] = finding.range!;
  const holders = [
    ...context.index.ofType('TemplateLiteral'),
    ...context.index.ofType('StringLiteral'),
    ...context.index.ofType('Literal'),
  ];
  const holder = holders.find((node) => (node.start ?? node.range[0]) <= start && (node.end ?? node.range[1]) >= start);
  if (!holder) throw new Error(`no literal holds offset ${start}`);
  return holder;
}
