import type { CodemodContext } from '../../src/codemod/context.js';
import type { Node } from '../../src/detect/ast.js';

/**
 * `if (body.data)` asked whether v1 answered its tokens: the flat v2 answer is always there, errors
 * too, so the test asks for `body.access_token`, which v2 answers only on success.
 */
export function testTokensInstead(context: CodemodContext, envelope: Node): void {
  const read = `${context.source(envelope.object)}${envelope.optional ? '?.' : '.'}access_token`;
  context.pathOf(envelope).replace(context.j.template.expression([read]));
}

/** Whether a value is only tested for truth: an `if`, loop or `?:` test, or the operand of `!`. */
export function isTested(context: CodemodContext, node: Node): boolean {
  const parent = context.index.parent(node);
  if (!parent) return false;
  if (parent.type === 'UnaryExpression') return parent.operator === '!';
  const tests = ['IfStatement', 'ConditionalExpression', 'WhileStatement', 'DoWhileStatement', 'ForStatement'];
  return tests.includes(parent.type) && parent.test === node;
}
