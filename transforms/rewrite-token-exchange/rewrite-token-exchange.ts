import { handedOnWithoutToken, shownOnRedirectPage } from './redirect-page-answer.js';
import { callersV1Reads } from './callers-v1-reads.js';
import { calleeV1Reads } from './callee-v1-reads.js';
import { answerFieldsOf } from '../../src/codemod/v1-answer-fields.js';
import { isBodyTop } from '../../src/codemod/answer-body.js';
import { findingsOfRequest, type CodemodContext } from '../../src/codemod/context.js';
import { methodOf } from '../../src/detect/request-method.js';
import { carriedOptions, v1RequestParts, type V1RequestParts } from '../../src/codemod/v1-request.js';
import { replaceLiteral } from '../../src/codemod/replace-literal.js';
import { callLabel, todoStatement } from '../../src/codemod/todo.js';
import { repointExportedV1Urls, sentOutOfSightOnly } from '../../src/codemod/repoint-exported-url.js';
import { isExported } from '../../src/detect/endpoints.js';
import { settleV1UrlsLeftBehind } from '../../src/codemod/v1-url-left-behind.js';
import { removeDeadBindings } from '../../src/codemod/remove-dead-bindings.js';
import { TOKEN_FIELDS, V2_CLIENT_TOKEN, V2_REVOKE_URL, V2_TOKEN_URL } from '../../src/contract/index.js';
import { caughtErrorEdits } from './caught-error-reads.js';
import { findRequestRecords } from '../../src/detect/request-records.js';
import {
  calleeName,
  contains,
  isMember,
  keyName,
  memberName,
  objectProperties,
  rangeOf,
  staticString,
  unwrap,
  type Node,
} from '../../src/detect/ast.js';
import { foldedText, HOLE } from '../../src/detect/folded.js';
import { responseTaint } from '../../src/detect/response-fields.js';
import type { RawFinding } from '../../src/detect/raw-finding.js';
import type { TikTokRequest } from '../../src/detect/requests.js';
import {
  CLIENT_KEY_NAME,
  CLIENT_SECRET_NAME,
  commentedOutValue,
  environmentRead,
  findModuleValue,
  findRedirectUri,
  redirectWrittenInAuthorize,
  sentElsewhere,
} from './app-values.js';
import { entryOf, requestParams, type ParamValue } from '../../src/codemod/request-params.js';
import { planTokenReads, type ReadPlan } from './token-response-reads.js';
import { planTokenType } from './token-response-type.js';
import { TOKEN_STORE_TODO, tokenStoreCall } from './token-store.js';
import { TOKEN_TYPE_PLACE } from '../../src/codemod/token-answer-shape.js';
import { postForm, sendAsForm, sendQueryAsForm } from './v2-token-form.js';
import { repointRecordUrlsBesideRewritten } from '../../src/codemod/record-url-beside-request.js';
import { requiredFields, rewriteMisplacedTokenUrls } from './misplaced-token-url.js';
import { flatReadEdit } from './flat-read-edit.js';
import { v1HabitReads } from '../../src/detect/v2-token-answer-reads.js';
import { isV2TokenCall } from '../../src/detect/v2-token-json-body.js';
import { namedList, readersOfRecordKey } from '../../src/detect/record-key-readers.js';
import { sharedSenderOf } from '../../src/detect/shared-sender.js';
import { namesSentIn, sendersOfRecordEntry, sendsV2TokenForm } from './shared-sender-form.js';

const TOKENS_NOTE =
  'The TikTok token calls now use v2 OAuth: TikTok does not promise that tokens the app stored from v1 work on the v2 API or refresh at the v2 token endpoint (API-CONTRACT §2.9: unknown); clear them or mark them expired, so that each user goes through the v2 authorize page once';

/** Why a v1 token call is left: it asks for the app's own token, which the TODO says how to get in v2. */
const CLIENT_TOKEN = 'client-credentials';

/** The two v1 token calls the v2 token endpoint replaces, and what each sends there (§2.8). */
interface Grant {
  readonly name: string;
  readonly url: string;
  readonly grantType?: string;
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** v1 parameters v2 names otherwise (`access_token` → `token` for the revoke), and ones it drops. */
  readonly renames?: Readonly<Record<string, string>>;
  readonly drops?: readonly string[];
  /** What the answer holds: the tokens (read flat from now on), or nothing worth reading. */
  readonly answer: 'tokens' | 'none';
  readonly messageId: string;
}

const GRANTS: Readonly<Record<string, Grant>> = {
  '/oauth/access_token/': {
    name: 'code exchange',
    url: V2_TOKEN_URL,
    grantType: 'authorization_code',
    required: ['client_key', 'client_secret', 'code'],
    // `code_verifier` for desktop and mobile apps (PKCE).
    optional: ['redirect_uri', 'code_verifier'],
    answer: 'tokens',
    messageId: 'exchange',
  },
  '/oauth/refresh_token/': {
    name: 'token refresh',
    url: V2_TOKEN_URL,
    grantType: 'refresh_token',
    required: ['client_key', 'client_secret', 'refresh_token'],
    optional: [],
    answer: 'tokens',
    messageId: 'refresh',
  },
  '/oauth/revoke/': {
    name: 'token revoke',
    url: V2_REVOKE_URL,
    required: ['client_key', 'client_secret', 'token'],
    optional: [],
    renames: { access_token: 'token' },
    // v2 knows the user by the token.
    drops: ['open_id'],
    answer: 'none',
    messageId: 'revoke',
  },
};
/**
 * The v1 code exchange, `POST open-api.tiktok.com/oauth/access_token/` with its parameters in the
 * query, becomes `POST https://open.tiktokapis.com/v2/oauth/token/` with a form-encoded body holding
 * the same values and the `redirect_uri` the authorize step sent (§2.8), in the module's own client
 * (fetch, axios, got, ky, superagent, request, request-promise, undici). The reads of the answer follow its new, flat shape. A site the codemod cannot
 * carry whole keeps its code and gets a TODO saying why.
 */
export function rewriteTokenExchanges(context: CodemodContext): void {
  const stores: Node[] = [];
  const rewritten: TikTokRequest[] = [];
  let tokenCalls = 0;
  let refreshes = 0;
  for (const request of context.requests) {
    if (request.match.kind !== 'v1-endpoint') continue;
    const grant = GRANTS[request.match.v1?.path ?? ''];
    if (!grant) continue;
    const findings = context.unhandled((finding) => finding.node === request.call && finding.messageId === grant.messageId);
    if (findings.length === 0) continue;
    const store = grant.answer === 'tokens' ? tokenStoreCall(context, request) : undefined;
    const reason = rewriteExchange(context, request, grant);
    // `return await doFetch(…)` read by a caller as `tokens.data`: named with the reason, for the person.
    const callers = reason && reason !== CLIENT_TOKEN && grant.answer === 'tokens' ? callersV1Reads(context, request) : undefined;
    for (const finding of findings) settle(context, finding, grant, reason && callers ? `${reason}; ${callers}` : reason);
    // Its answer's `error_code` and `description` were read the v2 way by the rewrite (`error`, `error_description`).
    if (reason === undefined) for (const finding of answerFieldsOf(context, request)) context.record(finding, 'rewritten');
    if (reason === undefined) rewritten.push(request);
    if (reason === undefined && grant.answer === 'tokens') tokenCalls++;
    if (reason === undefined && store) stores.push(store);
    if (reason === undefined && grant.grantType === 'refresh_token') refreshes++;
  }
  // The rows written before are v1 tokens: one TODO where the module first stores the answer's
  // tokens, when it also refreshes (what it stored goes back to TikTok). A module that only trades
  // codes writes a fresh v2 token over each row: the run's note on stored tokens says the rest.
  const first = stores.sort((a, b) => rangeOf(a)[0] - rangeOf(b)[0])[0];
  if (first && refreshes > 0) context.todoAt(first, TOKEN_STORE_TODO, first);
  if (tokenCalls > 0) context.notes.add(TOKENS_NOTE);
  repointExportedV1Urls(context, (endpoint) => GRANTS[endpoint.path]?.url);
  settleV1UrlsLeftBehind(context, rewritten, (endpoint) => GRANTS[endpoint.path]?.url);
  repointRecordUrlsBesideRewritten(context, rewritten, (v1) => GRANTS[v1.path]?.url);
  explainHandedOnUrls(context);
  rewriteMisplacedTokenUrls(context, Object.values(GRANTS));
  readV2AnswersFlat(context);
  sendV2TokenForms(context);
}

/** A call sent to the v2 token endpoint already, with v1's JSON body or query: its fields go as the form v2 takes. */
function sendV2TokenForms(context: CodemodContext): void {
  for (const finding of context.unhandled((f) => f.messageId === 'v2TokenQuery')) {
    const request = context.requests.find((candidate) => candidate.call === finding.node);
    const reason = request ? sendQueryAsForm(context, request) : 'the call cannot be found';
    if (reason === undefined) {
      context.record(finding, 'rewritten', `now POST ${V2_TOKEN_URL}, its fields a form-encoded body`);
      // Its URL is written anew on the v2 host: a v2 path it put on the retired host is settled with it.
      for (const host of findingsOfRequest(context, request!).filter((f) => f.messageId === 'v2PathOnLegacyHost'))
        context.record(host, 'rewritten', `now ${V2_TOKEN_URL}`);
    } else
      context.defer(
        finding,
        `this call puts its fields in the query of the v2 token endpoint, where v1 read them, so every call fails with invalid_request, and it is not rewritten: ${reason}; send POST ${V2_TOKEN_URL} with the same fields as a form-encoded body`,
      );
  }
  for (const finding of context.unhandled((f) => f.messageId === 'v2TokenJsonBody')) {
    const body = finding.node!;
    const request = context.requests.find((candidate) => contains(candidate.call, body));
    const reason = request ? sendAsForm(context, request, body) : 'the call that sends it cannot be found';
    if (reason === undefined) context.record(finding, 'rewritten', 'now sent form-encoded, as the v2 token endpoint takes it');
    else
      context.defer(
        finding,
        `this call sends JSON to the v2 token endpoint, which takes a form-encoded body only (application/x-www-form-urlencoded), so every call fails with invalid_request, and it is not rewritten: ${reason}; send the same fields as a form (\`new URLSearchParams({ … })\`)`,
      );
  }
}

/**
 * `res.data.data.access_token` of a call sent to the v2 token endpoint already (by hand, v1's reads
 * kept): always undefined, as the v2 answer is flat; the read loses the `data` level v1 had.
 */
function readV2AnswersFlat(context: CodemodContext): void {
  const kinds = ['v2TokenAnswerStatus', 'v2TokenAnswerNested', 'v2TokenAnswerWrapped'];
  for (const request of context.requests) {
    if (!isV2TokenCall(request)) continue;
    const reads = new Set(v1HabitReads(context.index, request).map((finding) => finding.node));
    const own = context.unhandled((f) => kinds.includes(f.messageId) && reads.has(f.node));
    if (own.length === 0) continue;
    // `as { data?: { access_token?: string } }`: the answer's type loses its `data` with the reads.
    const types = context.isTypeScript ? planTokenType(context, request) : { edits: [], handedOver: [] };
    if ('reason' in types) {
      for (const finding of own)
        context.defer(
          finding,
          `this v2 token answer is read the v1 way (its tokens inside \`data\`), where v2 answers them flat, but ${types.reason}: make that type flat (access_token, open_id, refresh_token, expires_in at the top) and read them there`,
        );
      continue;
    }
    const edits = own.map((finding) => ({ finding, edit: flatReadEdit(context, finding) }));
    // A read the codemod cannot tell how to make flat keeps the type it is written against.
    if (types.edits.length === 0 || edits.every(({ edit }) => edit)) {
      for (const edit of types.edits) edit();
      for (const name of types.handedOver) context.handOver(request.call, 'no-v1-oauth-endpoint', `${TOKEN_TYPE_PLACE}${name}`);
    } else continue;
    for (const { finding, edit } of edits) {
      if (!edit) continue;
      edit.apply();
      context.record(finding, 'rewritten', edit.message);
    }
  }
}

/**
 * A v1 token URL that no call of the module sends, and that is not an exported constant the codemod
 * repoints: a value handed to an OAuth library (a Passport strategy's `tokenURL`, a NextAuth
 * provider's `token`) or to a record another module reads. Its TODO says what the sender must do too:
 * those libraries send `client_id` where TikTok wants `client_key`, and read a wrapped answer.
 */
function explainHandedOnUrls(context: CodemodContext): void {
  for (const finding of context.unhandled((f) => f.ruleId === 'no-v1-oauth-endpoint' && f.messageId === 'endpoint')) {
    const path = /\/oauth\/(?:access_token|refresh_token|revoke)\b\/?/.exec(String(finding.data.legacy ?? ''))?.[0];
    const grant = path && GRANTS[path.endsWith('/') ? path : `${path}/`];
    if (!grant) continue;
    // An export no module of the run imports: its senders are in another package or a folder not scanned.
    const outOfRun = isExported(finding.node!, context.index) && sentOutOfSightOnly(finding.node!, context);
    // The sender in sight (`exchangeCode` reads `config.tokenUrl`) is named; else a library or a module elsewhere.
    const readers = readersOfRecordKey(finding.node!, context.index);
    const senders = namedList(readers);
    const [posts, reads, checks] = readers.length > 1 ? ['post', 'read', 'check'] : ['posts', 'reads', 'checks'];
    const shared = outOfRun || senders ? undefined : sharedSenderOf(finding.node!, context.index);
    // An exported record may be sent by importers too, whose requests this function cannot see.
    if (!isExported(finding.node!, context.index) && repointForReadySenders(context, finding, grant, shared)) continue;
    if (shared) {
      explainSharedSender(context, finding, grant, shared);
      continue;
    }
    const where = outOfRun
      ? 'is exported, and no module of this run imports it (what sends it is out of sight)'
      : senders
        ? `is read by ${senders} here, not sent by a request the codemod can rewrite for TikTok alone`
        : 'is handed to code that sends it (a wrapper, an OAuth library, a record another module reads, a request every platform shares), not sent by a call the codemod can rewrite for TikTok alone';
    const sender = senders || 'what sends it';
    // `formatResponse: (obj) => ({ access_token: obj.data.access_token })` beside the URL in its entry.
    const beside = grant.answer === 'tokens' ? v1ReadsBeside(context, finding.node!) : undefined;
    context.defer(
      finding,
      `this v1 ${grant.name} URL ${where}: point it at ${grant.url}, and make sure ${sender} ${readers.length > 1 ? 'each ' : ''}${posts} ${bodyOf(grant, readers.length > 1)}, ${senders ? 'where code written for OAuth providers sends' : 'where OAuth libraries send'} client_id and TikTok wants client_key, and ${answerRead(grant, reads, checks)}${beside ? `; ${beside}` : ''}`,
    );
  }
}

/**
 * A v1 token URL whose senders, shared by every platform, already post TikTok's v2 form and read the
 * answer flat (shared-sender-form.ts): the URL is moved to v2, with nothing left for a person.
 */
function repointForReadySenders(context: CodemodContext, finding: RawFinding, grant: Grant, shared: Node | undefined): boolean {
  const literal = finding.node!;
  if (!grant.grantType || staticString(literal) === undefined) return false;
  const calls = shared ? [shared] : sendersOfRecordEntry(context, literal);
  if (!calls?.every((call) => sendsV2TokenForm(context, call, [...requiredFields(grant), 'grant_type'], grant.grantType!))) return false;
  replaceLiteral(context, literal, grant.url);
  const labels = calls.map((call) => `\`${callLabel((node) => context.source(node), call)}\``);
  context.record(
    finding,
    'rewritten',
    `now names ${grant.url}, where ${labels.join(' and ')} already post${calls.length > 1 ? '' : 's'} TikTok's v2 form`,
  );
  return true;
}

/**
 * The functions beside the URL in its record's entry (`formatResponse`, `parse`) that read the v1
 * token answer, `obj.data.access_token`, or its status word `obj.message`: named, with the reads, for
 * the person who moves the URL (the flat v2 answer has neither). Undefined when there are none.
 */
function v1ReadsBeside(context: CodemodContext, literal: Node): string | undefined {
  // The entry's answer readers, as the detectors find them (`formatResponse`, `parse`, …).
  const record = findRequestRecords(context.index, context.folder).find((candidate) => candidate.url === literal);
  const named: string[] = [];
  let first: string | undefined;
  for (const param of record?.answers ?? []) {
    const binding = param.type === 'Identifier' ? context.index.resolve(param) : undefined;
    const reads = new Set<string>();
    for (const reference of binding ? context.index.referencesOf(binding) : []) {
      const read = context.index.parent(reference);
      if (!read || !isMember(read) || read.object !== reference) continue;
      const inner = context.index.parent(read);
      const field = memberName(read) === 'data' && inner && isMember(inner) && inner.object === read ? memberName(inner) : undefined;
      if (field && (TOKEN_FIELDS as readonly string[]).includes(field)) reads.add(`${param.name}.data.${field}`);
      else if (memberName(read) === 'message') reads.add(`${param.name}.message`);
    }
    if (reads.size === 0) continue;
    first ??= param.name as string;
    // The reader's name: its property's key (`formatResponse: (obj) => …`, or a method's own).
    const fn = context.index.parent(param);
    const holder = fn && (fn.type === 'ObjectMethod' ? fn : context.index.parent(fn));
    named.push(
      `\`${(holder && keyName(holder)) ?? 'its reader'}\` beside it reads v1's ${[...reads].map((read) => `\`${read}\``).join(', ')}`,
    );
  }
  if (named.length === 0) return undefined;
  return `${named.join(', and ')}: read the tokens at the top of the answer (\`${first}.access_token\`), and \`error_description\` for the message`;
}

function answerRead(grant: Grant, reads: string, checks: string): string {
  return grant.answer === 'tokens'
    ? `${reads} the flat answer (access_token, open_id, refresh_token at the top)`
    : `${checks} only the status`;
}

/**
 * A v1 token URL kept beside other platforms' in the function that sends it (`tokenUrl = '…'` in a
 * switch's case, then `axios.get(tokenUrl, { params })`): the TODO names that request and says what
 * it lacks for TikTok, judged by the keys the function's own objects send.
 */
function explainSharedSender(context: CodemodContext, finding: RawFinding, grant: Grant, call: Node): void {
  const label = callLabel((node) => context.source(node), call);
  const fn = context.index.functionOf(call);
  // The names its bodies send: object keys, `params.client_key = …`, `form.append('code', …)`.
  const keys = fn ? namesSentIn(context, fn) : new Set<string>();
  const clientKey = keys.has('client_id') && !keys.has('client_key') ? ' (client_key in place of the client_id it sends)' : '';
  // v2 takes the app's secret with every grant, where v1's refresh went without it.
  const secret =
    grant.required.includes('client_secret') && !keys.has('client_secret')
      ? ", with the app's client_secret, which it does not send now"
      : '';
  const verb = calleeName(call) === 'get' ? ' (not a GET with a query)' : '';
  const position = rangeOf(call)[0] > rangeOf(finding.node!)[0] ? 'below' : 'above';
  context.defer(
    finding,
    `this v1 ${grant.name} URL is sent by \`${label}\` ${position}, a request this function makes for every platform it serves, which the codemod does not rewrite for TikTok alone: point the URL at ${grant.url}, and make that request, for TikTok, post ${bodyOf(grant, false)}${verb}${clientKey}${secret}, and ${answerRead(grant, 'read', 'check')}`,
  );
}

/**
 * The body a sender of the v2 token URL posts: the grant's, or, for several functions that read one
 * URL (an exchange and a refresh), each its own grant's, since v2 takes both at that URL.
 */
function bodyOf(grant: Grant, several: boolean): string {
  if (!several || !grant.grantType) return `a form-encoded body of ${sentFields(grant).join(', ')}`;
  const grants = Object.values(GRANTS).filter((each) => each.url === grant.url && each.grantType);
  return `the form-encoded body of its own grant (${grants.map((each) => `the ${each.name}: ${sentFields(each).join(', ')}`).join('; ')})`;
}

/** What the v2 token endpoint takes for a grant: its required values, the grant type, the redirect URI of an exchange. */
function sentFields(grant: Grant): string[] {
  return [
    ...grant.required,
    ...(grant.grantType ? [`grant_type=${grant.grantType}`] : []),
    ...(grant.grantType === 'authorization_code' ? ['redirect_uri'] : []),
  ];
}

function settle(context: CodemodContext, finding: RawFinding, grant: Grant, reason: string | undefined): void {
  if (reason === undefined) {
    const how = grant.grantType ? ` (grant_type=${grant.grantType}), form-encoded; its answer is read flat` : ', form-encoded';
    context.record(finding, 'rewritten', `now POST ${grant.url}${how}`);
    return;
  }
  if (reason === CLIENT_TOKEN) {
    context.defer(
      finding,
      `this v1 token call asks for the app's own token (grant_type ${V2_CLIENT_TOKEN.grantType}), not a user's: v2 gives one at POST ${V2_TOKEN_URL} with a form-encoded body (${V2_CLIENT_TOKEN.fields.join(', ')}), answered flat (${V2_CLIENT_TOKEN.answer.join(', ')}), and only ${V2_CLIENT_TOKEN.usedBy} take it; point the call there, or at the user's token if that is what it checks`,
    );
    return;
  }
  const fields = sentFields(grant);
  const answer =
    grant.answer === 'tokens'
      ? 'read its answer flat (access_token, open_id, refresh_token at the top; `error` only on failure, where v1 answered `data.error_code`)'
      : 'check its status: it answers nothing on success';
  context.defer(
    finding,
    `the v1 ${grant.name} is not rewritten: ${reason}; send POST ${grant.url} with a form-encoded body (${fields.join(', ')}) and ${answer}`,
  );
}

function rewriteExchange(context: CodemodContext, request: TikTokRequest, grant: Grant): string | undefined {
  const parts = v1RequestParts(context, request, V2_TOKEN_URL);
  if ('reason' in parts) return parts.reason;
  const found = requestParams(context, request, parts.body);
  if ('reason' in found) return found.reason;
  const params = new Map(
    [...found.params].filter(([key]) => !grant.drops?.includes(key)).map(([key, value]) => [grant.renames?.[key] ?? key, value]),
  );
  const sent: readonly string[] = [...grant.required, ...grant.optional, 'grant_type'];
  const unknown = [...params.keys()].filter((key) => !sent.includes(key));
  // `axios.post(url, { params })`: axios's query option written into the data, the fields nested in it.
  if (unknown.length === 1 && unknown[0] === 'params')
    return "its body nests its fields under `params` (axios's query option, written into the data), so no token endpoint ever read them: send them as the form body itself (`new URLSearchParams(params)`)";
  if (unknown.length > 0) return `it also sends ${unknown.map((key) => `\`${key}\``).join(', ')}, which the v2 endpoint does not take`;
  // PKCE: v2 takes the verifier too, but only from an app registered as desktop or mobile, and only
  // with the challenge its authorize step sent: the two steps move together, by hand.
  if (params.has('code_verifier'))
    return 'it sends a PKCE `code_verifier` (a desktop or mobile app): add `code_verifier` to the v2 body, send `code_challenge` and `code_challenge_method=S256` from the authorize step to the v2 page, and check the app is registered for that platform';
  // v1 refreshed without the secret; v2 wants it: a value of the module named for it will do, or the
  // one another call of the module sends (the code exchange beside the refresh).
  for (const [key, name] of [
    ['client_secret', CLIENT_SECRET_NAME],
    ['client_key', CLIENT_KEY_NAME],
  ] as const) {
    const found = params.has(key) ? undefined : (findModuleValue(context, name, request.call) ?? sentElsewhere(context, key, request.call));
    if (found) params.set(key, found);
  }
  const asked = params.get('grant_type');
  // The app's own token (`client_credentials`), asked of the v1 code exchange: no code to exchange.
  if (grant.grantType === 'authorization_code' && asked && 'text' in asked && asked.text === V2_CLIENT_TOKEN.grantType) return CLIENT_TOKEN;
  for (const key of grant.required) {
    if (params.has(key)) continue;
    // v1 refreshed and revoked without the secret, so the call never named it.
    if (key === 'client_secret' || key === 'client_key') {
      const commented = commentedOutValue(context, key, request.call);
      return commented
        ? `v2 wants the app's \`${key}\` here, which this call never sent: the line commented out above sends it as \`${commented}\`: make that line live`
        : `v2 wants the app's \`${key}\` here, which this call never sent, and no value in this module is named for it: add it to the body`;
    }
    return `its \`${key}\` cannot be found here`;
  }
  const grantType = params.get('grant_type');
  if (grantType && !('text' in grantType && grantType.text === grant.grantType))
    return `its grant_type is not the literal ${grant.grantType}`;
  const written = grant.grantType === 'authorization_code' ? redirectWrittenInAuthorize(context) : undefined;
  if (written?.tiktokPage && !params.has('redirect_uri'))
    return `the redirect_uri the authorize step sends, ${written.text}, is a page of TikTok's, not this app's (see the TODO there), so no code ever came back to this exchange: once that step sends the app's own registered https callback, send the same redirect_uri here`;
  const redirect =
    grant.grantType === 'authorization_code'
      ? (params.get('redirect_uri') ?? findRedirectUri(context, request.call) ?? (written && { text: written.text }))
      : params.get('redirect_uri');
  if (!redirect && grant.grantType === 'authorization_code')
    return 'the redirect_uri the authorize step sent cannot be found in this module, and v2 requires the same one here (add it to the body)';
  const carried = carriedOptions(context, parts);
  if ('reason' in carried) return carried.reason;
  const reads = grant.answer === 'tokens' ? planTokenReads(context, request) : answerUnread(context, request);
  if ('reason' in reads) return reads.reason;
  const types = context.isTypeScript && grant.answer === 'tokens' ? planTokenType(context, request) : { edits: [], handedOver: [] };
  if ('reason' in types) return types.reason;

  const entry = (key: string, param: ParamValue) => entryOf(context, key, param);
  const entries = [
    ...grant.required.map((key) => entry(key, params.get(key)!)),
    ...(grant.grantType ? [`grant_type: '${grant.grantType}'`] : []),
    ...(redirect ? [entry('redirect_uri', redirect)] : []),
    ...grant.optional.filter((key) => key !== 'redirect_uri' && params.has(key)).map((key) => entry(key, params.get(key)!)),
  ];
  // Where the answer leaves whole, found on the tree as read: the statement the TODO goes above.
  const handedOn = reads.handedOn && { node: reads.handedOn, statement: todoStatement(context, reads.handedOn) };
  // Form-encoded: URLSearchParams wants strings, and the values are the ones the v1 query sent as text.
  for (const edit of [...reads.edits, ...types.edits, ...caughtErrorEdits(context, request)]) edit();
  for (const name of types.handedOver) context.handOver(request.call, 'no-v1-oauth-endpoint', `${TOKEN_TYPE_PLACE}${name}`);
  // A v1 call that posts the very form v2 wants (`body: new URLSearchParams({ … })`): only its URL changes.
  if (sendsV2Form(context, request, parts, entries.length, params)) {
    // A literal keeps its kind and quotes; a reference (`this.config.refreshUrl!`) gives way whole.
    const url = unwrap(request.urlArgument);
    replaceLiteral(context, staticString(url) === undefined ? request.urlArgument : url, grant.url);
  } else postForm(context, request, parts, grant.url, entries, carried.entries);
  removeDeadBindings(context, request.call);
  // v2 may answer a refresh with a new refresh token, and only the new one works from then on.
  const keepNewRefreshToken = grant.grantType === 'refresh_token' && !reads.readsRefreshToken;
  // `refresh_token: process.env.TIKTOK_REFRESH_TOKEN`: a v1 token kept in the environment, which v2 refuses.
  const fromEnv = grant.grantType === 'refresh_token' ? environmentName(context, params.get('refresh_token')) : undefined;
  if (fromEnv)
    context.todoAt(
      request.call,
      `the refresh token sent is read from the environment (\`${fromEnv}\`), which holds a v1 one, and the v2 endpoint refreshes no v1 token: authorize once on the v2 page and put its refresh_token there; v2 may answer a new one on each refresh, and TikTok asks that the newest be used`,
      request.call,
    );
  // Sent to the browser TikTok redirected to this exchange's own route: shown there, read by no code.
  // Or sent only where the answer holds no access token: a failure, with no token for a reader to miss.
  const unread = handedOn && (shownOnRedirectPage(context, handedOn.node, redirect) || handedOnWithoutToken(context, handedOn.node));
  if (handedOn && !unread)
    context.todoAt(
      handedOn.statement,
      `${handedOnClause(context, request, handedOn.node)}${keepNewRefreshToken && !fromEnv ? ', and keep the refresh_token of this answer in place of the one sent (v2 may answer a new one)' : ''}`,
      handedOn.node,
    );
  else if (keepNewRefreshToken && !fromEnv)
    context.todoAt(
      request.call,
      reads.fieldsHandedOn
        ? "the v2 refresh may answer with a refresh_token other than the one sent, and TikTok asks that the new one be used: this answer's fields are handed on from here, so make sure what keeps the refresh token (a caller, say) keeps the one of this answer in place of the one sent"
        : 'the v2 refresh may answer with a refresh_token other than the one sent, and TikTok asks that the new one be used: store the refresh_token of this answer in place of the one sent',
      request.call,
    );
  return undefined;
}

/**
 * Whether the v1 call already posts v2's form: a literal URL with no query, `POST`, a body of
 * `new URLSearchParams({ … })` (which fetch and axios send form-encoded) whose keys are the ones the
 * v2 call would send, each written there, and no other content type. Then only the URL changes,
 * and the file keeps its own layout.
 */
function sendsV2Form(
  context: CodemodContext,
  request: TikTokRequest,
  parts: V1RequestParts,
  sent: number,
  params: ReadonlyMap<string, ParamValue>,
): boolean {
  // The URL may come from a constant or a config record (`this.config.tokenUrl`): the argument becomes the v2 literal.
  const text = foldedText(context.folder.fold(unwrap(request.urlArgument)));
  if (text.includes(HOLE) || text.includes('?') || !parts.body || parts.configCall) return false;
  const given = unwrap(parts.body);
  // `params.toString()`: a string, which only a Content-Type header of its own says is a form.
  const stringified = given.type === 'CallExpression' && memberName(given.callee) === 'toString' && given.arguments.length === 0;
  // `querystring.stringify({ … })`, `qs.stringify({ … })`: the form as a string, like `params.toString()`.
  const encoded = queryStringOf(given);
  const body = encoded ?? formBuiltBy(context, stringified ? unwrap(given.callee.object) : given);
  const fields = encoded ? unwrap(encoded) : formFields(body);
  if (fields?.type !== 'ObjectExpression' || fields.properties.some((property: Node) => !keyName(property))) return false;
  const keys = objectProperties(fields).map((property) => keyName(property)!);
  if (keys.length !== sent || keys.some((key) => !params.has(key))) return false;
  if (methodOf(request) !== 'POST') return false;
  const options = parts.options && unwrap(parts.options);
  const headers = options && objectProperties(options).find((property) => keyName(property) === 'headers');
  const types = headers && unwrap(headers.value).type === 'ObjectExpression' ? objectProperties(unwrap(headers.value)) : [];
  const contentTypes = types.filter((header) => /^content-type$/i.test(keyName(header) ?? ''));
  if ((stringified || encoded) && contentTypes.length === 0) return false;
  return contentTypes.every((header) => /x-www-form-urlencoded/.test(staticString(header.value) ?? ''));
}

/** The record `new URLSearchParams({ … })` is built from. */
function formFields(body: Node | undefined): Node | undefined {
  if (body?.type !== 'NewExpression' || body.callee.type !== 'Identifier' || body.callee.name !== 'URLSearchParams') return undefined;
  return body.arguments[0] && unwrap(body.arguments[0]);
}

/** `querystring.stringify({ … })` (or `qs.`): the record a query-string module encodes as a form. */
function queryStringOf(node: Node): Node | undefined {
  if (node.type !== 'CallExpression' || memberName(node.callee) !== 'stringify' || node.arguments.length !== 1) return undefined;
  const module = isMember(node.callee) ? unwrap(node.callee.object) : undefined;
  return module?.type === 'Identifier' && /^(?:querystring|qs|queryString)$/.test(module.name as string) ? node.arguments[0] : undefined;
}

/**
 * The form a body is: written in the call, or a local `const params = new URLSearchParams({ … })`
 * that nothing else reads (the call can keep sending it as it is).
 */
function formBuiltBy(context: CodemodContext, body: Node): Node | undefined {
  if (body.type !== 'Identifier') return body;
  const binding = context.index.resolve(body);
  if (binding?.kind !== 'const' || !binding.init || binding.path.length > 0) return undefined;
  return context.index.referencesOf(binding).length === 1 ? unwrap(binding.init) : undefined;
}

/**
 * What a revoke's caller may read of the answer: how it went, which both generations tell alike. Not
 * `json()`: the v2 revoke's success is an empty body, which fetch's `json()` rejects.
 */
const STATUS_READS = ['text', 'then', 'ok', 'status', 'statusCode', 'end', 'catch', 'finally'];

/** The v2 revoke answers nothing on success: code that reads the v1 answer is ported by hand. */
function answerUnread(context: CodemodContext, request: TikTokRequest): ReadPlan {
  const taint = responseTaint(context.index, [request]);
  // superagent's `.query()` chained on the request shapes it; it reads nothing.
  const chained = new Set(request.chain.map((link) => unwrap(link.callee)));
  // An XMLHttpRequest is the answer and the request at once: only its `response*` are the answer's body.
  const xhr = request.receiver !== undefined && calleeName(request.call) === 'open';
  const reads = (name: string) => (xhr ? /^response(Text|XML)?$/.test(name) : !STATUS_READS.includes(name));
  const read = [...context.index.ofType('MemberExpression'), ...context.index.ofType('OptionalMemberExpression')].find(
    (member) => taint.has(member.object) && !chained.has(member) && reads(memberName(member) ?? ''),
  );
  const takenApart = [...taint.patterns].some((pattern) =>
    pattern.properties.some((property: Node) => !STATUS_READS.includes(keyName(property) ?? '')),
  );
  if (read || takenApart)
    return { reason: 'the code reads its answer, and the v2 revoke answers nothing on success (check `ok` or the status instead)' };
  return { edits: [], readsRefreshToken: false, fieldsHandedOn: false };
}

/** `process.env.TIKTOK_REFRESH_TOKEN` (`?? ''` aside, or through a `const` that holds or destructures it): the variable's name. */
function environmentName(context: CodemodContext, param: ParamValue | undefined): string | undefined {
  let node = param && 'node' in param ? unwrap(param.node) : undefined;
  if (node?.type === 'LogicalExpression') node = unwrap(node.left);
  return node && environmentRead(context, node)?.slice('process.env.'.length);
}

/**
 * What the TODO on a token answer that leaves whole says: what reads it next is out of sight, so
 * whether it reads v1's `data.access_token` is not known; a module that reads the answer flat itself
 * (`this.token = data.access_token`) was written for the flat shape, and a declared return type
 * (`Promise<TikTokAuthResponse>`) is where that shape is written down.
 */
function handedOnClause(context: CodemodContext, request: TikTokRequest, handedOn: Node): string {
  const callee = calleeV1Reads(context, handedOn);
  if (callee) return callee;
  const flat = readsTokenFlat(context, request);
  // A type of this module's own gets a TODO of its own, where it is declared.
  const declared = declaredReturnType(context, handedOn);
  const from = declared && importSourceOf(context, declared);
  const type = from ? `; check that \`${declared}\` (from ${from}) describes the flat answer` : '';
  return flat
    ? `the token answer leaves here whole, to what reads it next (a caller, a client): this module reads it flat already (\`access_token\` at the top), as v2 answers it, so only a reader of v1's \`data.access_token\` needs a change${type}`
    : `the token answer leaves here whole, and what reads it next (a caller, a client) may read v1's \`data.access_token\`: it gets the flat v2 answer now (access_token, open_id, refresh_token, expires_in at the top; error and error_description on a failure), so change such reads${type}`;
}

/** `data.access_token` read of the answer's body itself (`const data = await res.json()`). */
function readsTokenFlat(context: CodemodContext, request: TikTokRequest): boolean {
  const taint = responseTaint(context.index, [request]);
  return [...context.index.ofType('MemberExpression'), ...context.index.ofType('OptionalMemberExpression')].some(
    (member) => memberName(member) === 'access_token' && taint.has(member.object) && isBodyTop(context, unwrap(member.object)),
  );
}

/** The name of the type the function the answer leaves from declares it returns: `Promise<T>` gives `T`. */
function declaredReturnType(context: CodemodContext, handedOn: Node): string | undefined {
  const fn = context.index.functionOf(handedOn);
  let type = fn?.returnType?.typeAnnotation as Node | undefined;
  if (type?.type === 'TSTypeReference' && type.typeName?.name === 'Promise') type = type.typeParameters?.params?.[0];
  return type?.type === 'TSTypeReference' && type.typeName?.type === 'Identifier' ? (type.typeName.name as string) : undefined;
}

/** The module a name is imported from (`import { TikTokAuthResponse } from '../types/tiktok'`). */
function importSourceOf(context: CodemodContext, name: string): string | undefined {
  const declaration = context.index
    .ofType('ImportDeclaration')
    .find((entry) => (entry.specifiers as Node[]).some((specifier) => specifier.local?.name === name));
  return declaration && String(declaration.source.value);
}
