import { alwaysExits, isIdentifier, unwrap, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';

/**
 * The class a value is proven an instance of where it is used: inside `if (file instanceof File)`,
 * or after `if (!(file instanceof File)) return …;` (`formData.get('file')` in a route handler is a
 * `File` or a string until such a check says which). The value must never be reassigned.
 */
export function provenInstanceOf(value: Node, index: ModuleIndex): string | undefined {
  const target = unwrap(value);
  if (target.type !== 'Identifier') return undefined;
  const binding = index.resolve(target);
  if (!binding || binding.assignments.length > 0 || binding.kind === 'var') return undefined;
  const same = (node: Node) => isIdentifier(unwrap(node), target.name) && index.resolve(unwrap(node)) === binding;
  let child = value;
  for (const ancestor of index.ancestors(value)) {
    if (ancestor.type === 'IfStatement' && child === ancestor.consequent) {
      const proven = instanceTest(ancestor.test, same, false);
      if (proven) return proven;
    }
    const statements: Node[] | undefined = ancestor.type === 'BlockStatement' || ancestor.type === 'Program' ? ancestor.body : undefined;
    for (const statement of statements?.slice(0, statements.indexOf(child)) ?? []) {
      if (statement.type !== 'IfStatement' || statement.alternate || !alwaysExits(statement.consequent)) continue;
      const proven = instanceTest(statement.test, same, true);
      if (proven) return proven;
    }
    child = ancestor;
  }
  return undefined;
}

/**
 * `x instanceof C` (one operand of an `&&` chain) when `negated` is false; `!(x instanceof C)` (one
 * operand of an `||` chain: none of them held past the early exit) when it is true.
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
