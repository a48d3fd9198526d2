import { PUBLISH_STATUSES } from '../contract/index.js';
import { staticString, unwrap, type Node } from '../detect/ast.js';
import type { Taint } from '../detect/taint.js';
import type { CodemodContext } from './context.js';

/**
 * Strings the answer's `status` is compared with (`=== 'published'`, a `case` of a switch on it)
 * that are not v2 statuses: code written for the legacy answer, which a rewrite would leave never true.
 * Also where the status was first taken into a name (`const status = body.data.status; switch (status)`).
 */
export function legacyStatusValues(context: CodemodContext, taint: Taint): string[] {
  const isStatus = (node: Node): boolean => {
    const value = unwrap(node);
    // `const status = result.data?.status; switch (status)`, `const { status } = result.data`: a name the status is taken into.
    if (value.type === 'Identifier') {
      const binding = context.index.resolve(value);
      if (binding?.kind !== 'const' || !binding.init) return false;
      if (binding.path.length === 0) return binding.init !== node && isStatus(binding.init);
      return binding.path.length === 1 && binding.path[0] === 'status' && taint.has(binding.init);
    }
    return (
      (value.type === 'MemberExpression' || value.type === 'OptionalMemberExpression') &&
      !value.computed &&
      value.property.name === 'status' &&
      taint.has(value)
    );
  };
  const values: string[] = [];
  const v2 = new Set<string>(PUBLISH_STATUSES);
  context.root.find(context.j.BinaryExpression).forEach(({ node }) => {
    if (!['===', '!==', '==', '!='].includes(node.operator)) return;
    for (const [side, other] of [
      [node.left, node.right],
      [node.right, node.left],
    ] as const) {
      const text = staticString(other);
      if (text !== undefined && isStatus(side) && !v2.has(text)) values.push(text);
    }
  });
  context.root.find(context.j.SwitchStatement).forEach(({ node }) => {
    if (!isStatus(node.discriminant)) return;
    for (const test of node.cases.map((entry) => entry.test)) {
      const text = test && staticString(test);
      if (text !== undefined && text !== null && !v2.has(text)) values.push(text);
    }
  });
  return [...new Set(values)];
}
