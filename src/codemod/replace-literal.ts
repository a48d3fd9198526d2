import type { Node } from '../detect/ast.js';
import type { CodemodContext } from './context.js';

/** The same kind of literal, with the new text: a template stays a template. */
export function replaceLiteral(context: CodemodContext, literal: Node, value: string): void {
  const { j } = context;
  const node =
    literal.type === 'TemplateLiteral'
      ? j.templateLiteral([j.templateElement({ raw: value, cooked: value }, true)], [])
      : j.stringLiteral(value);
  context.pathOf(literal).replace(node);
}
