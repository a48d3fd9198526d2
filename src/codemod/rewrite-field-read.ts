import { LEGACY_ERROR_CODE_MAP, RESPONSE_FIELD_MOVES, SUCCESS_ERROR_CODE, type MovedResponseField } from '../contract/index.js';
import { findProperty, isMember, memberName, unwrap, type Node, isNumberLiteral } from '../detect/ast.js';
import { isBodyTop } from './answer-body.js';
import type { CodemodContext } from './context.js';

/**
 * Rewrites one read of a legacy response field, the member expression whose property is `property`:
 * `body.data.share_id` → `body.data.publish_id`; `body.data.err_code` → `body.error.code`, and a
 * comparison with 0 becomes one with "ok"; `body.data.error_msg` → `body.error.message`;
 * `body.extra.logid` → `body.error.log_id`. Returns why it cannot.
 */
export function rewriteFieldRead(context: CodemodContext, property: Node, field: MovedResponseField, dryRun = false): string | undefined {
  const member = context.index.parent(property)!;
  const move = RESPONSE_FIELD_MOVES[field];
  const holder = unwrap(member.object);
  // `res.data.share_id` of an axios response: the body's top, one level above where the field lives.
  const bodyTop = isBodyTop(context, holder) ? context.source(holder) : undefined;
  const dot = member.optional ? '?.' : '.';
  if (move.to.startsWith(`${move.from}.`)) {
    if (dryRun) return undefined;
    if (bodyTop === undefined) renameProperty(context, member, move.to.slice(move.from.length + 1));
    else {
      // A fallback (`data.data?.share_id || data.share_id || …`) expects the value may be missing: the
      // level it moves into may be too, and reading it must not throw where the old read did not.
      const parent = context.index.parent(member);
      const fallback = parent?.type === 'LogicalExpression' && (parent.operator === '||' || parent.operator === '??');
      const [level, field] = move.to.split('.');
      context.pathOf(member).replace(context.j.template.expression([`${bodyTop}${dot}${level}${fallback ? '?.' : dot}${field}`]));
    }
    return undefined;
  }
  const errorObject = bodyTop !== undefined ? `${bodyTop}${dot}error` : errorObjectFor(context, holder, move.from, dryRun);
  if (errorObject === undefined) {
    return `\`${field}\` moved out of \`${move.from}\` in the Content Posting response: read \`${move.to}\` of the response body`;
  }
  const parent = context.index.parent(member)!;
  const comparison = parent.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(parent.operator) ? parent : undefined;
  const other = comparison && (comparison.left === member ? comparison.right : comparison.left);
  const isCode = move.to === 'error.code';
  if (isCode && other) {
    const isNumber = isNumberLiteral(other);
    if (!isNumber)
      return `\`${field}\` is now the string \`error.code\`: compare it with "${SUCCESS_ERROR_CODE}" or a Content Posting error code`;
    if (LEGACY_ERROR_CODE_MAP[other.value] === undefined)
      return `\`${field}\` is now the string \`error.code\`: map the legacy code ${other.value} to its Content Posting error code`;
  }
  if (dryRun) return undefined;

  const text = `${errorObject}${member.optional ? '?.' : '.'}${move.to.split('.')[1]}`;
  const replacement = context.j.template.expression([text]);
  if (isCode && comparison) {
    context.pathOf(other).replace(context.j.stringLiteral(LEGACY_ERROR_CODE_MAP[other!.value]));
    context.pathOf(member).replace(replacement);
    return undefined;
  }
  if (isCode && isTruthinessTest(context, member)) {
    // A non-zero err_code was the failure; a code other than "ok" is now.
    const negated = parent.type === 'UnaryExpression' && parent.operator === '!';
    const { j } = context;
    const test = j.binaryExpression(negated ? '===' : '!==', replacement, j.stringLiteral(SUCCESS_ERROR_CODE));
    context.pathOf(negated ? parent : member).replace(test);
    return undefined;
  }
  context.pathOf(member).replace(replacement);
  return undefined;
}

/** Destructurings that gained `error`: their `extra`, once nothing reads it, goes (see index.ts). */
export const widenedPatterns = new WeakSet<Node>();

/**
 * The expression for the response's `error` object, given the container a legacy field was read
 * from: the body's `data` or `extra` (`body.data` → `body.error`), or a `data` taken out by
 * destructuring (`const { data } = body` gains `error`). Undefined when it cannot be told.
 */
function errorObjectFor(context: CodemodContext, holder: Node, container: string, dryRun: boolean): string | undefined {
  if (isMember(holder) && memberName(holder) === container) return `${context.source(holder.object)}${holder.optional ? '?.' : '.'}error`;
  if (holder.type !== 'Identifier') return undefined;
  const binding = context.index.resolve(holder);
  if (binding?.path.length !== 1 || binding.path[0] !== container) return undefined;
  // The pattern that took `data` apart: a declaration's, or a callback parameter's (`.then(({ data }) => …)`).
  let pattern = context.index.parent(binding.id);
  while (pattern && pattern.type !== 'ObjectPattern') pattern = context.index.parent(pattern);
  if (!pattern || context.index.parent(pattern)?.type === 'ObjectProperty') return undefined;
  const existing = findProperty(pattern, 'error');
  if (existing) return existing.value.type === 'Identifier' ? existing.value.name : undefined;
  const { j } = context;
  const local = context.index.isBound('error', holder) ? context.freshName('responseError') : 'error';
  if (dryRun) return local;
  const property = j.objectProperty(j.identifier('error'), j.identifier(local));
  (property as unknown as Node).shorthand = local === 'error';
  context.pathOf(pattern).node.properties.push(property);
  widenedPatterns.add(pattern);
  return local;
}

/** Used as a condition: `if (x)`, `x ? a : b`, `!x`, and `a || x` inside one of those. */
/** `if (x)`, `x || y` in a test, `!x`: the value looked at for being there. */
export function isTruthinessTest(context: CodemodContext, member: Node): boolean {
  const parent = context.index.parent(member)!;
  if (parent.type === 'UnaryExpression' && parent.operator === '!') return true;
  let node = member;
  let holder = parent;
  while (holder.type === 'LogicalExpression' && (holder.operator === '||' || holder.operator === '&&')) {
    node = holder;
    holder = context.index.parent(holder)!;
  }
  return (
    (holder.type === 'IfStatement' || holder.type === 'ConditionalExpression' || holder.type === 'WhileStatement') && holder.test === node
  );
}

/** `x.share_id` → `x.publish_id`; `x['share_id']` → `x['publish_id']`. */
export function renameProperty(context: CodemodContext, member: Node, name: string): void {
  const { j } = context;
  context.pathOf(member.property).replace(member.computed ? j.stringLiteral(name) : j.identifier(name));
}
