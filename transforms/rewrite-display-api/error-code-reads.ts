import type { CodemodContext } from '../../src/codemod/context.js';
import { isMember, keyName, memberName, unwrap, type Node } from '../../src/detect/ast.js';
import type { TikTokRequest } from '../../src/detect/requests.js';
import { responseTaint } from '../../src/detect/response-fields.js';
import { answerTypes, declarationOf, importedFromApp } from '../../src/codemod/answer-types.js';

/** The edits, and the answer types of other modules of the app that the project pass makes v2 there. */
export type ErrorCodePlan = { readonly edits: (() => void)[]; readonly handedOver: readonly string[] } | { readonly reason: string };

const isZero = (node: Node) => (node.type === 'NumericLiteral' || node.type === 'Literal') && node.value === 0;
const isNumber = (node: Node) => node.type === 'NumericLiteral' || (node.type === 'Literal' && typeof node.value === 'number');

/**
 * v1 user info answered `error.code` 0 on success, v2 answers the string "ok" (§2.7, §2.8): a
 * comparison with 0 compares with "ok", a truth test (`if (body.error.code)`, a failure in v1) tests
 * `!== "ok"`, and the module's own type of the answer says `code: string`. A comparison with another
 * v1 number declines the site: v2's codes are other strings.
 */
export function planErrorCodeReads(context: CodemodContext, request: TikTokRequest): ErrorCodePlan {
  const taint = responseTaint(context.index, [request]);
  const edits: (() => void)[] = [];
  for (const member of [...context.index.ofType('MemberExpression'), ...context.index.ofType('OptionalMemberExpression')]) {
    if (memberName(member) !== 'code') continue;
    if (!isErrorOfAnswer(context, unwrap(member.object), taint)) continue;
    const parent = context.index.parent(member)!;
    const code = context.source(member);
    if (parent.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(parent.operator)) {
      const other = unwrap(parent.left === member ? parent.right : parent.left);
      if (isZero(other)) edits.push(() => context.pathOf(other).replace(context.j.stringLiteral('ok')));
      else if (isNumber(other)) return { reason: `\`${code}\` is compared with a v1 error number, and v2's codes are strings` };
      continue;
    }
    const tested =
      ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && parent.test === member) ||
      parent.type === 'LogicalExpression';
    if (tested) edits.push(() => context.pathOf(member).replace(context.j.template.expression([`(${code} !== 'ok')`])));
    else if (parent.type === 'UnaryExpression' && parent.operator === '!')
      edits.push(() => context.pathOf(parent).replace(context.j.template.expression([`(${code} === 'ok')`])));
  }
  if (context.isTypeScript) edits.push(...codeTypeEdits(context));
  // A type of the answer imported from another module of the app: `code: string` there (the project pass).
  const handedOver =
    context.isTypeScript && context.options.projectRenamesTypes
      ? [...answerTypes(context, request).names].filter((name) => !declarationOf(context, name) && importedFromApp(context, name))
      : [];
  return { edits, handedOver };
}

/** `body.error` of the answer, or the `error` taken out of it (`const { data, error } = response.data`). */
function isErrorOfAnswer(context: CodemodContext, error: Node, taint: ReturnType<typeof responseTaint>): boolean {
  if (isMember(error)) return memberName(error) === 'error' && taint.has(error.object);
  if (error.type !== 'Identifier') return false;
  const binding = context.index.resolve(error);
  return (
    binding?.kind === 'const' &&
    binding.path.length === 1 &&
    binding.path[0] === 'error' &&
    !!binding.init &&
    taint.has(unwrap(binding.init))
  );
}

/** `error: { code: number; … }` beside `data` in a type of the module → `code: string`. */
function codeTypeEdits(context: CodemodContext): (() => void)[] {
  const edits: (() => void)[] = [];
  for (const property of context.index.ofType('TSPropertySignature')) {
    const type = property.typeAnnotation?.typeAnnotation;
    if (keyName(property) !== 'code' || type?.type !== 'TSNumberKeyword') continue;
    const literal = context.index.parent(property);
    const error = literal && context.index.parent(context.index.parent(literal) ?? literal);
    if (literal?.type !== 'TSTypeLiteral' || error?.type !== 'TSPropertySignature' || keyName(error) !== 'error') continue;
    const container = context.index.parent(error);
    const members = (container?.body ?? container?.members ?? []) as Node[];
    if (!members.some((member) => member.type === 'TSPropertySignature' && keyName(member) === 'data')) continue;
    edits.push(() => context.pathOf(type).replace(context.j.tsStringKeyword()));
  }
  return edits;
}
