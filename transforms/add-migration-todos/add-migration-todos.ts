import { readsTokensInData, requestOfAnswerField } from '../../src/codemod/v1-answer-fields.js';
import { findingsOfRequest, findingsWithin, type CodemodContext } from '../../src/codemod/context.js';
import { findUrlCompositions } from '../../src/detect/endpoints.js';
import { literalAt, QUERY_PART_REACH, statementForTodo, statementsAbove } from '../../src/detect/todo-placement.js';
import { functionName, namedList } from '../../src/detect/record-key-readers.js';
import { addTodo, hasTodoNow } from '../../src/codemod/todo.js';
import type { RawFinding } from '../../src/detect/raw-finding.js';
import { contains, rangeOf, type Node } from '../../src/detect/ast.js';
import { formatMessage, RULES } from '../../src/detect/rule-catalog.js';
import { BUSINESS_API_SUCCESSOR, REMOVE_THE_CALL, RESEARCH_API_NAME } from '../../src/contract/index.js';
import { openIdNamingAVideo, videoIdInOpenId } from './open-id-value.js';
import {
  codeComparedWithNumber,
  comparesStatusWord,
  ERROR_TESTED_FOR_TRUTH,
  testsErrorForTruth,
} from '../../src/codemod/error-object-tests.js';

const NOT_REWRITTEN = 'not rewritten automatically';

/**
 * The last step: every finding no other step rewrote keeps its code and gets a TODO comment saying
 * what to do, so nothing legacy is skipped in silence and the linter keeps CI red until it is done.
 */
export function addMigrationTodos(context: CodemodContext): void {
  const partOf = requestSites(context);
  const heads = new Set(partOf.values());
  // The heads whose query sends open_id: only those are told to stop sending it.
  const sendsOpenId = new Set([...partOf].filter(([part]) => part.messageId === 'openId').map(([, head]) => head));
  // And those whose query sends the token: one sending open_id alone (its token in a Bearer header already) only drops it.
  const sendsToken = new Set([...partOf].filter(([part]) => part.messageId === 'accessToken').map(([, head]) => head));
  let present: Set<unknown> | undefined;
  const together = new Map([...statusReadsTogether(context), ...typeFieldsTogether(context), ...queryTokensTogether(context, partOf)]);
  const statusReadsOf = coveredStatusReads(context);
  for (const finding of context.unhandled((f) => f.ruleId !== 'no-migration-todo')) {
    // A read of a v1 answer's status whose call is left as it was: part of that call's site and its TODO.
    const asked = finding.messageId === 'answerField' ? requestOfAnswerField(context, finding) : undefined;
    if (asked && (present ??= context.nodesInTree()).has(asked.call)) {
      context.record(finding, 'todo', `${catalogMessage(finding)} (part of the call left for a person: see its TODO)`);
      continue;
    }
    // The tokens a provider table's answer reader reads inside `data`: the TODO at the entry's URL names them.
    if (finding.messageId === 'answerField' && !asked && readsTokensInData(finding)) {
      const url = literalAt(context.index, Number(finding.data.request));
      if (url && hasTodoNow(context, url)) {
        context.record(finding, 'todo', `${catalogMessage(finding)} (named by the TODO at the URL of its entry)`);
        continue;
      }
    }
    // `https.request({ hostname: 'open-api.tiktok.com', path: … })`: the host is part of that request, whose TODO says what to send.
    const owner = finding.messageId === 'hostName' ? requestOfOptions(context, finding, (present ??= context.nodesInTree())) : undefined;
    if (owner) {
      context.record(finding, 'todo', `${catalogMessage(finding)} (part of the request below, left for a person: see its TODO)`);
      continue;
    }
    const joined = together.get(finding);
    if (joined) {
      if (joined.write) addTodo(context, finding.node ?? nodeAt(context, finding), joined.message);
      context.record(finding, 'todo', joined.message);
      continue;
    }
    const site = partOf.get(finding);
    const node = finding.node ?? nodeAt(context, finding);
    // One TODO per site: the query tokens of a request left for a person go with its TODO, in its
    // statement or in one of the few statements right above it that build its URL (`url += '&access_token=' + token`).
    const apart =
      site && statementsAbove(context.index, statementForTodo(node, context.index), statementForTodo(site.node!, context.index));
    if (apart !== undefined && apart <= QUERY_PART_REACH) {
      // A Business API request's TODO names that API's own header, and a token call's where its token
      // goes (v2's revoke takes it in the body): the part only points there.
      const said =
        site?.data.successor === BUSINESS_API_SUCCESSOR || site?.ruleId === 'no-v1-oauth-endpoint'
          ? `${finding.messageId === 'openId' ? 'open_id' : 'a token'} in the query string of this request`
          : finding.messageId === 'openId' && openIdNamingAVideo(context, site!) !== undefined
            ? "open_id in the query string of this request, sending a video's id"
            : catalogMessage(finding);
      context.record(finding, 'todo', `${said}; see the TODO of this request`);
      continue;
    }
    const reason = context.reasonFor(finding);
    // An upload left with a reason of its transform still moves its token to the header, said once; a
    // token call's reason says where its token goes (v2's revoke takes it in the body).
    // A Business API path's token goes in that API's own Access-Token header, which its advice names.
    // A call to remove (a delete, a sound share) takes no advice on how to send it.
    const moves =
      heads.has(finding) &&
      finding.data.successor !== BUSINESS_API_SUCCESSOR &&
      !catalogMessage(finding).includes(REMOVE_THE_CALL) &&
      (!reason || (finding.ruleId === 'no-legacy-share-endpoint' && !reason.includes('Authorization: Bearer')));
    // `open_id=${postId}`: the id the call is about, in the user's parameter; dropping it would lose it.
    const videoInOpenId = moves && sendsOpenId.has(finding) ? openIdNamingAVideo(context, finding) : undefined;
    const openId = videoInOpenId === undefined ? undefined : videoIdInOpenId(videoInOpenId);
    // The Research API takes the app's client token (said in the advice), not the user's in the query.
    const research = moves && catalogMessage(finding).includes(RESEARCH_API_NAME);
    const tokens = !moves
      ? ''
      : research
        ? researchTokens(catalogMessage(finding), sendsToken.has(finding), sendsOpenId.has(finding))
        : sendsToken.has(finding)
          ? `; send its access_token as the header Authorization: Bearer <token>${openId ?? (sendsOpenId.has(finding) ? ', and no open_id' : '')}`
          : (openId ?? '; drop the open_id of its query (v2 knows the user by the token)');
    const told =
      (reason && reason + tokens) ??
      (site
        ? 'part of a TikTok request left for a person (its query tokens): see the TODO at the request'
        : catalogMessage(finding) + tokens);
    const message = told + errorTruthTest(context, finding, told) + statusReadsClause(statusReadsOf.get(finding.node!), told);
    addTodo(context, node, message);
    context.record(finding, 'todo', message);
  }
  // A TODO an earlier run left is still to do; counted once, not again beside the finding it explains.
  const todoLines = new Set(
    context
      .outcomes()
      .filter((o) => o.action === 'todo')
      .map((o) => o.line),
  );
  for (const marker of context.unhandled((f) => f.ruleId === 'no-migration-todo')) {
    if (!todoLines.has(marker.node!.loc.end.line + 1)) context.record(marker, 'todo', marker.data.todo);
  }
}

/**
 * The v1 status reads (`error_code`, `description`) of each request left for a person, by its call:
 * no TODO of their own, so the request's names them.
 */
function coveredStatusReads(context: CodemodContext): Map<Node, RawFinding[]> {
  const reads = new Map<Node, RawFinding[]>();
  // The tokens read inside `data` (`data.access_token`) and the envelope's `message` are not named: the
  // token call's own TODO says to read its answer flat, with `error` only on failure.
  const named = (f: RawFinding) => !readsTokensInData(f) && f.data.field !== 'message';
  for (const finding of context.unhandled((f) => f.messageId === 'answerField' && named(f))) {
    const request = requestOfAnswerField(context, finding);
    if (request) reads.set(request.call, [...(reads.get(request.call) ?? []), finding]);
  }
  return reads;
}

/** `; its answer's \`error_code\`, \`description\` are read below: v2 answers …`, unless the TODO names them already. */
function statusReadsClause(reads: readonly RawFinding[] | undefined, told: string): string {
  const fields = [...new Set((reads ?? []).map((read) => String(read.data.field)))]
    // Named as code (`description`), not as part of another name (the v2 field list's bio_description).
    .filter((field) => !told.includes(`\`${field}\``));
  if (fields.length === 0) return '';
  const moves = fields.map((field) => `\`${field}\` → ${reads!.find((read) => read.data.field === field)!.data.replacement}`);
  return `; its answer's v1 status is read below (${moves.join(', ')}): move those reads with the call`;
}

/** The v1 calls whose v2 answer has `error` only on failure (and the page, which answers no JSON). */
const TOKEN_REWRITES = new Set(['code-exchange', 'token-refresh', 'token-revoke', 'authorize-page']);

/**
 * `if (data.error) throw …` after a request left for a person that will answer as the v2 API does
 * (the upload's init, user info, the video list or query): every such answer has an `error`, "ok" on
 * success, so once the call moves the test fails each success. Said in the request's own TODO. Not
 * for the token calls, whose v2 answer has `error` only on failure.
 */
function errorTruthTest(context: CodemodContext, finding: RawFinding, told: string): string {
  // A step to delete (a publish step the old API never had, a call nothing replaces) takes no advice on its answer.
  if (told.includes('tested for truth') || told.includes('delete this step') || told.includes(REMOVE_THE_CALL)) return '';
  const request = context.requests.find((candidate) => candidate.call === finding.node);
  if (!request) return '';
  const { match } = request;
  const tokenCall = /\/oauth\//.test(match.path) || TOKEN_REWRITES.has(match.v1?.rewrite ?? '');
  // `if (res.data.message !== 'success') return false`: v2's token answer has no word, and its tokens only on success.
  // A code exchange or refresh: its v2 answer holds the tokens on success (a revoke's holds nothing, user info its own `error`).
  const grantsTokens = /\/oauth\/(?:access_token|refresh_token|token)\b/.test(match.path);
  if (tokenCall)
    return grantsTokens && comparesStatusWord(context, request) && !told.includes("v1's status word") && !told.includes('`message`')
      ? "; its answer's `message` is compared with 'success', v1's status word, which the v2 token answer never has: test its access_token (sent only on success) instead"
      : '';
  if (testsErrorForTruth(context, request)) return `; ${ERROR_TESTED_FOR_TRUTH}`;
  if (comparesStatusWord(context, request) && !told.includes("v1's status word"))
    return `; its answer's \`message\` is compared with 'success', v1's status word, which v2 never answers: test error.code !== 'ok' instead`;
  const compared = told.includes('compared with 0') ? undefined : codeComparedWithNumber(context, request);
  if (compared) {
    // Compared in another function (the caller of one that returns the answer): named, as no TODO stands there.
    const fn = context.index.functionOf(compared);
    const name = fn && fn !== context.index.functionOf(request.call) ? functionName(fn, context.index) : undefined;
    return `; its answer's \`error.code\` is compared with a number${name ? ` in \`${name}\`` : ''}, as v1 numbered it: v2's is a string ("ok" on success), so compare it with 'ok'`;
  }
  return '';
}

/**
 * The query-token findings of each request, or URL value, that keeps its code (its endpoint finding is
 * still unhandled), each mapped to that endpoint finding: the site's TODO covers them.
 */
function requestSites(context: CodemodContext): Map<RawFinding, RawFinding> {
  const open = new Set(context.unhandled());
  const sites = new Map<RawFinding, RawFinding>();
  // Most files have no query token left: nothing to group, and no URL to fold again.
  if (![...open].some((finding) => finding.ruleId === 'no-token-in-query')) return sites;
  const cover = (head: RawFinding | undefined, own: readonly RawFinding[]) => {
    if (!head) return;
    for (const finding of own)
      if (finding.ruleId === 'no-token-in-query' && open.has(finding) && !sites.has(finding)) sites.set(finding, head);
  };
  for (const request of context.requests) {
    const own = findingsOfRequest(context, request);
    cover(
      own.find((finding) => open.has(finding) && finding.node === request.call && finding.ruleId !== 'no-token-in-query'),
      own,
    );
  }
  // A URL built with its query tokens and sent through something the codemod cannot follow (a proxy).
  for (const { node } of findUrlCompositions(context.index, context.folder)) {
    const within = findingsWithin(context, node);
    cover(
      context.findings.find((finding) => open.has(finding) && finding.node === node && finding.ruleId !== 'no-token-in-query'),
      within,
    );
  }
  return sites;
}

/**
 * `if (body.data.error_code !== 0) throw new Error(body.data.description)` of an answer whose request
 * is out of sight (a table's entry): the v1 status reads of one statement share one TODO.
 */
function statusReadsTogether(context: CodemodContext): Map<RawFinding, Joined> {
  const together = new Map<RawFinding, Joined>();
  const groups = new Map<string, RawFinding[]>();
  for (const finding of context.unhandled((f) => f.messageId === 'answerField' && !!f.node)) {
    const statement = statementForTodo(finding.node!, context.index);
    // Inside the app's own wrapper, its whole status handling is one site, under one TODO at its first read.
    const wrapper = finding.data.request.startsWith('wrapper ');
    const key = wrapper ? finding.data.request : `${finding.data.request}:${statement ? rangeOf(statement)[0] : -1}`;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  for (const [key, group] of groups) {
    const fields = [...new Map(group.map((finding) => [finding.data.field, finding.data.replacement])).entries()];
    const statements = new Set(group.map((finding) => statementForTodo(finding.node!, context.index)));
    if (fields.length < 2 && statements.size < 2) continue;
    const { purpose } = group[0].data;
    const first = key.startsWith('wrapper ') ? [...group].sort((a, b) => rangeOf(a.node!)[0] - rangeOf(b.node!)[0])[0] : undefined;
    const message = first
      ? wrapperStatusMessage(purpose, new Map(fields))
      : `${fields.map(([field]) => `\`${field}\``).join(' and ')} of the answer of the ${purpose}, which v2 does not send: the v2 call answers ${fields.map(([, replacement]) => replacement).join(' and ')}; change these reads when the call moves to v2`;
    for (const finding of group) together.set(finding, { message, write: !first || finding === first });
  }
  return together;
}

/** The one TODO of a wrapper's status handling: what it reads, here and below, and what to test instead. */
function wrapperStatusMessage(purpose: string, fields: ReadonlyMap<string, string | undefined>): string {
  const listed = namedList([...fields.keys()]);
  const failure = fields.get('error_code') ?? fields.get('message');
  const text = fields.get('description');
  return `${listed} of the answer of the ${purpose}, which v2 does not send, are read here and below: when the calls move to v2, test ${failure} instead${text ? `, and print ${text}` : ''}`;
}

/** A TODO several findings share: its text, and whether this finding's place is where it is written. */
interface Joined {
  readonly message: string;
  readonly write: boolean;
}

/**
 * The v1 fields one type declares for an answer (`data` around the token fields, `error_code`,
 * `description`): one TODO above the declaration that names them all.
 */
function typeFieldsTogether(context: CodemodContext): Map<RawFinding, Joined> {
  const groups = new Map<Node, RawFinding[]>();
  const kinds = new Set(['answerTypeField', 'answerTypeEnvelope', 'answerTypeNumberCode']);
  for (const finding of context.unhandled((f) => kinds.has(f.messageId) && !!f.node)) {
    const statement = statementForTodo(finding.node!, context.index);
    groups.set(statement, [...(groups.get(statement) ?? []), finding]);
  }
  const together = new Map<RawFinding, Joined>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const purposes = [...new Set(group.map((finding) => finding.data.purpose))].join(' and the ');
    const envelope = group.some((finding) => finding.messageId === 'answerTypeEnvelope');
    const fields = [...new Map(group.filter((f) => f.messageId === 'answerTypeField').map((f) => [f.data.field, f.data.replacement]))];
    const parts = [
      ...(envelope ? ['its fields sit inside `data`, where the v2 token answer puts them flat at the top'] : []),
      ...(fields.length > 0
        ? [
            `it declares ${fields.map(([field]) => `\`${field}\``).join(' and ')}, which v2 answers as ${fields.map(([, replacement]) => replacement).join(' and ')}`,
          ]
        : []),
      ...(group.some((finding) => finding.messageId === 'answerTypeNumberCode')
        ? ['its `error.code` is a number, which v2 sends as a string ("ok" on success)']
        : []),
    ];
    const message = `this type declares the answer of the ${purposes} as v1 sent it: ${parts.join('; ')}; declare what v2 sends, with the code that reads it`;
    for (const finding of group) together.set(finding, { message, write: true });
  }
  return together;
}

/**
 * `buildQuery: (open_id, access_token) => qs({ open_id, access_token })` in a table's entry: the
 * `open_id` and the `access_token` one statement puts in a query, with no request TODO to go with,
 * are one site with one TODO.
 */
function queryTokensTogether(context: CodemodContext, partOf: ReadonlyMap<RawFinding, RawFinding>): Map<RawFinding, Joined> {
  const groups = new Map<Node, RawFinding[]>();
  for (const finding of context.unhandled((f) => f.ruleId === 'no-token-in-query' && f.messageId !== 'unseenBase' && !partOf.has(f))) {
    const statement = statementForTodo(finding.node ?? nodeAt(context, finding), context.index);
    groups.set(statement, [...(groups.get(statement) ?? []), finding]);
  }
  const together = new Map<RawFinding, Joined>();
  for (const group of groups.values()) {
    const kinds = new Set(group.map((finding) => finding.messageId));
    if (!kinds.has('accessToken') || !kinds.has('openId')) continue;
    const [head] = group;
    // `{ url: '…/oauth/revoke/', buildQuery: (open_id, access_token) => … }`: v2's revoke takes no Bearer
    // header. The entry the query is built in (the nearest object that names a URL), not the table
    // around it, whose other entries may revoke.
    const entry = [...context.index.ancestors(head.node ?? nodeAt(context, head))].find(
      (node) => node.type === 'ObjectExpression' && /https?:\/\//.test(context.source(node)),
    );
    const revoke = !!entry && /\/oauth\/revoke\//.test(context.source(entry));
    const message = revoke
      ? `access_token and open_id in the query string of a TikTok token revoke: v2's revoke takes the token in its form-encoded body as \`token\`, with client_key and client_secret, and no open_id (${NOT_REWRITTEN})`
      : `access_token and open_id in the query string of a TikTok request: send the token as the header \`Authorization: Bearer <token>\` and drop open_id: the v2 API knows the user by the token (${NOT_REWRITTEN})`;
    const [first] = [...group].sort((a, b) => (a.range ?? rangeOf(a.node!))[0] - (b.range ?? rangeOf(b.node!))[0]);
    // The run lists each finding: the ones the first's TODO covers say so, rather than repeat it.
    for (const finding of group)
      together.set(finding, {
        message: finding === first ? message : `${catalogMessage(finding)}; under the one TODO of this query`,
        write: finding === first,
      });
  }
  return together;
}

function catalogMessage(finding: RawFinding): string {
  const template = (RULES[finding.ruleId].messages as Record<string, string>)[finding.messageId];
  return formatMessage(template, { ...finding.data, hint: NOT_REWRITTEN });
}

/** A finding reported on a range (a parameter name inside a URL) belongs to the literal holding it. */
function nodeAt(context: CodemodContext, finding: RawFinding) {
  const [start] = finding.range!;
  const holder = literalAt(context.index, start);
  if (!holder) throw new Error(`no literal holds offset ${start}`);
  return holder;
}

/** The request left for a person, with a finding of its own, whose options object names the host (`{ hostname, path }` of Node's http). */
function requestOfOptions(context: CodemodContext, finding: RawFinding, present: ReadonlySet<unknown>): RawFinding | undefined {
  const request = context.requests.find((each) => each.options.some((options) => contains(options, finding.node!)));
  // Left, not rewritten: the call is still in the tree (its own TODO may have been written by its transform).
  if (!request || !present.has(request.call)) return undefined;
  return findingsOfRequest(context, request).find((other) => other !== finding && other.messageId !== 'hostName');
}

/**
 * What becomes of the user's token and open_id in the query of a call whose successor is the Research
 * API: it takes the app's client token; where the advice offers the Display API too (the creator's own
 * videos or profile), that takes the user's, as a header.
 */
function researchTokens(advice: string, token: boolean, openId: boolean): string {
  const sent = [token ? "the user's token" : '', openId ? 'open_id' : ''].filter(Boolean).join(' and ');
  if (!sent) return '';
  return advice.includes('with the user token as Authorization: Bearer')
    ? `; either way its query loses ${sent}: the Research API takes the app's client token as Authorization: Bearer, v2's Display API the user's`
    : `; its query loses ${sent}: the Research API takes the app's client token as Authorization: Bearer`;
}
