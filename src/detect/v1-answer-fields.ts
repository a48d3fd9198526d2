import {
  LOGIN_KIT_USER_INFO_PATH,
  TOKEN_FIELDS,
  V1_TOKEN_STATUS_FIELDS,
  V2_VIDEO_LIST_URL,
  V2_VIDEO_QUERY_URL,
} from '../contract/index.js';
import {
  calleeName,
  isCall,
  isFunction,
  isIdentifier,
  isMember,
  isObjectProperty,
  keyName,
  memberName,
  rangeOf,
  unwrap,
  type Node,
} from './ast.js';
import type { ModuleIndex } from './module-index.js';
import type { RawFinding } from './raw-finding.js';
import { isHttpLibraryCall, type TikTokRequest } from './requests.js';
import type { RequestRecord } from './request-records.js';
import { isPathOf, type UrlMatch } from './classify-url.js';
import { calledFunction, Taint } from './taint.js';
import type { ValueFolder } from './static-value.js';
import { responseTaint } from './response-fields.js';
import { isBody, v1HabitReads } from './v2-token-answer-reads.js';
import { loginKitReadsInData } from './login-kit-answer-reads.js';

/** What the v2 answer says in place of the v1 status fields: flat for the token calls, in `error` for the others (§2.7, §2.8). */
export const TOKEN_ANSWER = { error_code: '`error` (a string, sent only on failure)', description: '`error_description`' };
const USER_ANSWER = { error_code: '`error.code` (a string, "ok" on success)', description: '`error.message`' };

/** The v1 calls whose answer carried `error_code` and `description`, and where v2 puts them. */
export function v2StatusOf(match: UrlMatch): Readonly<Record<string, string>> | undefined {
  const v1 = match.kind === 'v1-endpoint' ? match.v1 : undefined;
  if (!v1) return undefined;
  // The v2 revoke answers nothing on success, and its failure flat, as the token endpoint does (§2.8).
  if (v1.rewrite === 'code-exchange' || v1.rewrite === 'token-refresh' || v1.rewrite === 'token-revoke') return TOKEN_ANSWER;
  if (v1.rewrite === 'user-info' || v1.rewrite === 'video-list' || v1.path === LOGIN_KIT_USER_INFO_PATH) return USER_ANSWER;
  return undefined;
}

/** The v1 video list or video query, or the v2 one it became: both answer `data.videos`. */
function videoListCall(request: TikTokRequest): string | undefined {
  const { kind, path, v1 } = request.match;
  if (kind === 'v1-endpoint') return v1?.rewrite === 'video-list' ? 'video list' : undefined;
  if (kind === 'legacy-unmapped' && path.replace(/\/+$/, '') === '/video/query') return 'video query';
  if (kind !== 'content-posting') return undefined;
  return isPathOf(V2_VIDEO_LIST_URL, path) ? 'video list' : isPathOf(V2_VIDEO_QUERY_URL, path) ? 'video query' : undefined;
}

/**
 * `error_code` and `description` read from the answer of a v1 token, user info or video list call:
 * v2 has neither, so a read left as it is after the call moves (by the codemod or by hand) tests
 * nothing and prints nothing. Each names its request (`data.request`, the call's offset), whose
 * rewrite takes the read with it and whose TODO covers it when the call is left for a person. Reads
 * inside the module's own wrapper (`send(config) { … axios(config) … }`) serve every call sent
 * through it, so they name the wrapper, and each gets its own TODO.
 */
export function findV1AnswerFields(
  index: ModuleIndex,
  requests: readonly TikTokRequest[],
  records: readonly RequestRecord[] = [],
  folder?: ValueFolder,
): RawFinding[] {
  const findings: RawFinding[] = [];
  const wrapped = new Map<Node, TikTokRequest[]>();
  const members = [...index.ofType('MemberExpression'), ...index.ofType('OptionalMemberExpression')];
  for (const request of requests) {
    // `data.video_list`: the list is `videos` in v1 as in v2, so this read never held anything.
    const listCall = videoListCall(request);
    if (listCall) {
      const answer = responseTaint(index, [request]);
      for (const member of members)
        if (memberName(member) === 'video_list' && answer.has(member.object))
          findings.push({
            ruleId: 'no-legacy-response-field',
            messageId: 'videoListNeverSent',
            node: member.property as Node,
            severity: 'warning',
            data: { call: listCall },
          });
    }
    const v2 = v2StatusOf(request.match);
    if (!v2) continue;
    const answer = responseTaint(index, [request]);
    statusReads(members, answer, request.match.v1!.purpose, v2, String(rangeOf(request.call)[0]), findings);
    if (request.match.v1?.path === LOGIN_KIT_USER_INFO_PATH) findings.push(...loginKitReadsInData(index, answer, request, members));
    if (isTokenGrant(request.match)) {
      // `if (tokenData.message !== 'success')`: the v1 token answer's envelope said so; v2 says a failure with `error`.
      envelopeMessageReads(index, members, answer, request, findings);
      findings.push(...tokenReadsInData(index, request.match, answer, String(rangeOf(request.call)[0]), members));
    }
    const wrapper = folder && calledFunction(index, request.call);
    if (wrapper) wrapped.set(wrapper, [...(wrapped.get(wrapper) ?? []), request]);
  }
  // Inside the app's own wrapper the requests go through, read once for all the calls it serves.
  for (const [wrapper, served] of wrapped) {
    const inner = wrapperRequests(index, folder!, wrapper, served[0]);
    if (inner.length === 0) continue;
    const purposes = [...new Set(served.map((request) => request.match.v1!.purpose))];
    const replacements = [...new Set(served.map((request) => v2StatusOf(request.match)!))];
    const name = calleeName(served[0].call) ?? 'a wrapper';
    const taint = new Taint(index, new Set(inner));
    // `return response.data`: v1's envelope unwrapped for every call, and the v2 token answer is flat.
    const unwrapsData = replacements.includes(TOKEN_ANSWER) && returnsDataOf(index, wrapper, taint);
    const unwrapped = unwrapsData
      ? `; \`${name}\` returns the answer's \`data\`, which the flat v2 token answer does not have: return the whole answer for the token calls`
      : '';
    const purpose = `v1 calls sent through \`${name}\` (${purposes.join(', ')}${unwrapped})`;
    const v2 =
      replacements.length === 1
        ? replacements[0]
        : {
            error_code: `${TOKEN_ANSWER.error_code} for the token calls, ${USER_ANSWER.error_code} for the others`,
            description: `${TOKEN_ANSWER.description} for the token calls, ${USER_ANSWER.description} for the others`,
          };
    // `if (body.message === 'error')`: a wrapper that unwraps the v1 envelope tests its `message` too,
    // which the v2 answers do not have; they say a failure where `error_code` goes.
    const withEnvelope = { ...v2, message: v2.error_code };
    statusReads(members, taint, purpose, withEnvelope, `wrapper ${rangeOf(wrapper)[0]}`, findings);
  }
  // `{ url: '…/oauth/revoke/', formatResponse: (obj) => ({ code: obj.data.error_code }) }`: a provider
  // table's entry, whose answer reader's parameter holds the answer.
  for (const record of records) {
    const v2 = v2StatusOf(record.match);
    if (!v2 || record.answers.length === 0) continue;
    const answer = new Taint(index, new Set(), record.answers);
    statusReads(members, answer, record.match.v1!.purpose, v2, String(rangeOf(record.url)[0]), findings);
    // The answer reader's parameter is the parsed answer itself (`formatResponse: (obj) => obj.data.access_token`).
    const params = new Set(record.answers.filter((param) => param.type === 'Identifier').map((param) => index.resolve(param)));
    const body = (node: Node) => node.type === 'Identifier' && params.has(index.resolve(node));
    if (isTokenGrant(record.match))
      findings.push(...tokenReadsInData(index, record.match, answer, String(rangeOf(record.url)[0]), members, body));
  }
  return findings;
}

function envelopeMessageReads(
  index: ModuleIndex,
  members: readonly Node[],
  answer: Taint,
  request: TikTokRequest,
  findings: RawFinding[],
): void {
  for (const member of members) {
    const body = unwrap(member.object);
    if (memberName(member) !== 'message' || body.type !== 'Identifier' || !answer.has(body) || !isBody(index, body)) continue;
    const data = {
      field: 'message',
      purpose: request.match.v1!.purpose,
      replacement: TOKEN_ANSWER.error_code,
      request: String(rangeOf(request.call)[0]),
    };
    findings.push({ ruleId: 'no-v1-oauth-endpoint', messageId: 'answerField', node: member.property as Node, data });
  }
}

/** The v1 code exchange and refresh, whose tokens v1 answered inside `data`. */
function isTokenGrant(match: UrlMatch): boolean {
  return match.kind === 'v1-endpoint' && (match.v1?.rewrite === 'code-exchange' || match.v1?.rewrite === 'token-refresh');
}

/**
 * `body.data.access_token`, `const { access_token } = body.data`, `return res.data.data`: the tokens
 * of a v1 token answer read inside its `data`, where v2 answers them flat. Each is a site of its own
 * (a linter user moving the URL by hand must move it too), named with its request as the status reads
 * are: the rewrite of the call takes it along, and the call's TODO covers it when the call is left.
 */
function tokenReadsInData(
  index: ModuleIndex,
  match: UrlMatch,
  answer: Taint,
  at: string,
  members: readonly Node[],
  body: (node: Node) => boolean = (node) => isBody(index, node),
): RawFinding[] {
  const purpose = match.v1!.purpose;
  const reads = v1HabitReads(index, answer, members, body).flatMap((habit): RawFinding[] => {
    if (habit.messageId === 'v2TokenAnswerNested') {
      const field = String(habit.data.field);
      const replacement = `\`${field}\` at the top of its answer, with no \`data\``;
      return [{ ...habit, messageId: 'answerField', data: { field: `data.${field}`, purpose, replacement, request: at } }];
    }
    if (habit.messageId !== 'v2TokenAnswerWrapped') return [];
    // `body.data.error_code`: a status read, reported as such by statusReads.
    const outer = index.parent(index.parent(habit.node!)!);
    if (outer && isMember(outer) && V1_TOKEN_STATUS_FIELDS.includes(memberName(outer) as never)) return [];
    return [{ ...habit, messageId: 'answerField', data: { field: 'data', purpose, replacement: FLAT_TOKENS, request: at } }];
  });
  // `const { data } = await reply.json()`, `const { data: { access_token } } = res.data`: the wrapper taken apart.
  for (const pattern of answer.patterns) {
    const key = pattern.properties.find((property: Node) => isObjectProperty(property) && keyName(property) === 'data');
    const declarator = index.parent(pattern);
    if (!key || declarator?.type !== 'VariableDeclarator' || declarator.id !== pattern || !declarator.init) continue;
    let source = unwrap(declarator.init);
    if (source.type === 'AwaitExpression') source = unwrap(source.argument);
    if (body(source) || (isCall(source) && calleeName(source) === 'json'))
      reads.push({
        ruleId: 'no-v1-oauth-endpoint',
        messageId: 'answerField',
        node: key.key,
        data: { field: 'data', purpose, replacement: FLAT_TOKENS, request: at },
      });
  }
  return reads;
}

const FLAT_TOKENS = `the tokens flat, at the top of its answer (${TOKEN_FIELDS.join(', ')}), with no \`data\``;

/** Whether the wrapper returns its answer's `data` (`return response.data`), the v1 envelope unwrapped. */
function returnsDataOf(index: ModuleIndex, wrapper: Node, taint: Taint): boolean {
  const [from, to] = rangeOf(wrapper);
  return index.ofType('ReturnStatement').some((statement) => {
    const value = statement.argument && unwrap(statement.argument);
    const [start, end] = rangeOf(statement);
    return start >= from && end <= to && !!value && isMember(value) && memberName(value) === 'data' && taint.has(unwrap(value.object));
  });
}

/**
 * `this.send({ url: V1_TOKEN_URL, … })` where the module's own `send(config)` hands the config whole
 * to an HTTP client (`axios(config)`): that inner call answers what the v1 endpoint answers, and the
 * status tests written after it (`if (data.error_code)`) are the v1 ones.
 */
function wrapperRequests(index: ModuleIndex, folder: ValueFolder, fn: Node, request: TikTokRequest): Node[] {
  if (!isFunction(fn)) return [];
  const [start, end] = rangeOf(request.urlArgument);
  const position = (request.call.arguments as Node[]).findIndex((arg) => rangeOf(arg)[0] <= start && end <= rangeOf(arg)[1]);
  const param: Node | undefined = position === -1 ? undefined : fn.params[position];
  if (param?.type !== 'Identifier') return [];
  const binding = index.resolve(param);
  const [from, to] = rangeOf(fn);
  return [...index.ofType('CallExpression')].filter(
    (call) =>
      rangeOf(call)[0] > from &&
      rangeOf(call)[1] < to &&
      (isHttpLibraryCall(call, folder) || isIdentifier(unwrap(call.callee), 'fetch')) &&
      (call.arguments as Node[]).some((arg) => isIdentifier(unwrap(arg)) && index.resolve(unwrap(arg)) === binding),
  );
}

function statusReads(
  members: readonly Node[],
  answer: Taint,
  purpose: string,
  v2: Readonly<Record<string, string>>,
  request: string,
  findings: RawFinding[],
): void {
  for (const member of members) {
    const field = memberName(member);
    if (!field || !Object.hasOwn(v2, field) || !answer.has(member.object)) continue;
    // The envelope's own `message`, not `error.message` of an answer that has one.
    if (field === 'message' && unwrap(member.object).type !== 'Identifier') continue;
    findings.push({
      ruleId: 'no-v1-oauth-endpoint',
      messageId: 'answerField',
      node: member.property as Node,
      data: { field, purpose, replacement: v2[field], request },
    });
  }
}
