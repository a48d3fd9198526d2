import type { CodemodContext } from '../../src/codemod/context.js';
import { findingsOfRequest } from '../../src/codemod/context.js';
import { methodOf } from '../../src/detect/request-method.js';
import { removeDeadBindings } from '../../src/codemod/remove-dead-bindings.js';
import { replaceLiteral } from '../../src/codemod/replace-literal.js';
import { V2_TOKEN_URL } from '../../src/contract/index.js';
import { staticString, unwrap } from '../../src/detect/ast.js';
import type { TikTokRequest } from '../../src/detect/requests.js';
import { requestParams } from '../../src/codemod/request-params.js';
import { v1RequestParts } from '../../src/codemod/v1-request.js';
import { isPathOf, meansV2Token } from '../../src/detect/classify-url.js';
import { v1HabitReads } from '../../src/detect/v2-token-answer-reads.js';
import { v2TokenJsonBody } from '../../src/detect/v2-token-json-body.js';
import { flatReadEdit } from './flat-read-edit.js';
import { sendAsForm } from './v2-token-form.js';
import { foldedText, HOLE } from '../../src/detect/folded.js';

/** What the token calls need of a body: the grant it names, and the fields it must send. */
export interface TokenGrant {
  readonly grantType?: string;
  readonly required: readonly string[];
}

/** What v2 refuses a grant without: its required fields, and an exchange's `redirect_uri` (§2.8). */
export function requiredFields(grant: TokenGrant): string[] {
  return [...grant.required, ...(grant.grantType === 'authorization_code' ? ['redirect_uri'] : [])];
}

/**
 * The fields a call sends, read as the v1 token rewrite reads them (a JSON or form body, appended
 * fields), with the grant type's literal; undefined when they cannot be read here.
 */
function sentFields(context: CodemodContext, request: TikTokRequest): Map<string, string | undefined> | undefined {
  const parts = v1RequestParts(context, request, V2_TOKEN_URL);
  if ('reason' in parts) return undefined;
  const found = requestParams(context, request, parts.body);
  if ('reason' in found) return undefined;
  return new Map([...found.params].map(([key, value]) => [key, 'text' in value ? value.text : undefined]));
}

/**
 * `fetch('https://open-api.tiktok.com/oauth/token/', { body: new URLSearchParams({ client_key, …,
 * grant_type }) })`: the v2 token call written on the retired host under the path OAuth servers use,
 * or under v2's own path, which that host never served. When it sends its grant's fields, its URL, written in the call,
 * becomes the v2 token endpoint, and what it kept of v1's habits goes with it: a JSON body is sent as
 * a form, reads under v1's `data` level read the flat answer. It keeps its TODO when it cannot work or
 * be told whole: a URL held elsewhere (a constant, a record) that others may read, a grant without
 * its fields, a body or a status test of a shape the codemod does not write anew.
 */
export function rewriteMisplacedTokenUrls(context: CodemodContext, grants: readonly TokenGrant[]): void {
  for (const request of context.requests) {
    // Also v2's own path on the retired host (`${legacyBase}/v2/oauth/token/`): the same call, on the wrong host.
    const v2Path = request.match.kind === 'v2-path-on-legacy-host' && isPathOf(V2_TOKEN_URL, request.match.path);
    if ((!meansV2Token(request.match) && !v2Path) || methodOf(request) !== 'POST') continue;
    // v2 refuses a grant without its fields (a refresh without the secret, as v1 took it): left to a person.
    const sent = sentFields(context, request);
    const grant = sent && grants.find((candidate) => candidate.grantType !== undefined && sent.get('grant_type') === candidate.grantType);
    if (!grant || !requiredFields(grant).every((key) => sent.has(key))) continue;
    // What it kept of v1's habits moves with it, every read told before the first edit.
    const habits = v1HabitReads(context.index, request);
    const reads = habits.map((read) => flatReadEdit(context, read));
    if (reads.some((read) => read === undefined)) continue;
    const findings = findingsOfRequest(context, request).filter(
      (finding) => finding.messageId === (v2Path ? 'v2PathOnLegacyHost' : 'successor'),
    );
    if (findings.length === 0 || context.unhandled((finding) => findings.includes(finding)).length === 0) continue;
    const url = unwrap(request.urlArgument);
    const written = url.type === 'TemplateLiteral' || staticString(url) !== undefined;
    const text = foldedText(context.folder.fold(url));
    if (!written || text.includes(HOLE) || text.includes('?')) continue;
    // A JSON body becomes the form v2 takes (checked before it edits), or the call stays as it was.
    const json = v2TokenJsonBody(request);
    if (json && sendAsForm(context, request, json) !== undefined) continue;
    for (const read of reads) read!.apply();
    replaceLiteral(context, url, V2_TOKEN_URL);
    // `${TIKTOK_HOST}/oauth/token/`: a base only such URLs read goes with them.
    removeDeadBindings(context, url);
    for (const finding of findings)
      context.record(finding, 'rewritten', `now POST ${V2_TOKEN_URL}, the v2 token endpoint its fields were written for`);
    // A v2 path's call had its v1 reads reported on their own (`data.data.access_token`): read flat now.
    const nodes = new Set(habits.map((read) => read.node));
    for (const finding of context.unhandled((each) => each.messageId.startsWith('v2TokenAnswer') && nodes.has(each.node)))
      context.record(finding, 'rewritten', reads[habits.findIndex((read) => read.node === finding.node)]?.message);
  }
}
