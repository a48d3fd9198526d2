import {
  LOGIN_KIT_USER_INFO_PATH,
  NEAREST_V2_FIELD,
  USER_INFO_FIELD_SCOPES,
  V2_USER_FIELDS,
  V2_USER_INFO_URL,
} from '../../src/contract/index.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import { replaceLiteral } from '../../src/codemod/replace-literal.js';
import { isBodyTop } from '../../src/codemod/answer-body.js';
import { clientOfCall } from '../../src/codemod/http-client.js';
import { isTruthinessTest } from '../../src/codemod/rewrite-field-read.js';
import {
  findProperty,
  isCall,
  isFunction,
  isMember,
  keyName,
  memberName,
  objectProperties,
  staticString,
  unwrap,
  type Node,
} from '../../src/detect/ast.js';
import { classifyUrl } from '../../src/detect/classify-url.js';
import { narrowedKey } from '../../src/detect/narrowed-key.js';
import { fieldsReadUnder, fieldsV2Lacks } from './requested-fields.js';
import { calledFunction, Taint } from '../../src/detect/taint.js';
import { callLabel } from '../../src/codemod/todo.js';

/** The v1 user info paths whose answer v2 gives in the shape a v2-minded reader expects: `data.user`. */
export const USER_INFO_PATHS = new Set(['/user/info/', LOGIN_KIT_USER_INFO_PATH]);

/**
 * `const urls = { github: '…', tiktok: 'https://open-api.tiktok.com/user/info/?fields=open_id,display_name' }`,
 * read as `urls[platform]` by the module's one call that serves every platform:
 * `axios.get(urls[platform], { headers: { Authorization: \`Bearer ${token}\` } })`. That call
 * already has v2's shape (a `GET` with the Bearer header and no body), and the fields the URL names
 * are v2's (v1 Login Kit took none, and v1 user info answered them in `data.user` as v2 does), so the
 * entry becomes the v2 user info URL with the same query. Returns the fields asked for, for the scope notes.
 */
export function repointUserInfoForSharedSender(context: CodemodContext): { fields: string[]; at: Node }[] {
  const asked: { fields: string[]; at: Node }[] = [];
  const findings = context.unhandled(
    (finding) => finding.ruleId === 'no-v1-oauth-endpoint' && finding.messageId === 'endpoint' && !!finding.node,
  );
  for (const finding of findings) {
    const literal = finding.node!;
    const text = staticString(literal);
    const match = text === undefined ? undefined : classifyUrl(text);
    if (!text || !match?.v1 || !USER_INFO_PATHS.has(match.v1.path)) continue;
    const senders = bearerGetSenders(context, literal);
    if (!senders) continue;
    // No fields in the URL: the ones the shared answer's `data.user` is read for (`case 'tiktok': data.data.user.open_id`).
    const fields = match.queryStart === -1 ? userFieldsRead(context, senders) : v2Fields(text.slice(match.queryStart + 1));
    if (!fields) continue;
    // `unique_id`, a field v1 answered and v2 does not: the entry asks v2 for the others, and the
    // person picks what stands for it (v2's nearest may need another scope). None left: it waits whole.
    const lacking = fieldsV2Lacks(fields);
    const answered = fields.filter((field) => !lacking.includes(field));
    if (answered.length === 0) {
      context.defer(finding, lackingFieldsReason(context, senders[0], fields, lacking));
      continue;
    }
    // `case 'tiktok': return { id: response.data.data.open_id }`: the user read flat in `data`, where
    // v2 (and v1 before it) answers `data.user`; moved there, or the entry is left to a person.
    const flat = flatUserReads(context, senders, literal);
    if (!flat) continue;
    for (const read of flat) {
      const dot = read.optional ? '?.' : '.';
      context.pathOf(read).replace(context.j.template.expression([`${context.source(read.object)}${dot}user${dot}${memberName(read)}`]));
    }
    replaceLiteral(context, literal, `${V2_USER_INFO_URL}?fields=${answered.join(',')}`);
    context.record(finding, 'rewritten', `now ${V2_USER_INFO_URL}?fields=…, sent by the module's shared GET with Authorization: Bearer`);
    if (lacking.length > 0) context.todoAt(context.index.parent(literal)!, lackingFieldsLeft(lacking), literal);
    asked.push({ fields: answered, at: literal });
  }
  return asked;
}

/**
 * Reads of a user field flat in the shared answers' `data` (`response.data.data.open_id`), each where
 * the key the record is read by is proven to be the entry's (`case 'tiktok':`, `if (platform ===
 * 'tiktok')`, see narrowed-key.ts): another platform's answer may hold `data.username` of its own, and
 * a read narrowed to another entry is that platform's. Undefined when such a read is anywhere else.
 */
function flatUserReads(context: CodemodContext, calls: readonly Node[], literal: Node): Node[] | undefined {
  const property = context.index.parent(literal)!;
  const entry = keyName(property);
  const keys = recordKeys(context, context.index.parent(property)!);
  const taint = new Taint(context.index, new Set(calls));
  const reads: Node[] = [];
  for (const member of [...context.index.ofType('MemberExpression'), ...context.index.ofType('OptionalMemberExpression')]) {
    const field = memberName(member);
    const data = unwrap(member.object);
    if (!field || !V2_USER_FIELDS.has(field) || !isMember(data) || memberName(data) !== 'data' || !taint.has(data.object)) continue;
    // `response.data.username` is the body's own field (another platform's answer), not one inside its `data`.
    if (!isBodyTop(context, unwrap(data.object))) continue;
    const narrowed = keys.map((key) => narrowedKey(key, member, context.index));
    // `case 'twitter': return { name: data.data.username }`: another platform's answer, its own shape.
    if (narrowed.some((key) => key !== undefined && key !== entry) && !narrowed.includes(entry)) continue;
    if (!narrowed.includes(entry)) return undefined;
    reads.push(member);
  }
  return reads;
}

/** The keys a record held by a variable is read by (`platform` of `urls[platform]`). */
function recordKeys(context: CodemodContext, record: Node): Node[] {
  const declarator = context.index.parent(record);
  const binding = declarator?.type === 'VariableDeclarator' ? context.index.resolve(declarator.id) : undefined;
  if (!binding) return [];
  return context.index
    .referencesOf(binding)
    .map((reference) => context.index.parent(reference))
    .filter((read): read is Node => !!read && isMember(read) && read.computed)
    .map((read) => unwrap(read.property));
}

/** `fields=open_id,display_name` and nothing else, each a name v2's user info knows. */
function v2Fields(query: string): string[] | undefined {
  const params = new URLSearchParams(query);
  if ([...params.keys()].some((key) => key !== 'fields')) return undefined;
  const names = (params.get('fields') ?? '').split(',').map((name) => name.trim());
  return names.length > 0 && fieldsV2Lacks(names).length === 0 ? names : undefined;
}

/**
 * The fields read of `data.user` in the answers of the shared calls, each one v2 user info answers;
 * undefined when there is none, or `data.user` is handed on whole. Only v2's shape has `data.user`
 * among the platforms such a call serves (v1 Login Kit answered flat in `data`): those reads are TikTok's.
 */
function userFieldsRead(context: CodemodContext, calls: readonly Node[]): string[] | undefined {
  const names = fieldsReadUnder(context, answerTaint(context, calls), 'user');
  return names && names.size > 0 ? [...names] : undefined;
}

/**
 * The shared answers, followed into the module's own functions they are handed to
 * (`this.normalizeProfileData(platform, response.data)`): the parameter that takes one holds it.
 */
function answerTaint(context: CodemodContext, calls: readonly Node[]): Taint {
  const sources = new Set(calls);
  const first = new Taint(context.index, sources);
  const seeds: Node[] = [];
  for (const call of [...context.index.ofType('CallExpression'), ...context.index.ofType('OptionalCallExpression')]) {
    const fn = calledFunction(context.index, call);
    if (!fn || !isFunction(fn)) continue;
    (call.arguments as Node[]).forEach((argument, position) => {
      const param = fn.params[position] as Node | undefined;
      if (param?.type === 'Identifier' && first.has(argument)) seeds.push(param);
    });
  }
  return seeds.length > 0 ? new Taint(context.index, sources, seeds) : first;
}

/** What a person picks once the entry asks v2 for the fields it has: what stands for the others. */
export function lackingFieldsLeft(lacking: readonly string[]): string {
  const named = lacking.map((field) => `\`${field}\``).join(', ');
  const nearest = lacking.map((field) =>
    NEAREST_V2_FIELD[field]
      ? `v2's nearest to \`${field}\` is \`${NEAREST_V2_FIELD[field]}\`${USER_INFO_FIELD_SCOPES[NEAREST_V2_FIELD[field]] ? ` (scope ${USER_INFO_FIELD_SCOPES[NEAREST_V2_FIELD[field]]})` : ''}`
      : `v2 has nothing like \`${field}\``,
  );
  const some = lacking.some((field) => NEAREST_V2_FIELD[field]);
  const act = some ? "add it to this URL's fields and read it there, or drop the read" : 'drop the read, or take it from elsewhere';
  return `this answer's user is read for ${named} too, which v2 user info does not answer, so ${lacking.length === 1 ? 'that read is' : 'those reads are'} undefined: ${nearest.join('; ')}; ${act}`;
}

/** Why an entry whose answer is read for a field v2 lacks waits: the request, the fields, v2's nearest. */
function lackingFieldsReason(context: CodemodContext, sender: Node, fields: readonly string[], lacking: readonly string[]): string {
  const v2 = [...new Set(fields.map((field) => (lacking.includes(field) ? NEAREST_V2_FIELD[field] : field)).filter(Boolean))];
  const nearest = lacking.map((field) => `\`${field}\`${NEAREST_V2_FIELD[field] ? ` (v2's nearest: \`${NEAREST_V2_FIELD[field]}\`)` : ''}`);
  const scopes = [...new Set(v2.map((field) => USER_INFO_FIELD_SCOPES[field]).filter(Boolean))];
  return `this v1 user info URL is sent by \`${callLabel((node) => context.source(node), sender)}\`, the module's GET with Authorization: Bearer and no body, as v2's user info wants; its answer's user is read for ${fields.map((field) => `\`${field}\``).join(', ')}, and v2 answers no ${nearest.join(', ')}: point the entry at ${V2_USER_INFO_URL}?fields=${v2.join(',')} and read ${lacking.map((field) => (NEAREST_V2_FIELD[field] ? `\`${NEAREST_V2_FIELD[field]}\`` : `another field for \`${field}\``)).join(', ')} there${scopes.length > 0 ? ` (it needs the scope ${scopes.join(' and ')}, beside user.info.basic)` : ''}`;
}

/**
 * The calls that send the record entry holding `literal`, when it is read only by key (`urls[platform]`),
 * straight into the URL of a `fetch` or `axios.get`, or through one name given to it (`const url =
 * urls[key]`, tested for being there); and every such call is a `GET` with no body and an
 * `Authorization` header that starts with "Bearer ". Undefined otherwise.
 */
function bearerGetSenders(context: CodemodContext, literal: Node): Node[] | undefined {
  const property = context.index.parent(literal);
  const record = property && context.index.parent(property);
  const declarator = record && context.index.parent(record);
  if (!property || property.value !== literal || keyName(property) === undefined || record?.type !== 'ObjectExpression') return undefined;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== record || declarator.id.type !== 'Identifier') return undefined;
  const binding = context.index.resolve(declarator.id);
  if (!binding || binding.assignments.length > 0) return undefined;
  const calls: Node[] = [];
  for (const reference of context.index.referencesOf(binding)) {
    const read = context.index.parent(reference);
    if (!read || !isMember(read) || read.object !== reference || !read.computed || staticString(read.property) !== undefined)
      return undefined;
    const sent = sendersOf(context, read);
    if (!sent) return undefined;
    calls.push(...sent);
  }
  return calls.length > 0 && calls.every((call) => isBearerGet(context, call)) ? calls : undefined;
}

/** The calls whose URL is `read`: as their first argument, or through a name tested and then sent. */
function sendersOf(context: CodemodContext, read: Node): Node[] | undefined {
  const parent = context.index.parent(read)!;
  if (isCall(parent) && parent.arguments[0] === read) return [parent];
  if (parent.type !== 'VariableDeclarator' || parent.init !== read || parent.id.type !== 'Identifier') return undefined;
  const binding = context.index.resolve(parent.id);
  if (!binding || binding.assignments.length > 0) return undefined;
  const calls: Node[] = [];
  for (const reference of context.index.referencesOf(binding)) {
    const use = context.index.parent(reference)!;
    if (isCall(use) && use.arguments[0] === reference) calls.push(use);
    else if (!isTruthinessTest(context, reference)) return undefined;
  }
  return calls;
}

/** `fetch(url, { headers })` or `axios.get(url, { headers })`: no method but GET, no body, a Bearer `Authorization`. */
function isBearerGet(context: CodemodContext, call: Node): boolean {
  const kind = clientOfCall(call, context)?.kind;
  const isFetch = kind === 'fetch' || kind === 'undici-fetch';
  const isAxiosGet = kind === 'axios' && isMember(unwrap(call.callee)) && memberName(unwrap(call.callee)) === 'get';
  if ((!isFetch && !isAxiosGet) || call.arguments.length !== 2) return false;
  const options = context.folder.objectOf(call.arguments[1]);
  if (!options || objectProperties(options).length !== options.properties.length) return false;
  const method = findProperty(options, 'method');
  if (findProperty(options, 'body') || findProperty(options, 'data')) return false;
  if (method && staticString(method.value)?.toUpperCase() !== 'GET') return false;
  const headers = findProperty(options, 'headers');
  const header = headers && context.folder.objectOf(headers.value);
  const authorization = header && objectProperties(header).find((entry) => keyName(entry)?.toLowerCase() === 'authorization');
  const value = authorization && unwrap(authorization.value);
  return value?.type === 'TemplateLiteral' && value.quasis[0].value.cooked.startsWith('Bearer ');
}
