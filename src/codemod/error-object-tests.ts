import { V1_FAILURE_WORD, V1_SUCCESS_WORD } from '../contract/index.js';
import { memberName, staticString, unwrap, type Node, isNumberLiteral } from '../detect/ast.js';
import type { TikTokRequest } from '../detect/requests.js';
import { responseTaint } from '../detect/response-fields.js';
import { isBodyTop } from './answer-body.js';
import type { CodemodContext } from './context.js';

/**
 * `if (!response.ok || data.error) throw …` after an upload rewritten to the Content Posting init:
 * the Share Video answer had no `error` at its top, the Content Posting one always has (`{ code:
 * "ok" }` on success), so a truth test of it would take every upload for a failure. It tests the
 * code now: `data.error?.code !== 'ok'` (`=== 'ok'` under `!`). Only the answer's body is meant:
 * what `.json()` gives, or axios's `res.data`. Taken before the request is rewritten; the edits made
 * by the function it returns, once it was.
 */
export function errorCodeTests(context: CodemodContext, request: TikTokRequest): () => void {
  // Followed on the tree as read: the rewrite puts a new call where the request was.
  const members = errorMembers(context, request);
  return () => testErrorCodes(context, members);
}

/** `body.error` of the request's answer, at the top of its body (what `.json()` gives, axios's `res.data`). */
function errorMembers(context: CodemodContext, request: TikTokRequest): Node[] {
  const taint = responseTaint(context.index, [request]);
  return [...context.index.ofType('MemberExpression'), ...context.index.ofType('OptionalMemberExpression')].filter(
    (member) => memberName(member) === 'error' && taint.has(member.object) && isBodyTop(context, member.object),
  );
}

/** What a TODO says of a request left for a person whose answer's `error` is tested for truth. */
export const ERROR_TESTED_FOR_TRUTH = `its answer's \`error\` is tested for truth, and every v2 answer has one (code "ok" on success): test error.code !== 'ok'`;

/**
 * Whether the answer of a request left for a person tests its top-level `error`, or its code, for
 * truth (`if (init.data.error) throw …`, `if (data.error?.code)`): once it is the Content Posting
 * init, that test fails every upload.
 */
export function testsErrorForTruth(context: CodemodContext, request: TikTokRequest): boolean {
  return errorMembers(context, request).some((member) => {
    // `if (data.error?.code) throw …`: the code is "ok" on success, as true as any error's.
    const code = ownCode(context, member);
    if (code) return testedAs(context, code).node !== undefined;
    return testedAs(context, member).node !== undefined && !guardsOwnCode(context, member);
  });
}

/**
 * The word of v1's status a member is compared with (`body.message !== 'success'`, `=== 'error'`):
 * v1 OAuth answered `message` "success" or "error" beside `data`; no v2 answer has it.
 */
export function v1StatusWord(context: CodemodContext, member: Node): { comparison: Node; word: string } | undefined {
  const comparison = context.index.parent(member);
  if (comparison?.type !== 'BinaryExpression' || !['===', '!==', '==', '!='].includes(comparison.operator)) return undefined;
  const word = staticString(unwrap(comparison.left === member ? comparison.right : comparison.left));
  return word === V1_SUCCESS_WORD || word === V1_FAILURE_WORD ? { comparison, word } : undefined;
}

/**
 * Whether the answer of a request left for a person is judged by v1's status word (`if
 * (body.message !== 'success') throw …`): the init answers no `message`, so that test fails every
 * upload once the request is the Content Posting init.
 */
export function comparesStatusWord(context: CodemodContext, request: TikTokRequest): boolean {
  const taint = responseTaint(context.index, [request]);
  return [...context.index.ofType('MemberExpression'), ...context.index.ofType('OptionalMemberExpression')].some(
    (member) =>
      memberName(member) === 'message' &&
      taint.has(member.object) &&
      isBodyTop(context, member.object) &&
      v1StatusWord(context, member)?.word === V1_SUCCESS_WORD,
  );
}

/**
 * Where the answer of a request left for a person compares its `error.code` with a number
 * (`if (data.error.code !== 0) throw …`): v1's Display API numbered its codes, 0 on success; v2's
 * is a string, "ok" on success, so once the call moves the test fails every success.
 */
export function codeComparedWithNumber(context: CodemodContext, request: TikTokRequest): Node | undefined {
  for (const member of errorMembers(context, request)) {
    const code = ownCode(context, member);
    const comparison = code && context.index.parent(code);
    if (comparison?.type !== 'BinaryExpression' || !['===', '!==', '==', '!='].includes(comparison.operator)) continue;
    const other = unwrap(comparison.left === code ? comparison.right : comparison.left);
    if (isNumberLiteral(other)) return comparison;
  }
  return undefined;
}

export function testErrorCodes(context: CodemodContext, members: readonly Node[]): void {
  const present = context.nodesInTree();
  for (const member of members) {
    if (!present.has(member)) continue;
    // `if (data.error?.code) throw …`: the code is `"ok"` on success, as true as any error's.
    const code = ownCode(context, member);
    if (code) {
      const tested = testedAs(context, code);
      if (tested.node) replaceTest(context, tested.node, `${context.source(code)} ${tested.negated ? '===' : '!=='} 'ok'`);
      continue;
    }
    const { node, negated } = testedAs(context, member);
    if (!node || guardsOwnCode(context, member)) continue;
    replaceTest(context, node, `${context.source(member)}?.code ${negated ? '===' : '!=='} 'ok'`);
  }
}

function replaceTest(context: CodemodContext, node: Node, text: string): void {
  context.pathOf(node).replace(context.j.template.expression([text]));
}

/** `error.code` / `error?.code` read off the member: the member whose truth the test takes. */
function ownCode(context: CodemodContext, member: Node): Node | undefined {
  const parent = context.index.parent(member);
  return parent &&
    (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') &&
    parent.object === member &&
    memberName(parent) === 'code'
    ? parent
    : undefined;
}

/** The test a member stands in: itself (an `if`, a ternary, an operand of `||` in one), or `!member` anywhere. */
function testedAs(context: CodemodContext, member: Node): { node?: Node; negated: boolean } {
  const parent = context.index.parent(member);
  if (parent?.type === 'UnaryExpression' && parent.operator === '!') return { node: parent, negated: true };
  return isTest(context, member) ? { node: member, negated: false } : { negated: false };
}

/** Whether a value is only tested for truth: an `if`/ternary/loop test, or an operand of `||`/`&&` in one. */
function isTest(context: CodemodContext, node: Node): boolean {
  let child = node;
  let parent = context.index.parent(child);
  while (parent?.type === 'LogicalExpression' && parent.operator !== '??') {
    child = parent;
    parent = context.index.parent(child);
  }
  if (!parent) return false;
  if (parent.type === 'UnaryExpression' && parent.operator === '!') return isTest(context, parent);
  return (
    ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression' || parent.type === 'WhileStatement') &&
      parent.test === child) ||
    (child !== node && parent.type === 'LogicalExpression')
  );
}

/**
 * `data.error && data.error.code !== 'ok'`, `!data.error || data.error.code !== 'ok'`: the test guards a
 * read of the object's own fields, as v2 wants.
 */
function guardsOwnCode(context: CodemodContext, member: Node): boolean {
  const negation = context.index.parent(member);
  const negated = negation?.type === 'UnaryExpression' && negation.operator === '!';
  const operand = negated ? negation : member;
  const parent = context.index.parent(operand);
  if (parent?.type !== 'LogicalExpression' || parent.operator !== (negated ? '||' : '&&') || parent.left !== operand) return false;
  const own = context.source(member);
  return context.source(parent.right).includes(`${own}.code`) || context.source(parent.right).includes(`${own}?.code`);
}
