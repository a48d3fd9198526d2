import { LEGACY_SUCCESS_CODE, RESPONSE_FIELD_MOVES, SUCCESS_ERROR_CODE, type LegacyResponseField } from '../../src/contract/index.js';
import { findProperty, isMember, memberName, unwrap, type Node } from '../../src/detect/ast.js';
import type { CodemodContext } from '../../src/codemod/context.js';

/**
 * Rewrites one read of a legacy response field, the member expression whose property is `property`:
 * `body.data.share_id` → `body.data.publish_id`; `body.data.err_code` → `body.error.code`, and a
 * comparison with 0 becomes one with "ok"; `body.data.error_msg` → `body.error.message`;
 * `body.extra.logid` → `body.error.log_id`. Returns why it cannot.
 */
export function rewriteFieldRead(context: CodemodContext, property: Node, field: LegacyResponseField): string | undefined {
  const member = context.index.parent(property)!;
  const move = RESPONSE_FIELD_MOVES[field];
  if (move.to.startsWith(`${move.from}.`)) {
    renameProperty(context, member, move.to.slice(move.from.length + 1));
    return undefined;
  }
  const errorObject = errorObjectFor(context, unwrap(member.object), move.from);
  if (errorObject === undefined) {
    return `\`${field}\` moved out of \`${move.from}\` in the Content Posting response: read \`${move.to}\` of the response body`;
  }
  const parent = context.index.parent(member)!;
  const comparison = parent.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(parent.operator) ? parent : undefined;
  const other = comparison && (comparison.left === member ? comparison.right : comparison.left);
  const isCode = move.to === 'error.code';
  if (isCode && other) {
    const isNumber = other.type === 'NumericLiteral' || (other.type === 'Literal' && typeof other.value === 'number');
    if (!isNumber) return `\`${field}\` is now the string \`error.code\`: compare it with "${SUCCESS_ERROR_CODE}" or a Content Posting error code`;
    if (other.value !== LEGACY_SUCCESS_CODE) return `\`${field}\` is now the string \`error.code\`: map the legacy code ${other.value} to its Content Posting error code`;
  }

  const text = `${errorObject}${member.optional ? '?.' : '.'}${move.to.split('.')[1]}`;
  const replacement = context.j.template.expression([text]);
  if (isCode && comparison) {
    context.pathOf(other!).replace(context.j.stringLiteral(SUCCESS_ERROR_CODE));
    context.pathOf(member).replace(replacement);
    return undefined;
  }
  if (isCode && isTruthinessTest(parent, member)) {
    // A non-zero err_code was the failure; a code other than "ok" is now.
    const negated = parent.type === 'UnaryExpression' && parent.operator === '!';
    const test = context.j.template.expression([`${text} ${negated ? '===' : '!=='} "${SUCCESS_ERROR_CODE}"`]);
    context.pathOf(negated ? parent : member).replace(test);
    return undefined;
  }
  context.pathOf(member).replace(replacement);
  return undefined;
}

/**
 * The expression for the response's `error` object, given the container a legacy field was read
 * from: the body's `data` or `extra` (`body.data` → `body.error`), or a `data` taken out by
 * destructuring (`const { data } = body` gains `error`). Undefined when it cannot be told.
 */
function errorObjectFor(context: CodemodContext, holder: Node, container: string): string | undefined {
  if (isMember(holder) && memberName(holder) === container) return `${context.source(holder.object)}${holder.optional ? '?.' : '.'}error`;
  if (holder.type !== 'Identifier') return undefined;
  const binding = context.index.resolve(holder);
  const declarator = binding?.declaration;
  if (binding?.path.length !== 1 || binding.path[0] !== container || declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'ObjectPattern') return undefined;
  const pattern = declarator.id;
  const existing = findProperty(pattern, 'error');
  if (existing) return existing.value.type === 'Identifier' ? existing.value.name : undefined;
  const { j } = context;
  const local = context.freshName('error');
  const property = j.objectProperty(j.identifier('error'), j.identifier(local));
  (property as unknown as Node).shorthand = local === 'error';
  pattern.properties.push(property);
  return local;
}

/** Used as a condition: `if (x)`, `x ? a : b`, `!x`. */
function isTruthinessTest(parent: Node, member: Node): boolean {
  if ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression' || parent.type === 'WhileStatement') && parent.test === member) return true;
  return parent.type === 'UnaryExpression' && parent.operator === '!';
}

/** `x.share_id` → `x.publish_id`; `x['share_id']` → `x['publish_id']`. */
export function renameProperty(context: CodemodContext, member: Node, name: string): void {
  const { j } = context;
  context.pathOf(member.property).replace(member.computed ? j.stringLiteral(name) : j.identifier(name));
}
