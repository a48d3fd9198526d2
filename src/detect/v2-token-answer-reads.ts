import { TOKEN_FIELDS } from '../contract/index.js';
import { calleeName, isCall, isFunction, isMember, memberName, unwrap, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';
import type { RawFinding } from './raw-finding.js';
import { calledFunction, Taint } from './taint.js';
import type { TikTokRequest } from './requests.js';
import { responseTaint, type AnswerSource } from './response-fields.js';
import { isV2TokenCall } from './v2-token-json-body.js';
import { isV1ShapeFallback } from './v1-shape-fallback.js';

/** What the v2 token endpoint answers, flat at the top of its answer (§2.8). */
const TOKEN_FIELD_NAMES: ReadonlySet<string> = new Set(TOKEN_FIELDS);

/**
 * `res.data.data.access_token` of a call already sent to the v2 token endpoint: code moved to the v2
 * URL and kept v1's reads, which found the tokens inside `data`. The v2 answer is flat, so such a
 * read is always `undefined`. Reported where the v1 habit shows for sure: a `data` read inside the
 * answer's body (axios's `res.data`, a `{ data }` taken out of its response, or what `.json()` gave).
 */
export function findV2TokenAnswerReads(index: ModuleIndex, requests: readonly TikTokRequest[]): RawFinding[] {
  const findings: RawFinding[] = [];
  const members = [...index.ofType('MemberExpression'), ...index.ofType('OptionalMemberExpression')];
  for (const request of requests) if (isV2TokenCall(request)) findings.push(...v1HabitReads(index, request, members));
  return findings;
}

/** The reads of one token call's answer that keep v1's habits (its `data` level, its status fields). */
export function v1HabitReads(
  index: ModuleIndex,
  request: AnswerSource | Taint,
  members: readonly Node[] = [...index.ofType('MemberExpression'), ...index.ofType('OptionalMemberExpression')],
  body: (node: Node) => boolean = (node) => isBody(index, node),
): RawFinding[] {
  const findings: RawFinding[] = [];
  // A call's answer, or one already traced (a provider table's answer reader: its parameter holds the answer).
  const answer = request instanceof Taint ? request : responseTaint(index, [request]);
  for (const member of members) {
    const field = memberName(member);
    const holder = unwrap(member.object);
    if (isV1ShapeFallback(index, field === 'data' ? member : holder)) continue;
    // `const { access_token } = res.data.data`, `return res.data.data`: v1's `data` taken whole.
    if (field === 'data' && answer.has(holder) && body(holder) && !readsTokenField(index, member)) {
      findings.push({ ruleId: 'no-v1-oauth-endpoint', messageId: 'v2TokenAnswerWrapped', node: member.property as Node, data: {} });
      continue;
    }
    // `if (body.error_code !== 0)` at the v2 answer's top: v1's status, which v2 never sends.
    if ((field === 'error_code' || field === 'description') && answer.has(holder) && body(holder)) {
      findings.push({ ruleId: 'no-v1-oauth-endpoint', messageId: 'v2TokenAnswerStatus', node: member.property as Node, data: { field } });
      continue;
    }
    if (!field || !TOKEN_FIELD_NAMES.has(field) || !isMember(holder) || memberName(holder) !== 'data') continue;
    if (!answer.has(holder) || !body(unwrap(holder.object))) continue;
    findings.push({ ruleId: 'no-v1-oauth-endpoint', messageId: 'v2TokenAnswerNested', node: member.property as Node, data: { field } });
  }
  return findings;
}

/** `….data.access_token`: a read the nested finding above reports on its own. */
function readsTokenField(index: ModuleIndex, member: Node): boolean {
  const parent = index.parent(member);
  return !!parent && isMember(parent) && parent.object === member && TOKEN_FIELD_NAMES.has(memberName(parent) ?? '');
}

/** The answer's body: `res.data` (axios, maybe kept in a name), a `{ data }` destructured from a response, or the value `.json()` gave. */
export function isBody(index: ModuleIndex, node: Node, depth = 0): boolean {
  if (isMember(node)) return memberName(node) === 'data';
  if (node.type !== 'Identifier') return false;
  const binding = index.resolve(node);
  // `.then((res) => res.json()).then((json) => json.data)`: the callback's parameter is what `.json()` gave.
  if (binding?.kind === 'param' && binding.path.length === 0) return paramOfParsedThen(index, binding.id);
  if (!binding?.init || binding.assignments.length > 0) return false;
  if (binding.path.length === 1 && binding.path[0] === 'data') return true;
  let init = unwrap(binding.init);
  if (init.type === 'AwaitExpression') init = unwrap(init.argument);
  if (binding.path.length !== 0) return false;
  // `const data = response.data`: axios's body, kept in a name.
  if (isMember(init) && memberName(init) === 'data') return true;
  if (!isCall(init)) return false;
  if (parsesJson(init)) return true;
  // `const data = await refetchToken(refresh)`: a function of the module that returns the body it parsed.
  const fn = depth < 3 ? calledFunction(index, init) : undefined;
  return !!fn && returnsBody(index, fn, depth + 1);
}

/** Whether every value a function of the module returns is an answer's body (and it returns one). */
function returnsBody(index: ModuleIndex, fn: Node, depth: number): boolean {
  if (fn.body?.type !== 'BlockStatement') return !!fn.body && isBodyValue(index, unwrap(fn.body), depth);
  const returns = index.ofType('ReturnStatement').filter((statement) => index.functionOf(statement) === fn);
  return returns.length > 0 && returns.every((statement) => !!statement.argument && isBodyValue(index, unwrap(statement.argument), depth));
}

/** `data` (a name for the body), `res.data`, `await res.json()`: a returned value that is the body itself. */
function isBodyValue(index: ModuleIndex, value: Node, depth: number): boolean {
  const inner = value.type === 'AwaitExpression' ? unwrap(value.argument) : value;
  if (isCall(inner)) return parsesJson(inner);
  return isBody(index, inner, depth);
}

/** `res.json()`, or `fetch(…).then((res) => res.json())`: a call whose value is the parsed body. */
function parsesJson(call: Node): boolean {
  if (calleeName(call) === 'json') return true;
  const callback = calleeName(call) === 'then' ? (call.arguments as Node[])[0] : undefined;
  const fn = callback && unwrap(callback);
  const body = fn && isFunction(fn) && fn.body.type !== 'BlockStatement' ? unwrap(fn.body) : undefined;
  return !!body && isCall(body) && calleeName(body) === 'json';
}

/** The first parameter of a `.then` callback chained on a `.then` whose callback returns `x.json()`. */
function paramOfParsedThen(index: ModuleIndex, id: Node): boolean {
  const fn = index.parent(id);
  if (!fn || !isFunction(fn) || fn.params[0] !== id) return false;
  const call = index.parent(fn);
  if (!call || !isCall(call) || calleeName(call) !== 'then' || (call.arguments as Node[])[0] !== fn) return false;
  const callee = unwrap(call.callee);
  const earlier = isMember(callee) ? unwrap(callee.object) : undefined;
  if (!earlier || !isCall(earlier) || calleeName(earlier) !== 'then') return false;
  const parse = unwrap((earlier.arguments as Node[])[0] ?? earlier);
  if (!isFunction(parse)) return false;
  const body = parse.body.type === 'BlockStatement' ? undefined : unwrap(parse.body);
  return !!body && isCall(body) && calleeName(body) === 'json';
}
