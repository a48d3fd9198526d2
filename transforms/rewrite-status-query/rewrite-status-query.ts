import { bodyNameOf, readsFrom } from '../../src/codemod/answer-body.js';
import { findingsOfRequest, siteReason, type CodemodContext } from '../../src/codemod/context.js';
import { removeDeadBindings } from '../../src/codemod/remove-dead-bindings.js';
import { relabelLogPaths } from '../../src/codemod/log-labels.js';
import { bearerSource, objectEntry, paramSource, requestParams } from '../../src/codemod/request-params.js';
import { bearerTokenIn, carriedOptions, v1RequestParts } from '../../src/codemod/v1-request.js';
import { replaceV1Request } from '../../src/codemod/v2-request.js';
import { quoted, todoStatement } from '../../src/codemod/todo.js';
import { answerExits, type AnswerExit } from '../../src/codemod/answer-exits.js';
import { legacyStatusValues } from '../../src/codemod/status-values.js';
import { PUBLISH_STATUS_FETCH, PUBLISH_STATUSES } from '../../src/contract/index.js';
import { isNeverServedStatusPath, isStatusQueryPath } from '../../src/detect/classify-url.js';
import type { RawFinding } from '../../src/detect/raw-finding.js';
import type { TikTokRequest } from '../../src/detect/requests.js';
import { Taint } from '../../src/detect/taint.js';
import { responseTaint } from '../../src/detect/response-fields.js';

/** What the status of an upload is asked by: the legacy share_id, or a publish_id already. */
const ID_PARAMS = ['share_id', 'publish_id'];
/**
 * v2 knows the user and the app by the token: `access_token` goes to the header, `open_id` goes, and
 * so does `client_key`, the app's public key, which the token was issued to.
 */
const MOVED_PARAMS = ['access_token', 'open_id', 'client_key'];
const V2 = `${PUBLISH_STATUS_FETCH.method} ${PUBLISH_STATUS_FETCH.url}`;

/**
 * The status of a share asked on the legacy host (`/share/video/query/?share_id=…`, or the
 * `/share/video/status/` people wrote for it) becomes the Content Posting status fetch (§5): `POST`
 * with `Authorization: Bearer` and a JSON `{ publish_id }`, in the request's own client. The id it
 * sends is the one the migrated upload now keeps (its `share_id` reads became `publish_id`). Only
 * where the call shows both the id and the token, sends nothing else, and its answer's status is
 * never compared with a value v2 does not answer; otherwise the site keeps its code and one TODO
 * saying why. The answer's `error_code`/`description` follow with the upload's (rename-response-fields).
 */
export function rewriteStatusQueries(context: CodemodContext): void {
  for (const request of context.requests) {
    if (request.match.kind !== 'legacy-unmapped' || !isStatusQueryPath(request.match.path)) continue;
    const own = (finding: RawFinding) => finding.node === request.call && finding.messageId === 'statusQuery';
    if (context.unhandled(own).length === 0) continue;
    const related = findingsOfRequest(context, request).filter((finding) => own(finding) || finding.ruleId === 'no-token-in-query');
    const shareIdReads = shareIdReadsOf(context, request);
    // Where its answer leaves whole, found on the call as written (the rewrite replaces it).
    const exit = answerExits(context, new Taint(context.index, new Set([request.call])))[0];
    let reason = rewriteCall(context, request, shareIdReads.length > 0);
    if (reason !== undefined && shareIdReads.length > 0) {
      // Those reads are what the call's TODO is about: part of its site, with no TODO of their own.
      for (const read of shareIdReads)
        context.record(read, 'todo', '`share_id` is read from the answer of the status query left for a person: see its TODO');
      if (reason !== SHARE_ID_READ) reason += `; also, ${SHARE_ID_READ}`;
    }
    if (reason === undefined) {
      relabelLogPaths(context, request.call, request.match.path, new URL(PUBLISH_STATUS_FETCH.url).pathname);
      if (exit) explainAnswerHandedOn(context, exit);
    }
    for (const finding of related) {
      if (reason === undefined) context.record(finding, 'rewritten', `now ${V2} with Authorization: Bearer and { publish_id }`);
      else
        context.defer(
          finding,
          siteReason(
            context,
            finding,
            request,
            declined(finding, reason, request.match.path, bodyNameOf(context, responseTaint(context.index, [request]))),
            'status request',
          ),
        );
    }
  }
}

/**
 * `return response.data.data` of an exported function, `res.json(answer)`: readers out of sight were
 * written for the legacy status answer and get the status fetch's, whose fields and values differ.
 * One TODO where it first leaves.
 */
function explainAnswerHandedOn(context: CodemodContext, exit: AnswerExit): void {
  const statement = todoStatement(context, exit.node);
  context.todoAt(
    statement,
    `the status query's answer ${exit.kind === 'returned' ? 'leaves here whole, to its callers' : 'is sent from here whole (to a browser, or another service)'}, whose reads were written for the legacy status answer: it is the status fetch's now (data.status, one of ${PUBLISH_STATUSES.join(', ')}; data.fail_reason; once public, data.publicaly_available_post_id; error.code "ok" on success), so change what they read of it`,
    statement,
  );
}

const SHARE_ID_READ =
  "its answer's `share_id` is read, and the status fetch answers no id (data.status, data.fail_reason and, once public, data.publicaly_available_post_id): use the publish_id the call sends";

/** Reads of `share_id` from the answer of a status query (`json.data.share_id`). */
function shareIdReadsOf(context: CodemodContext, request: TikTokRequest): RawFinding[] {
  const answer = new Taint(context.index, new Set([request.call]));
  return context.unhandled(
    (finding) => finding.ruleId === 'no-legacy-response-field' && finding.data.legacy === 'share_id' && readsFrom(context, answer, finding),
  );
}

function declined(finding: RawFinding, reason: string, path: string, body: string | undefined): string {
  const legacy = typeof finding.data?.legacy === 'string' ? `${finding.data.legacy} ` : '';
  // Said, so that the person knows there is no working status check to keep, only one to write.
  const never = isNeverServedStatusPath(path) ? '(a path the legacy host never served: this call never worked) ' : '';
  return `the status query ${legacy}${never}is not rewritten: ${reason}; send ${V2} with the header Authorization: Bearer <token> and the JSON body {"publish_id": <the publish_id of the migrated upload>} (it answers the status in ${body ? `\`${body}.data.status\`` : "data.status of the answer's body"}: ${PUBLISH_STATUSES.join(', ')})`;
}

function rewriteCall(context: CodemodContext, request: TikTokRequest, readsShareId: boolean): string | undefined {
  const parts = v1RequestParts(context, request, PUBLISH_STATUS_FETCH.url);
  if ('reason' in parts) return parts.reason;
  const found = requestParams(context, request, parts.body);
  if ('reason' in found) return found.reason;
  const unknown = [...found.params.keys()].filter((key) => !MOVED_PARAMS.includes(key) && !ID_PARAMS.includes(key));
  if (unknown.length > 0) return `it also sends ${unknown.map((key) => `\`${key}\``).join(', ')}, which the status fetch does not take`;
  const ids = ID_PARAMS.filter((key) => found.params.has(key));
  if (ids.length !== 1) return 'it sends no `share_id` or `publish_id`, so which upload it asks about cannot be told here';
  const header = bearerTokenIn(context, parts);
  const token = found.params.get('access_token') ?? (header && { node: header });
  if (!token) return 'its `access_token` cannot be found here';
  // The status fetch answers no id: a `share_id` read of it would be renamed to a publish_id never there.
  if (readsShareId) return SHARE_ID_READ;
  const answer = new Taint(context.index, new Set([request.call]));
  const compared = legacyStatusValues(context, answer);
  if (compared.length > 0)
    return `its answer's status is compared with ${compared.map((value) => `'${quoted(value, 40)}'`).join(', ')}, which v2 never answers`;
  const carried = carriedOptions(context, parts, true);
  if ('reason' in carried) return carried.reason;

  replaceV1Request(context, request, parts, {
    method: 'POST',
    url: `'${PUBLISH_STATUS_FETCH.url}'`,
    headers: [
      ['Authorization', bearerSource(context, token)],
      ['Content-Type', "'application/json; charset=UTF-8'"],
    ],
    body: { as: 'json', entries: [objectEntry('publish_id', paramSource(context, found.params.get(ids[0])!))] },
    rest: carried.entries,
  });
  removeDeadBindings(context, request.call);
  return undefined;
}
