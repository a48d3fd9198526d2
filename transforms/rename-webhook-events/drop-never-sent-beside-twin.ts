import { likelyEventFor } from '../../src/contract/index.js';
import { rangeOf, type Node } from '../../src/detect/ast.js';
import { hasNewTwin } from '../../src/detect/event-twin.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import { removeBesideTwin } from './rename-event-site.js';

/**
 * Where a name stands among its siblings: the switch of a `case`, the object of a key, the array of
 * an entry, the union of a member. Added names are told by it (`<start>:<name>`).
 */
function containerOf(context: CodemodContext, literal: Node): Node | undefined {
  const parent = context.index.parent(literal);
  if (!parent) return undefined;
  if (parent.type === 'SwitchCase' && parent.test === literal) return context.index.parent(parent);
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property' || parent.type === 'ObjectMethod') && parent.key === literal)
    return context.index.parent(parent);
  if (parent.type === 'ArrayExpression') return parent;
  if (parent.type === 'TSLiteralType') return context.index.parent(parent);
  return undefined;
}

export function addedKey(context: CodemodContext, literal: Node, name: string): string | undefined {
  const container = containerOf(context, literal);
  return container && `${rangeOf(container)[0]}:${name}`;
}

/**
 * `case 'video.publish.failed': case 'post.publish.failed':`, `{ 'video.upload.complete': 'PUBLISHED',
 * 'post.publish.complete': 'PUBLISHED' }`: a name TikTok never sent, beside the Content Posting event
 * it stood for (there already, renamed onto, or added beside it by this run). That event is handled
 * here, and the name that never arrives ran nothing: it goes. False when it stays for a person (its
 * event is not beside it, or it is a `case` with a body of its own beside an added label).
 */
export function dropNeverSentBesideTwin(
  context: CodemodContext,
  literal: Node,
  legacy: string,
  added: ReadonlySet<string>,
): string | undefined {
  const likely = likelyEventFor(legacy);
  if (!likely) return undefined;
  if (hasNewTwin(context.index, literal, likely)) return removeBesideTwin(context, literal, likely) ? likely : undefined;
  // The twin was written beside another name as text (a lookup table keeps both): take the item out the same way.
  const key = addedKey(context, literal, likely);
  if (!key || !added.has(key)) return undefined;
  const parent = context.index.parent(literal)!;
  if (parent.type === 'SwitchCase') {
    if (parent.consequent.length > 0) return undefined;
    context.removeItem(parent, literal);
  } else if (parent.type === 'ArrayExpression') context.removeItem(literal, literal);
  else context.removeItem(parent, literal);
  return likely;
}
