import { answerExits, type AnswerExit } from '../../src/codemod/answer-exits.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import { declarationOf } from '../../src/codemod/answer-types.js';
import { todoStatement } from '../../src/codemod/todo.js';
import { isFunction, rangeOf, type Node } from '../../src/detect/ast.js';
import { Taint } from '../../src/detect/taint.js';

/** The answer its readers were written for, and the one they get now. */
const LEGACY_SHAPE = 'the Share Video answer (share_id, err_code and error_msg inside data)';
const NEW_SHAPE = 'the Content Posting one now (data.publish_id, with error.code, "ok" on success, and error.message beside data)';

/**
 * The migrated uploads' answer handed on whole to readers the codemod cannot see: returned by an
 * exported function no module of the run calls (one that is called has its callers' reads renamed
 * with the run), or sent as an HTTP response's body. One TODO where it first leaves a function: the
 * other places it leaves the same function (the error path's `res.json({ error: data })` beside the
 * success path's) go to the same readers, so that TODO says "and again below" instead of repeating.
 */
export function explainAnswerLeftWhole(context: CodemodContext): void {
  if (context.helperCalls.size === 0) return;
  const taint = new Taint(context.index, new Set(context.helperCalls.keys()));
  const places = new Map<string, { exit: AnswerExit; statements: Set<Node> }>();
  for (const exit of answerExits(context, taint)) {
    if (exit.kind === 'returned' && context.options.answerCalledInRun) continue;
    const fn = [...context.index.ancestors(exit.node)].find(isFunction);
    // `async init(…): Promise<PostingAnswer>` whose type names publish_id: its callers were written for the new answer.
    if (exit.kind === 'returned' && fn && declaresPostingAnswer(context, fn)) continue;
    const key = `${exit.kind} ${fn ? rangeOf(fn)[0] : -1}`;
    const place = places.get(key) ?? { exit, statements: new Set<Node>() };
    place.statements.add(todoStatement(context, exit.node));
    places.set(key, place);
  }
  for (const { exit, statements } of places.values()) {
    const again = statements.size > 1 ? ', and again below' : '';
    // The statement, not the answer: a call this run wrote (`return uploadToTikTokInbox(…)`) has no place in the input.
    const statement = todoStatement(context, exit.node);
    context.todoAt(
      statement,
      exit.kind === 'returned'
        ? `the upload's answer leaves here whole${again}, to callers out of this run that read ${LEGACY_SHAPE}: they get ${NEW_SHAPE}, so change what they read of it`
        : `the upload's answer is sent from here whole${again} (to a browser, or another service), where it was read as ${LEGACY_SHAPE}: it is ${NEW_SHAPE}, so change those reads`,
      statement,
    );
  }
}

/**
 * The function's declared answer is the Content Posting one already (`data.publish_id`, no `share_id`
 * nor `err_code`): code half-moved to v2 before the run, whose callers read what the type says.
 */
function declaresPostingAnswer(context: CodemodContext, fn: Node): boolean {
  let type = fn.returnType?.typeAnnotation ?? fn.value?.returnType?.typeAnnotation;
  if (type?.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && type.typeName.name === 'Promise')
    type = (type.typeArguments ?? type.typeParameters)?.params?.[0];
  if (type?.type === 'TSTypeReference' && type.typeName.type === 'Identifier') type = declarationOf(context, type.typeName.name);
  if (!type) return false;
  const text = context.source(type);
  return /\bpublish_id\b/.test(text) && !/\b(?:share_id|err_code|error_msg)\b/.test(text);
}
