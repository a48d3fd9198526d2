import { keyName, literalTypeValue, staticString, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';

/**
 * Whether the new name of a legacy event already stands beside it: another `case` of the same
 * switch, a key (or, for a value, another value) of the same object, an entry of the same array, a
 * member of the same union, or a comparison of the same `||` / `&&` chain. That is how a handler that keeps Video Kit events
 * (the "keep legacy events" option) is told from one left unmigrated.
 */
export function hasNewTwin(index: ModuleIndex, literal: Node, replacement: string): boolean {
  const parent = index.parent(literal);
  if (!parent) return false;
  if (parent.type === 'SwitchCase' && parent.test === literal) {
    return index.parent(parent)!.cases.some((other: Node) => staticString(other.test) === replacement);
  }
  if (parent.type === 'TSEnumMember' && parent.initializer === literal) {
    return (index.parent(parent)!.members ?? []).some(
      (member: Node) => member !== parent && staticString(member.initializer) === replacement,
    );
  }
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property' || parent.type === 'ObjectMethod') && parent.key === literal) {
    return index.parent(parent)!.properties.some((other: Node) => keyName(other) === replacement);
  }
  // `{ video_failed: 'video.upload.failed', post_failed: 'post.publish.failed' }`: a map of ids to events.
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.value === literal) {
    return index.parent(parent)!.properties.some((other: Node) => other !== parent && staticString(other.value) === replacement);
  }
  if (parent.type === 'ArrayExpression')
    return parent.elements.some((element: Node | null) => !!element && staticString(element) === replacement);
  if (parent.type === 'TSLiteralType') {
    const union = index.parent(parent);
    return union?.type === 'TSUnionType' && union.types.some((type: Node) => literalTypeValue(type) === replacement);
  }
  if (parent.type === 'BinaryExpression') {
    let chain = index.parent(parent);
    while (
      chain &&
      (chain.type === 'ParenthesizedExpression' || chain.type === 'LogicalExpression') &&
      index.parent(chain)?.type === 'LogicalExpression'
    )
      chain = index.parent(chain);
    return !!chain && chain.type === 'LogicalExpression' && index.source(chain).includes(replacement);
  }
  return false;
}

/**
 * A key of a lookup table whose value is plain data (`{ 'video.upload.failed': 'Upload failed' }`,
 * `{ label, tone }`): such tables label or map stored rows and other services' data too, where the
 * legacy name still occurs, so the new name goes beside the old one rather than in its place.
 */
export function isLookupEntry(index: ModuleIndex, literal: Node): boolean {
  const parent = index.parent(literal);
  if (!parent || (parent.type !== 'ObjectProperty' && parent.type !== 'Property') || parent.key !== literal) return false;
  return isPlainData(parent.value);
}

/** A literal, or an object or array of literals: a value that can be written twice without effects. */
export function isPlainData(node: Node): boolean {
  switch (node.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
    case 'Literal':
      return true;
    case 'TemplateLiteral':
      return node.expressions.length === 0;
    case 'ArrayExpression':
      return node.elements.every((element: Node | null) => element !== null && isPlainData(element));
    case 'ObjectExpression':
      return node.properties.every(
        (property: Node) =>
          (property.type === 'ObjectProperty' || property.type === 'Property') && !property.computed && isPlainData(property.value),
      );
    default:
      return false;
  }
}

/**
 * `return { workspaceId, eventType: 'video.upload.failed', occurredAt: new Date(), payload }`: the
 * name labels a record the app builds at run time and returns, under a key of its own. That label is
 * the app's: its schema, its stored rows and its consumers may spell it, so it is not renamed in
 * silence. Not under `event`, the key of TikTok's own envelope (a test's or a simulator's payload),
 * not in a table of plain data (a map of constants), and not in a record passed to a call (more often
 * the incoming event described for a function, renamed with it).
 */
export function isAppRecordLabel(index: ModuleIndex, literal: Node): boolean {
  const property = index.parent(literal);
  if (!property || (property.type !== 'ObjectProperty' && property.type !== 'Property') || property.value !== literal) return false;
  if (property.computed || keyName(property) === 'event') return false;
  const record = index.parent(property)!;
  const holder = index.parent(record);
  const returned = holder?.type === 'ReturnStatement' || (holder?.type === 'ArrowFunctionExpression' && holder.body === record);
  return returned && !isPlainData(record);
}
