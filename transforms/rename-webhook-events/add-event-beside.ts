import { isMember, keyName, literalTypeValue, rangeOf, staticString, unwrap, type Node } from '../../src/detect/ast.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import { isPlainData } from '../../src/detect/event-twin.js';
import { LEGACY_EVENT_RENAMES, type LegacyEventName } from '../../src/contract/index.js';

function isNamedHandler(node: Node | undefined): boolean {
  const value = node && unwrap(node);
  return !!value && (value.type === 'Identifier' || isMember(value));
}

function isPlainRead(node: Node): boolean {
  const expression = unwrap(node);
  if (expression.type === 'Identifier' || expression.type === 'ThisExpression') return true;
  return isMember(expression) && !expression.computed && isPlainRead(expression.object);
}

/**
 * For a team that still receives Video Kit events (API-CONTRACT §6.6): the new event is added beside
 * the legacy one instead of replacing it: a `case` label, an object key, an array entry, a union
 * member, or one more comparison. Returns why it cannot.
 */
export function addEventBeside(context: CodemodContext, literal: Node, legacy: string, replacement: string): string | undefined {
  const { j } = context;
  const parent = context.index.parent(literal)!;
  const quoted = j.stringLiteral(replacement);
  if (parent.type === 'SwitchCase' && parent.test === literal) {
    const cases: Node[] = context.pathOf(parent).parent.node.cases;
    if (cases.some((other) => staticString(other.test) === replacement)) return undefined;
    // `case 'post.…':` falls through to the legacy label's body: its line, copied, keeps the layout.
    const label = { ...parent, range: [rangeOf(parent)[0], context.text.indexOf(':', rangeOf(literal)[1]) + 1] } as Node;
    if (!context.duplicateItem(label, literal, replacement))
      cases.splice(cases.indexOf(parent), 0, j.switchCase(quoted, []) as unknown as Node);
    return undefined;
  }
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.key === literal) {
    const object = context.index.parent(parent)!;
    const added = `${rangeOf(object)[0]}:${replacement}`;
    if (object.properties.some((other: Node) => keyName(other) === replacement) || context.addedBeside.has(added)) return undefined;
    const value = unwrap(parent.value);
    if (value.type !== 'Identifier' && !isMember(value) && !isPlainData(value)) {
      // The other spelling's key, with a handler that can be named twice, brings the new key.
      const sibling = object.properties.some(
        (other: Node) =>
          other !== parent && LEGACY_EVENT_RENAMES[keyName(other) as LegacyEventName] === replacement && isNamedHandler(other.value),
      );
      return sibling ? undefined : `add '${replacement}' beside '${legacy}' here with the same handler`;
    }
    context.addedBeside.add(added);
    if (context.duplicateItem(parent, literal, replacement)) return undefined;
    const properties: Node[] = context.pathOf(object).node.properties;
    properties.splice(
      properties.indexOf(parent) + 1,
      0,
      j.objectProperty(quoted, j.template.expression([context.source(value)])) as unknown as Node,
    );
    return undefined;
  }
  if (parent.type === 'ArrayExpression') {
    if (
      !parent.elements.some((element: Node | null) => element && staticString(element) === replacement) &&
      !context.duplicateItem(literal, literal, replacement)
    ) {
      const elements: Node[] = context.pathOf(parent).node.elements;
      elements.splice(elements.indexOf(literal) + 1, 0, quoted as unknown as Node);
    }
    return undefined;
  }
  if (parent.type === 'TSLiteralType' && context.index.parent(parent)?.type === 'TSUnionType') {
    const union = context.index.parent(parent)!;
    if (
      !union.types.some((type: Node) => literalTypeValue(type) === replacement) &&
      !context.duplicateItem(parent, parent.literal, replacement)
    ) {
      const types: Node[] = context.pathOf(union).node.types;
      types.splice(types.indexOf(parent) + 1, 0, j.tsLiteralType(quoted) as unknown as Node);
    }
    return undefined;
  }
  if (parent.type === 'BinaryExpression' && ['===', '==', '!==', '!='].includes(parent.operator)) {
    const subject = parent.left === literal ? parent.right : parent.left;
    // Comparing twice evaluates the subject twice: only for a plain variable or property read.
    if (!isPlainRead(subject)) return `compare '${replacement}' too: the event here comes from a call, which must run once`;
    const negated = parent.operator.startsWith('!');
    const both = `(${context.source(parent)} ${negated ? '&&' : '||'} ${context.source(subject)} ${parent.operator} '${replacement}')`;
    context.pathOf(parent).replace(j.template.expression([both]));
    return undefined;
  }
  return `'${legacy}' is kept for the Share Kit / Video Kit events this code still handles, and it is handed on here, where the codemod cannot add '${replacement}' beside it: add '${replacement}' where this value is used (or replace it, if the app no longer uses those kits)`;
}
