import { isMember, memberName, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';

/**
 * Where a Content Posting answer's `error` (or its `error.code`) is taken for its truth. v1 answers
 * had `error` only on failure; every v2 answer has one, `{ code: "ok" }` on success (contract §3.1),
 * so such a test takes each success for a failure. One meaning for the finding (`--check`, the
 * plugin) and for the codemod's rewrite to `error.code !== 'ok'`.
 */
export interface TruthTest {
  /** What stands in the test: the member, its `.code`, or `!` of either. */
  node: Node;
  /** `!data.error`: true on success in v1, so the rewrite compares with `===`. */
  negated: boolean;
  /** The member whose truth is taken: `error` itself, or its `.code`. */
  tested: Node;
}

/**
 * The truth test a body's `error` member stands in, unless it guards a read of its own code
 * (`data.error && data.error.code !== 'ok'`), which is what v2 wants.
 */
export function errorTruthTest(index: ModuleIndex, member: Node): TruthTest | undefined {
  const tested = ownCode(index, member) ?? member;
  const test = truthTestOf(index, tested);
  if (!test || guardsOwnCode(index, member, test)) return undefined;
  return { ...test, tested };
}

/** `error.code` / `error?.code` read off the member. */
export function ownCode(index: ModuleIndex, member: Node): Node | undefined {
  const parent = index.parent(member);
  return parent && isMember(parent) && parent.object === member && memberName(parent) === 'code' ? parent : undefined;
}

/** The test a value stands in: `!value` anywhere, or the value itself as an `if`/ternary/loop test or an operand of `||`/`&&` in one. */
function truthTestOf(index: ModuleIndex, value: Node): { node: Node; negated: boolean } | undefined {
  const parent = index.parent(value);
  if (parent?.type === 'UnaryExpression' && parent.operator === '!') return { node: parent, negated: true };
  return isTest(index, value) ? { node: value, negated: false } : undefined;
}

function isTest(index: ModuleIndex, node: Node): boolean {
  let child = node;
  let parent = index.parent(child);
  while (
    parent &&
    ((parent.type === 'LogicalExpression' && parent.operator !== '??') || (parent.type === 'UnaryExpression' && parent.operator === '!'))
  ) {
    child = parent;
    parent = index.parent(child);
  }
  return (
    !!parent &&
    (parent.type === 'IfStatement' || parent.type === 'ConditionalExpression' || parent.type === 'WhileStatement') &&
    parent.test === child
  );
}

/**
 * `data.error && data.error.code !== 'ok'`, `!data.error || data.error.code !== 'ok'`,
 * `data.error?.code && data.error.code !== 'ok'`, or the guard written last
 * (`data.error?.code !== 'ok' && data.error?.code`): the test only goes with a read of the error's code.
 */
function guardsOwnCode(index: ModuleIndex, member: Node, test: { node: Node; negated: boolean }): boolean {
  const logical = index.parent(test.node);
  if (logical?.type !== 'LogicalExpression' || logical.operator !== (test.negated ? '||' : '&&')) return false;
  const other = logical.left === test.node ? logical.right : logical.left;
  const own = index.source(member).replaceAll('?.', '.');
  return index.source(other).replaceAll('?.', '.').includes(`${own}.code`);
}
