import type { Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';

/**
 * The nodes whose lists hold the statements (and class members, and `case` clauses) a
 * `TODO(migrate-share-video)` comment goes above, with the key of each list. The codemod writes its
 * TODOs by this rule and the detectors read them back by it.
 */
export const TODO_HOLDERS: Readonly<Record<string, string>> = {
  Program: 'body',
  BlockStatement: 'body',
  StaticBlock: 'body',
  ClassBody: 'body',
  TSModuleBlock: 'body',
  SwitchCase: 'consequent',
  SwitchStatement: 'cases',
};

/** The statement a TODO about `node` goes above (a `case` label's test: the `case` itself). */
export function statementForTodo(node: Node, index: ModuleIndex): Node {
  let current = node;
  for (let parent = index.parent(current); parent; current = parent, parent = index.parent(current)) {
    if (parent.type === 'SwitchCase' && parent.test === current) continue;
    if (parent.type in TODO_HOLDERS) return current;
  }
  return node;
}
