import { isIdentifier, unwrap, type Node } from './ast.js';
import { knownTests } from './known-tests.js';
import type { ModuleIndex } from './module-index.js';

/**
 * The class a value is proven an instance of where it is used: inside `if (file instanceof File)`,
 * in the `else` of `if (!(file instanceof File))`, or after `if (!(file instanceof File)) return …;`
 * (`formData.get('file')` in a route handler is a `File` or a string until such a check says which).
 * The value must never be reassigned.
 */
export function provenInstanceOf(value: Node, index: ModuleIndex): string | undefined {
  const target = unwrap(value);
  if (target.type !== 'Identifier') return undefined;
  const binding = index.resolve(target);
  if (!binding || binding.assignments.length > 0 || binding.kind === 'var') return undefined;
  const same = (node: Node) => isIdentifier(unwrap(node), target.name) && index.resolve(unwrap(node)) === binding;
  for (const known of knownTests(value, index)) {
    const proven = 'holds' in known ? instanceTest(known.test, same, !known.holds) : undefined;
    if (proven) return proven;
  }
  return undefined;
}

/**
 * `x instanceof C` (one operand of an `&&` chain) where the test holds; `!(x instanceof C)` (one
 * operand of an `||` chain, none of which held) where it failed.
 */
function instanceTest(test: Node, same: (node: Node) => boolean, negated: boolean): string | undefined {
  const expression = unwrap(test);
  if (expression.type === 'LogicalExpression' && expression.operator === (negated ? '||' : '&&'))
    return instanceTest(expression.left, same, negated) ?? instanceTest(expression.right, same, negated);
  const inner = negated
    ? expression.type === 'UnaryExpression' && expression.operator === '!'
      ? unwrap(expression.argument)
      : undefined
    : expression;
  if (inner?.type !== 'BinaryExpression' || inner.operator !== 'instanceof' || !same(inner.left)) return undefined;
  const type = unwrap(inner.right);
  return type.type === 'Identifier' ? type.name : undefined;
}
