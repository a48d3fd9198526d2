import { isMember, unwrap, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';

/**
 * The choices of the `??` / `||` chain a read is one of (`content.publish_id ?? body.publish_id ?? ''`),
 * each unwrapped, the read's own among them as the start of its member chain (`body.user?.open_id`
 * stands as `body.user?.open_id`, read through parentheses and `!`). Undefined outside such a chain.
 */
export function fallbackChoices(index: ModuleIndex, read: Node): Node[] | undefined {
  let operand = read;
  for (
    let up = index.parent(operand);
    up && ((isMember(up) && up.object === operand) || up.type === 'ParenthesizedExpression' || up.type === 'TSNonNullExpression');
    up = index.parent(operand)
  )
    operand = up;
  let chain = operand;
  for (let parent = index.parent(chain); parent?.type === 'LogicalExpression' && parent.operator !== '&&'; parent = index.parent(chain))
    chain = parent;
  if (chain === operand) return undefined;
  const choices = (node: Node): Node[] =>
    node.type === 'LogicalExpression' && node.operator !== '&&' ? [...choices(node.left), ...choices(node.right)] : [unwrap(node)];
  return choices(chain);
}
