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
