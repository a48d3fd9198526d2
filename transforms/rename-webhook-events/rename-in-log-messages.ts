import type { CodemodContext } from '../../src/codemod/context.js';
import { isCall, isStringLiteral, unwrap, type Node } from '../../src/detect/ast.js';
import { isLogCall } from '../../src/detect/log-calls.js';
import { stringLike } from '../../src/codemod/replace-literal.js';
import { eventWords } from '../../src/contract/index.js';

/**
 * `this.logger.warn('TikTok webhook video.upload.failed: missing open_id')` in a module whose handler
 * now takes `post.publish.failed`: the message names an event the code no longer waits for. Each
 * renamed event is renamed in the messages logged in the module too, where it stands as a word of its
 * own (`video.upload.failed_count` is left alone); nothing else of the message changes.
 */
export function renameInLogMessages(context: CodemodContext, renamed: ReadonlyMap<string, string>): void {
  if (renamed.size === 0) return;
  const pattern = eventWords(renamed.keys());
  const swap = (text: string) => text.replace(pattern, (name) => renamed.get(name) ?? name);
  const present = context.nodesInTree();
  const pieces = [...context.index.ofType('StringLiteral'), ...context.index.ofType('Literal'), ...context.index.ofType('TemplateElement')];
  for (const piece of pieces) {
    if (!present.has(piece) || !inLogCall(piece, context)) continue;
    if (piece.type === 'TemplateElement') {
      const raw = swap(piece.value.raw);
      if (raw === piece.value.raw) continue;
      context.pathOf(piece).replace(context.j.templateElement({ raw, cooked: swap(piece.value.cooked ?? raw) }, piece.tail));
      continue;
    }
    if (!isStringLiteral(piece)) continue;
    const value = swap(piece.value);
    // The event alone is a site of its own, renamed or left with its TODO by the transform.
    if (value === piece.value || renamed.has(piece.value)) continue;
    context.pathOf(piece).replace(stringLike(context, piece, value));
  }
}

/** A string written into a message a logging call takes: an argument, or part of one (`+`, a template). */
function inLogCall(node: Node, context: CodemodContext): boolean {
  let child = node;
  for (const ancestor of context.index.ancestors(node)) {
    if (isCall(ancestor)) {
      return (ancestor.arguments as Node[]).includes(child) && isLogCall(ancestor) && unwrap(ancestor.callee).type !== 'Identifier';
    }
    const joins = ancestor.type === 'TemplateLiteral' || (ancestor.type === 'BinaryExpression' && ancestor.operator === '+');
    if (!joins) return false;
    child = ancestor;
  }
  return false;
}
