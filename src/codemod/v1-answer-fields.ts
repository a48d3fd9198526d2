import { rangeOf } from '../detect/ast.js';
import type { RawFinding } from '../detect/raw-finding.js';
import type { TikTokRequest } from '../detect/requests.js';
import type { CodemodContext } from './context.js';

/** The findings on the reads of a v1 call's `error_code` and `description` (see `findV1AnswerFields`). */
export function answerFieldsOf(context: CodemodContext, request: TikTokRequest): RawFinding[] {
  const at = String(rangeOf(request.call)[0]);
  return context.unhandled((finding) => finding.messageId === 'answerField' && finding.data.request === at);
}

/** The request an answer field finding names, if the module still has it. */
export function requestOfAnswerField(context: CodemodContext, finding: RawFinding): TikTokRequest | undefined {
  return context.requests.find((request) => String(rangeOf(request.call)[0]) === finding.data.request);
}

/** A v1 token answer's tokens read inside its `data` (`data.access_token`, `data` taken whole): the token call's TODO covers them. */
export function readsTokensInData(finding: RawFinding): boolean {
  return finding.messageId === 'answerField' && String(finding.data.field).startsWith('data');
}
