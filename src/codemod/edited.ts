import type { Node } from '../detect/ast.js';

/** Bookkeeping of positions and comments: they differ between a node and its pristine copy without an edit. */
const NOT_CONTENT = new Set(['loc', 'start', 'end', 'range', 'comments', 'leadingComments', 'trailingComments', 'extra', 'tokens']);

/**
 * Whether an earlier step of the run edited inside this node: recast keeps each parsed node's
 * pristine copy as `original`, and a replaced child, or a node built by a step, no longer matches it.
 * Text copied out of such a node must be printed from the tree, not sliced from the file
 * (`tokenData.data.access_token` read flat by the token exchange, then moved into a new request).
 */
export function editedInside(node: Node): boolean {
  const original = node.original as Node | undefined;
  if (!original) return true;
  for (const key of Object.keys(original)) {
    if (NOT_CONTENT.has(key)) continue;
    const before = original[key];
    const now = node[key];
    if (Array.isArray(before)) {
      if (!Array.isArray(now) || now.length !== before.length) return true;
      if (before.some((child, index) => changedChild(child, now[index]))) return true;
    } else if (changedChild(before, now)) return true;
  }
  return false;
}

function changedChild(before: unknown, now: unknown): boolean {
  if (!isNode(before)) return before !== now;
  return !isNode(now) || now.original !== before || editedInside(now);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}
