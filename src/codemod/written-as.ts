import type { CodemodContext } from './context.js';
import { descendants, unwrap, type Node } from '../detect/ast.js';

/**
 * The expression as the code writes it where the value was folded from: `CLIENT_KEY` in the template,
 * not the `process.env.TIKTOK_CLIENT_KEY` it was declared with. Found among `root`'s identifiers.
 */
export function writtenAs(context: CodemodContext, root: Node, folded: Node): Node {
  for (const node of descendants(root)) {
    if (node === folded) return node;
    if (node.type !== 'Identifier') continue;
    let binding = context.index.resolve(node);
    for (let hops = 0; binding?.init && hops < 4; hops++) {
      if (binding.path.length > 0 || binding.assignments.length > 0) break;
      if (unwrap(binding.init) === unwrap(folded) || isDefaulted(context, binding.init, folded)) return node;
      const next = unwrap(binding.init);
      binding = next.type === 'Identifier' ? context.index.resolve(next) : undefined;
    }
  }
  return folded;
}

/** `folded` is a side of `init`'s `??`, `||` or `? :` (`process.env.KEY ?? ''`): the name stands for the whole. */
function isDefaulted(context: CodemodContext, init: Node, folded: Node): boolean {
  let node: Node | undefined = folded;
  for (let depth = 0; node && depth < 6; depth++) {
    const parent = context.index.parent(node);
    if (
      !parent ||
      !['LogicalExpression', 'ConditionalExpression', 'TSAsExpression', 'TSNonNullExpression', 'ParenthesizedExpression'].includes(
        parent.type,
      )
    )
      return false;
    if (parent === init || parent === unwrap(init)) return true;
    node = parent;
  }
  return false;
}
