import { rangeOf, type Node } from '../detect/ast.js';
import type { CodemodContext } from './context.js';

/**
 * `id` is declared by a `const` (never reassigned) in a block or module that holds `near`: code at
 * `near` can read it by its name (`const REDIRECT = '…'` of a method whose route handlers use it).
 */
export function constantAround(context: CodemodContext, id: Node, near: Node): boolean {
  let declaration: Node | undefined = context.index.parent(id);
  while (declaration && declaration.type !== 'VariableDeclaration') declaration = context.index.parent(declaration);
  const block = declaration && context.index.parent(declaration);
  if (declaration?.kind !== 'const' || !block) return false;
  const [start, end] = rangeOf(block);
  const [at] = rangeOf(near);
  return at >= start && at <= end;
}

/**
 * The name of the `const` a string literal initialises, when `near` can read it: a value the folder
 * spelled out as text (`const accessToken = 'act.…'` put in a URL by `${accessToken}`), written again
 * by its name rather than copied.
 */
export function constantNamed(context: CodemodContext, literal: Node | undefined, near: Node): string | undefined {
  const holder = literal && context.index.parent(literal);
  return holder?.type === 'VariableDeclarator' &&
    holder.init === literal &&
    holder.id.type === 'Identifier' &&
    constantAround(context, holder.id, near)
    ? (holder.id.name as string)
    : undefined;
}
