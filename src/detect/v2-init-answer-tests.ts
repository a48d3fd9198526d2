import { DIRECT_POST_INIT_URL, INBOX_VIDEO_INIT } from '../contract/index.js';
import { memberName, unwrap } from './ast.js';
import { isPathOf } from './classify-url.js';
import { errorTruthTest } from './error-truth-tests.js';
import type { ModuleIndex } from './module-index.js';
import type { RawFinding } from './raw-finding.js';
import type { TikTokRequest } from './requests.js';
import { responseTaint } from './response-fields.js';
import { isBody } from './v2-token-answer-reads.js';

/** Whether a request goes to a Content Posting init (inbox or Direct Post), written by hand before the run. */
function isV2InitCall(request: TikTokRequest): boolean {
  return (
    request.match.kind === 'content-posting' &&
    (isPathOf(INBOX_VIDEO_INIT.url, request.match.path) || isPathOf(DIRECT_POST_INIT_URL, request.match.path))
  );
}

/**
 * `if (!res.ok || data.error) throw …` after a Content Posting init the code already sends: every
 * answer of that API carries `error`, `{ code: "ok" }` on success (§3.1), so the test takes each
 * upload that worked for a failure (v1 habit: its answers had `error` only on failure). Reported at
 * the test's `error`; the codemod tests the code instead (`data.error?.code !== 'ok'`).
 */
export function findV2InitErrorTruthTests(index: ModuleIndex, requests: readonly TikTokRequest[]): RawFinding[] {
  const inits = requests.filter(isV2InitCall);
  if (inits.length === 0) return [];
  const findings: RawFinding[] = [];
  const members = [...index.ofType('MemberExpression'), ...index.ofType('OptionalMemberExpression')];
  for (const request of inits) {
    const answer = responseTaint(index, [request]);
    for (const member of members) {
      if (member.computed || memberName(member) !== 'error') continue;
      const holder = unwrap(member.object);
      if (!answer.has(holder) || !isBody(index, holder)) continue;
      const test = errorTruthTest(index, member);
      if (!test) continue;
      findings.push({
        ruleId: 'no-legacy-response-field',
        messageId: 'v2ErrorTestedForTruth',
        node: member,
        severity: 'warning',
        data: { test: index.source(test.tested).replaceAll('?.', '.') },
      });
    }
  }
  return findings;
}
