import type { CodemodContext } from '../../src/codemod/context.js';
import { ERROR_TESTED_FOR_TRUTH, testsErrorForTruth } from '../../src/codemod/error-object-tests.js';
import { legacyStatusValues } from '../../src/codemod/status-values.js';
import { quoted } from '../../src/codemod/todo.js';
import { DIRECT_POST_INIT_URL, INBOX_VIDEO_INIT, PUBLISH_STATUS_FETCH, PUBLISH_STATUSES } from '../../src/contract/index.js';
import type { RawFinding } from '../../src/detect/raw-finding.js';
import type { TikTokRequest } from '../../src/detect/requests.js';
import { formatMessage, RULES } from '../../src/detect/rule-catalog.js';
import { Taint } from '../../src/detect/taint.js';

/**
 * A call left with its TODO whose answer is read in a way the v2 endpoint never answers: the init's
 * `error` tested for truth (every v2 answer has one, `code` "ok" on success), the status fetch's
 * `status` compared with a word it never says. The TODO names it, or the call, once moved, still fails.
 */
export function explainAnswerTests(
  context: CodemodContext,
  finding: RawFinding,
  requests: readonly TikTokRequest[],
  endpoint: string,
): void {
  const clauses: string[] = [];
  if (
    (endpoint === INBOX_VIDEO_INIT.url || endpoint === DIRECT_POST_INIT_URL) &&
    requests.some((request) => testsErrorForTruth(context, request))
  )
    clauses.push(ERROR_TESTED_FOR_TRUTH);
  if (endpoint === PUBLISH_STATUS_FETCH.url) {
    const compared = [
      ...new Set(requests.flatMap((request) => legacyStatusValues(context, new Taint(context.index, new Set([request.call]))))),
    ];
    if (compared.length > 0)
      clauses.push(
        `its answer's status is compared with ${compared.map((value) => `'${quoted(value, 40)}'`).join(', ')}, which v2 never answers (${PUBLISH_STATUSES.join(', ')})`,
      );
  }
  if (clauses.length === 0) return;
  context.defer(
    finding,
    `${formatMessage(RULES['no-unmapped-legacy-endpoint'].messages.v2PathOnLegacyHost, finding.data)}; ${clauses.join('; ')}`,
  );
}
