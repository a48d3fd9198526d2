import { V1_FAILURE_WORD, V1_SUCCESS_WORD } from '../contract/index.js';
import { memberName, staticString, unwrap, type Node, isNumberLiteral } from '../detect/ast.js';
import type { TikTokRequest } from '../detect/requests.js';
import { errorTruthTest, ownCode } from '../detect/error-truth-tests.js';
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
  return errorMembers(context, request).some((member) => errorTruthTest(context.index, member) !== undefined);
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
    const code = ownCode(context.index, member);
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
    const test = errorTruthTest(context.index, member);
    if (!test) continue;
    const code = test.tested === member ? `${context.source(member)}?.code` : context.source(test.tested);
    context.pathOf(test.node).replace(context.j.template.expression([`${code} ${test.negated ? '===' : '!=='} 'ok'`]));
  }
}
