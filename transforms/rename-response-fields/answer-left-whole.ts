import { answerExits } from '../../src/codemod/answer-exits.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import { todoStatement } from '../../src/codemod/todo.js';
import { Taint } from '../../src/detect/taint.js';

/** The answer its readers were written for, and the one they get now. */
const LEGACY_SHAPE = 'the Share Video answer (share_id, err_code and error_msg inside data)';
const NEW_SHAPE = 'the Content Posting one now (data.publish_id, with error.code, "ok" on success, and error.message beside data)';

/**
 * The migrated uploads' answer handed on whole to readers the codemod cannot see: returned by an
 * exported function no module of the run calls (one that is called has its callers' reads renamed
 * with the run), or sent as an HTTP response's body. One TODO at each place it leaves.
 */
export function explainAnswerLeftWhole(context: CodemodContext): void {
  if (context.helperCalls.size === 0) return;
  const taint = new Taint(context.index, new Set(context.helperCalls.keys()));
  const seen = new Set();
  for (const exit of answerExits(context, taint)) {
    if (exit.kind === 'returned' && context.options.answerCalledInRun) continue;
    const statement = todoStatement(context, exit.node);
    if (seen.has(statement)) continue;
    seen.add(statement);
    context.todoAt(
      statement,
      exit.kind === 'returned'
        ? `the upload's answer leaves here whole, to callers out of this run that read ${LEGACY_SHAPE}: they get ${NEW_SHAPE}, so change what they read of it`
        : `the upload's answer is sent from here whole (to a browser, or another service), where it was read as ${LEGACY_SHAPE}: it is ${NEW_SHAPE}, so change those reads`,
      exit.node,
    );
  }
}
