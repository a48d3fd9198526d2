import { V2_VIDEO_LIST_URL } from '../contract/index.js';
import { memberName, rangeOf, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';
import type { RawFinding } from './raw-finding.js';
import type { TikTokRequest } from './requests.js';
import { responseTaint } from './response-fields.js';

/** What the v2 answer says in place of the v1 status fields: flat for the token calls, in `error` for the others (§2.7, §2.8). */
const TOKEN_ANSWER = { error_code: '`error` (a string, sent only on failure)', description: '`error_description`' };
const USER_ANSWER = { error_code: '`error.code` (a string, "ok" on success)', description: '`error.message`' };

/** The v1 calls whose answer carried `error_code` and `description`, and where v2 puts them. */
function v2StatusOf(request: TikTokRequest): Readonly<Record<string, string>> | undefined {
  const v1 = request.match.kind === 'v1-endpoint' ? request.match.v1 : undefined;
  if (!v1) return undefined;
  if (v1.rewrite === 'code-exchange' || v1.rewrite === 'token-refresh') return TOKEN_ANSWER;
  if (v1.rewrite === 'user-info' || v1.rewrite === 'video-list' || v1.path === '/oauth/userinfo/') return USER_ANSWER;
  return undefined;
}

const V2_VIDEO_LIST_PATH = new URL(V2_VIDEO_LIST_URL).pathname.replace(/\/+$/, '');

/** The v1 video list, or the v2 one it became. */
function isVideoList(request: TikTokRequest): boolean {
  return request.match.kind === 'v1-endpoint'
    ? request.match.v1?.rewrite === 'video-list'
    : request.match.kind === 'content-posting' && request.match.path.replace(/\/+$/, '') === V2_VIDEO_LIST_PATH;
}

/**
 * `error_code` and `description` read from the answer of a v1 token, user info or video list call:
 * v2 has neither, so a read left as it is after the call moves (by the codemod or by hand) tests
 * nothing and prints nothing. Each names its request (`data.request`, the call's offset), whose
 * rewrite takes the read with it and whose TODO covers it when the call is left for a person.
 */
export function findV1AnswerFields(index: ModuleIndex, requests: readonly TikTokRequest[]): RawFinding[] {
  const findings: RawFinding[] = [];
  const members = [...index.ofType('MemberExpression'), ...index.ofType('OptionalMemberExpression')];
  for (const request of requests) {
    // `data.video_list`: the list is `videos` in v1 as in v2, so this read never held anything.
    if (isVideoList(request)) {
      const answer = responseTaint(index, [request]);
      for (const member of members)
        if (memberName(member) === 'video_list' && answer.has(member.object))
          findings.push({
            ruleId: 'no-legacy-response-field',
            messageId: 'videoListNeverSent',
            node: member.property as Node,
            severity: 'warning',
            data: {},
          });
    }
    const v2 = v2StatusOf(request);
    if (!v2) continue;
    const answer = responseTaint(index, [request]);
    for (const member of members) {
      const field = memberName(member);
      if ((field !== 'error_code' && field !== 'description') || !answer.has(member.object)) continue;
      findings.push({
        ruleId: 'no-v1-oauth-endpoint',
        messageId: 'answerField',
        node: member.property as Node,
        data: { field, purpose: request.match.v1!.purpose, replacement: v2[field], request: String(rangeOf(request.call)[0]) },
      });
    }
  }
  return findings;
}
