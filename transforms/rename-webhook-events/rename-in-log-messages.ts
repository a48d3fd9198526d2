import type { CodemodContext } from '../../src/codemod/context.js';
import { calleeName, isCall, isMember, isStringLiteral, unwrap, type Node } from '../../src/detect/ast.js';
import { stringLike } from '../../src/codemod/replace-literal.js';

/** Calls that only write a message somewhere: `console.warn`, `this.logger.info`, `log.error`. */
const LOG_METHOD = /^(log|info|warn|warning|error|debug|trace|verbose)$/;
const LOGGER = /^(console|log|logger|_?log[A-Z]\w*|\w*Logger)$/;

/**
 * `this.logger.warn('TikTok webhook video.upload.failed: missing open_id')` in a module whose handler
 * now takes `post.publish.failed`: the message names an event the code no longer waits for. Each
 * renamed event is renamed in the messages logged in the module too, where it stands as a word of its
 * own (`video.upload.failed_count` is left alone); nothing else of the message changes.
 */
export function renameInLogMessages(context: CodemodContext, renamed: ReadonlyMap<string, string>): void {
  if (renamed.size === 0) return;
  const names = [...renamed.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\w.])(${names.map((name) => name.replaceAll('.', '\\.')).join('|')})(?![\\w]|\\.\\w)`, 'g');
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
      if (!(ancestor.arguments as Node[]).includes(child)) return false;
      const callee = unwrap(ancestor.callee);
      if (!isMember(callee) || !LOG_METHOD.test(calleeName(ancestor) ?? '')) return false;
      const owner = unwrap(callee.object);
      const name = owner.type === 'Identifier' ? owner.name : isMember(owner) && !owner.computed ? owner.property.name : undefined;
      return LOGGER.test(name ?? '');
    }
    const joins = ancestor.type === 'TemplateLiteral' || (ancestor.type === 'BinaryExpression' && ancestor.operator === '+');
    if (!joins) return false;
    child = ancestor;
  }
  return false;
}
