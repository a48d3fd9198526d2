import { isMember, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';

/**
 * Where a webhook's `event` read goes that shows the code decides by it: a `switch`, a comparison, a
 * name of its own (`const kind = body.event`), a map's key, or a fallback (`body.event ?? body.type`)
 * that goes to one of those. Not `log(body.event)` or a call's argument: a record of the module's
 * own may have an `event` key too. Shared by the envelope detectors that ask whether a record is
 * TikTok's envelope.
 */
export function eventTested(index: ModuleIndex, read: Node): boolean {
  let node = read;
  let parent = index.parent(node);
  while (
    parent &&
    (parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression' || parent.type === 'ParenthesizedExpression')
  ) {
    node = parent;
    parent = index.parent(node);
  }
  if (!parent) return false;
  if (parent.type === 'SwitchStatement') return parent.discriminant === node;
  if (parent.type === 'BinaryExpression') return ['===', '!==', '==', '!='].includes(parent.operator as string);
  if (parent.type === 'VariableDeclarator') return parent.init === node;
  if (parent.type === 'LogicalExpression') return eventTested(index, parent);
  return isMember(parent) && parent.computed === true && parent.property === node;
}
