import { testTokensInstead } from './tested-envelope.js';
import { isV1ShapeFallback } from '../../src/detect/v1-shape-fallback.js';
import { isTruthinessTest } from '../../src/codemod/rewrite-field-read.js';
import { TOKEN_FIELDS, V1_SUCCESS_WORD, V1_TOKEN_STATUS_FIELDS } from '../../src/contract/index.js';
import { isAxiosResponse, isBodyTop, thenSource } from '../../src/codemod/answer-body.js';
import { returnedBy } from '../../src/codemod/answer-body.js';
import { declarationOf } from '../../src/codemod/answer-types.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import { v1StatusWord } from '../../src/codemod/error-object-tests.js';
import {
  calleeName,
  contains,
  isCall,
  isFunction,
  isMember,
  keyName,
  memberName,
  rangeOf,
  staticString,
  unwrap,
  type Node,
} from '../../src/detect/ast.js';
import type { TikTokRequest } from '../../src/detect/requests.js';
import { isLogCall } from '../../src/detect/log-calls.js';
import { responseTaint } from '../../src/detect/response-fields.js';
import type { Taint } from '../../src/detect/taint.js';

/** What the v1 token answer's `data` held besides the tokens, and the envelope's `message`: v2 has none of them. */
const V1_ONLY = new Set<string>([...V1_TOKEN_STATUS_FIELDS, 'message']);

export type ReadPlan =
  | {
      readonly edits: (() => void)[];
      readonly readsRefreshToken: boolean;
      /** Where the answer leaves whole (returned, handed to a call): its readers there read the v1 shape. */
      readonly handedOn?: Node;
      /** Whether its token fields leave together (`return body.data`): its reader then gets a new refresh_token too. */
      readonly fieldsHandedOn: boolean;
    }
  | { readonly reason: string };

/**
 * `body.data.error_code !== 0` (a failure) → `body.error !== undefined`; `=== 0` → `=== undefined`; as a
 * condition, `body.error`. v2 answers a failure with `error` and `error_description` and a success without.
 */
export function errorTest(context: CodemodContext, member: Node, body: string): { node: Node; text: string } | undefined {
  const parent = context.index.parent(member)!;
  if (parent.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(parent.operator)) {
    const other = parent.left === member ? parent.right : parent.left;
    // `!== 0`, or `!== "0"` (never true of v1's number, so that code took every answer for a failure).
    const zero =
      (other.type === 'NumericLiteral' || other.type === 'StringLiteral' || other.type === 'Literal') && [0, '0'].includes(other.value);
    if (!zero) return undefined;
    const failed = parent.operator.startsWith('!');
    return { node: parent, text: `${body}.error ${failed ? '!==' : '==='} undefined` };
  }
  // `error_code > 0` (or `0 < error_code`): v1's codes are positive on failure, so the same test of failure.
  if (parent.type === 'BinaryExpression' && ['>', '<'].includes(parent.operator)) {
    const [other, operator] = parent.left === member ? [parent.right, '>'] : [parent.left, '<'];
    const zero = (other.type === 'NumericLiteral' || other.type === 'Literal') && other.value === 0;
    if (zero && parent.operator === operator) return { node: parent, text: `${body}.error !== undefined` };
  }
  if ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && parent.test === member)
    return { node: member, text: `${body}.error` };
  if (parent.type === 'UnaryExpression' && parent.operator === '!') return { node: parent, text: `!${body}.error` };
  // `if (!res.ok || body.data?.error_code)`: one side of a test, read for its truth all the same.
  if (inTest(context, member)) return { node: member, text: `${body}.error` };
  // `const errorCode = data.error_code; if (errorCode) throw …`: a name only ever tested for truth.
  if (parent.type === 'VariableDeclarator' && parent.init === member && onlyTestedForTruth(context, parent.id))
    return { node: member, text: `${body}.error` };
  return undefined;
}

/** A value that is one side of `||` or `&&` (at any depth) in the test of an `if`, a ternary or a loop, or under `!`. */
function inTest(context: CodemodContext, node: Node): boolean {
  let side = node;
  let parent = context.index.parent(node);
  while (parent?.type === 'LogicalExpression' && (parent.operator === '||' || parent.operator === '&&')) {
    side = parent;
    parent = context.index.parent(parent);
  }
  if (side === node || !parent) return false;
  if (parent.type === 'UnaryExpression' && parent.operator === '!') return true;
  return ['IfStatement', 'ConditionalExpression', 'WhileStatement', 'DoWhileStatement'].includes(parent.type) && parent.test === side;
}

/** A `const` whose every read is the test of an `if` or a ternary, or negated there. */
function onlyTestedForTruth(context: CodemodContext, id: Node): boolean {
  const binding = id.type === 'Identifier' ? context.index.resolve(id) : undefined;
  if (binding?.kind !== 'const') return false;
  const reads = context.index.ofType('Identifier').filter((other) => other !== id && context.index.resolve(other) === binding);
  return (
    reads.length > 0 &&
    reads.every((read) => {
      let tested = read;
      let parent = context.index.parent(read);
      if (parent?.type === 'UnaryExpression' && parent.operator === '!') {
        tested = parent;
        parent = context.index.parent(parent);
      }
      return (parent?.type === 'IfStatement' || parent?.type === 'ConditionalExpression') && parent.test === tested;
    })
  );
}

/**
 * What holds the v1 envelope `data`, as code, once the answer is flat: `body` for `body.data`, and
 * `data` itself for a `data` taken apart from the answer (`const { data } = …` becomes `const data = …`).
 */
function envelopeHolder(context: CodemodContext, taint: Taint, envelope: Node): string | undefined {
  if (isMember(envelope))
    return memberName(envelope) === 'data' && !isAxiosResponse(context, unwrap(envelope.object))
      ? context.source(envelope.object)
      : undefined;
  if (envelope.type !== 'Identifier') return undefined;
  const binding = context.index.resolve(envelope);
  const taken = [...taint.patterns].some((pattern) =>
    pattern.properties.some(
      (property: Node) =>
        keyName(property) === 'data' && property.value?.type === 'Identifier' && context.index.resolve(property.value) === binding,
    ),
  );
  if (taken && binding) return envelope.name;
  // `const renewed = res.data.data` (or `await res.data.data`): a name for the envelope, which becomes the v2 body.
  let init = binding?.path.length === 0 && binding.init ? unwrap(binding.init) : undefined;
  if (init?.type === 'AwaitExpression') init = unwrap(init.argument);
  return binding?.kind === 'const' && init && isMember(init) && taint.has(init) && envelopeHolder(context, taint, init) !== undefined
    ? envelope.name
    : undefined;
}

/** `body.message !== 'success'` (a failure) → `body.error !== undefined`, and the other three spellings. */
function messageTest(context: CodemodContext, member: Node): { node: Node; text: string } | undefined {
  const status = v1StatusWord(context, member);
  if (!status) return undefined;
  const failed = status.comparison.operator.startsWith('!') === (status.word === V1_SUCCESS_WORD);
  return { node: status.comparison, text: `${context.source(member.object)}.error ${failed ? '!==' : '==='} undefined` };
}

/**
 * The reads of the v1 token answer, planned on the tree as read: the v1 `{ data: { access_token, … },
 * message }` becomes the flat v2 body, so `body.data.access_token` reads `body.access_token` and
 * `const { data } = await res.json()` takes the body whole. axios's own `res.data` (the body) stays.
 * All or nothing: a read of a field v2 does not send (`message`, `data.error_code`) declines the site.
 */
export function planTokenReads(context: CodemodContext, request: TikTokRequest): ReadPlan {
  const taint = responseTaint(context.index, [request]);
  const edits: (() => void)[] = [];
  const members = [...context.index.ofType('MemberExpression'), ...context.index.ofType('OptionalMemberExpression')];
  const mapped = new Set<Node>();
  // The code that runs when an error test above says the refresh or exchange failed.
  const failures: Node[] = [];
  // The status of the v1 answer: `data.error_code` 0 on success, `data.description` the error's text,
  // `message` "success" or "error" beside `data`.
  for (const member of members) {
    const name = memberName(member);
    // `body.error.message` at the answer's top, which v1 never sent (the test before it never passed):
    // v2's `error` is a word, its text `error_description`.
    const errorObject = name === 'message' ? unwrap(member.object) : undefined;
    const top = errorObject && isMember(errorObject) && memberName(errorObject) === 'error' ? unwrap(errorObject.object) : undefined;
    if (top && taint.has(top) && isBodyTop(context, top)) {
      mapped.add(member);
      edits.push(() => context.pathOf(member).replace(context.j.template.expression([`${context.source(top)}.error_description`])));
      continue;
    }
    if (name === 'message' && taint.has(member.object) && !isAxiosResponse(context, unwrap(member.object))) {
      const test = messageTest(context, member);
      if (!test) continue;
      const branch = failureBranch(context, test);
      if (branch) failures.push(branch);
      mapped.add(member);
      edits.push(() => context.pathOf(test.node).replace(context.j.template.expression([test.text])));
      continue;
    }
    if ((name !== 'error_code' && name !== 'description') || !taint.has(member.object)) continue;
    // Read at the answer's top (`const data = response.data; data.error_code`), where v1 never put it:
    // the test means the same, and v2 answers it there.
    const holder = unwrap(member.object);
    const body = envelopeHolder(context, taint, holder) ?? (isBodyTop(context, holder) ? context.source(holder) : undefined);
    if (body === undefined) continue;
    if (name === 'description') {
      mapped.add(member);
      edits.push(() => context.pathOf(member).replace(context.j.template.expression([`${body}.error_description`])));
      continue;
    }
    const test = errorTest(context, member, body);
    if (!test) return { reason: '`error_code` of the v1 token answer is read other than against 0 (v2 sends `error` only on failure)' };
    const branch = failureBranch(context, test);
    if (branch) failures.push(branch);
    mapped.add(member);
    edits.push(() => context.pathOf(test.node).replace(context.j.template.expression([test.text])));
  }
  for (const member of members) {
    if (mapped.has(member) || !taint.has(member.object)) continue;
    const name = memberName(member);
    const holder = unwrap(member.object);
    // `body.scope.split(' ')`: v2 answers the granted scopes joined by commas (API-CONTRACT §2.8), so
    // split by a space the list is one item; v1's flat read was undefined, so the code never split one.
    const separator = name === 'scope' ? spaceSeparator(context, member) : undefined;
    if (separator) edits.push(() => context.pathOf(separator).replace(context.j.template.expression([commaIn(context, separator)])));
    if (name === 'data' && [...mapped].some((read) => unwrap(read.object) === member)) continue;
    if (name === 'data' && !isAxiosResponse(context, holder) && isV1ShapeFallback(context.index, member)) continue;
    if (name === 'data' && !isAxiosResponse(context, holder)) {
      if (isTruthinessTest(context, member)) {
        edits.push(() => testTokensInstead(context, member));
        continue;
      }
      // `throw new Error(body.data || 'failed')` where an error test says it failed: v1's `data` held the
      // error there, whose text v2 gives as `error_description` (the body whole would read "[object Object]").
      const outer = context.index.parent(member);
      const whole = !(outer && isMember(outer) && unwrap(outer.object) === member);
      if (whole && failures.some((branch) => contains(branch, member))) {
        edits.push(() => readErrorDescription(context, member));
        continue;
      }
      // The v1 envelope's `data`: the v2 body holds its fields itself.
      edits.push(() => context.pathOf(member).replace(context.j.template.expression([context.source(member.object)])));
      continue;
    }
    // `body.error_description || body.message || 'failed'`: undefined in v2, the fallback goes on.
    const parent = context.index.parent(member);
    if (name === 'message' && parent?.type === 'LogicalExpression' && ['||', '??'].includes(parent.operator)) continue;
    // `throw new Error(`refresh failed: ${body.message}`)` where an error test says it failed: v1's word
    // ("error") there is the failure's text, which v2 gives as `error_description`.
    if (name === 'message' && !isAxiosResponse(context, holder) && failures.some((branch) => contains(branch, member))) {
      edits.push(() => readErrorDescription(context, member));
      continue;
    }
    if (name && V1_ONLY.has(name) && !isAxiosResponse(context, holder))
      return { reason: `\`${name}\` of the v1 token answer is not in the v2 one (errors come as \`error\` and \`error_description\`)` };
  }
  for (const pattern of taint.patterns) {
    const data = pattern.properties.find((property: Node) => keyName(property) === 'data');
    if (!data) continue;
    const source = destructured(context, pattern);
    if (source && isAxiosResponse(context, source)) continue;
    // A callback's `({ data })` of a parsed body would become its parameter whole, which the layout-keeping
    // rewrite of the call it is chained on cannot print: left to a person.
    if (context.index.parent(pattern)?.type !== 'VariableDeclarator')
      return { reason: 'the token answer is taken apart where the codemod cannot tell its shape' };
    if (pattern.properties.length !== 1) return { reason: 'the token answer is taken apart together with fields v2 does not send' };
    // `const { data } = body` → `const data = body`; `const { data: { access_token } } = body` → `const { access_token } = body`.
    const value = data.value.type === 'AssignmentPattern' ? undefined : data.value;
    if (!value) return { reason: 'the token answer `data` has a default value here' };
    edits.push(() => context.pathOf(pattern).replace(value));
  }
  const readsRefreshToken =
    members.some((member) => memberName(member) === 'refresh_token' && taint.has(member.object)) ||
    [...taint.patterns].some(
      (pattern) =>
        JSON.stringify(pattern.properties.map((property: Node) => keyName(property))).includes('refresh_token') ||
        pattern.properties.some(
          (property: Node) =>
            property.value?.type === 'ObjectPattern' && property.value.properties.some((inner: Node) => keyName(inner) === 'refresh_token'),
        ),
    );
  const { answer, fields } = handedOn(context, request, taint);
  return { edits, readsRefreshToken, handedOn: answer, fieldsHandedOn: fields };
}

/** The separator of `scope.split(' ')` (or `/ /`, `/\\s+/`) on a read of the answer's `scope`. */
function spaceSeparator(context: CodemodContext, member: Node): Node | undefined {
  const split = context.index.parent(member);
  if (!split || !isMember(split) || unwrap(split.object) !== member || memberName(split) !== 'split') return undefined;
  const call = context.index.parent(split);
  const separator = call && isCall(call) && call.callee === split ? (call.arguments as Node[])[0] : undefined;
  if (!separator) return undefined;
  const value =
    separator.type === 'RegExpLiteral'
      ? `/${separator.pattern}/`
      : separator.type === 'Literal' && separator.regex
        ? `/${separator.regex.pattern}/`
        : staticString(separator);
  return value === ' ' || value === '/ /' || value === '/\\s+/' || value === '/\\s/' ? separator : undefined;
}

/** `','` in the quotes the separator was written in, or the file's own for a regular expression. */
function commaIn(context: CodemodContext, separator: Node): string {
  const written = context.source(separator)[0];
  const quote = written === '"' || written === "'" ? written : context.quote === 'double' ? '"' : "'";
  return `${quote},${quote}`;
}

/** A read of the v1 answer that stands for the failure's text (`body.message`, `body.data`) → `body.error_description`. */
function readErrorDescription(context: CodemodContext, member: Node): void {
  context.pathOf(member).replace(context.j.template.expression([`${context.source(member.object)}.error_description`]));
}

/**
 * What a pattern takes apart: a declarator's value (`const { data } = body`), or the value a `.then`
 * callback is given (`.then(({ data }) => …)`: what the call before `.then` resolves to, an axios
 * response whose `data` is the body).
 */
function destructured(context: CodemodContext, pattern: Node): Node | undefined {
  const holder = context.index.parent(pattern);
  if (holder?.type === 'VariableDeclarator' && holder.id === pattern) return holder.init ?? undefined;
  return thenSource(context, pattern);
}

/** Fields of a v1 or v2 token answer: a name destructured as one of them holds that field. */
const TOKEN_ANSWER_FIELDS: ReadonlySet<string> = new Set([...TOKEN_FIELDS, 'token_type']);

/** `\`failed: ${JSON.stringify(body)}\``: a value written into a message, which nobody reads fields of. */
function inText(context: CodemodContext, call: Node): boolean {
  const parent = context.index.parent(call);
  return parent?.type === 'TemplateLiteral' || (parent?.type === 'BinaryExpression' && parent.operator === '+');
}

/** A call that logs, or one whose value only a logging call takes (`console.log(JSON.stringify(body))`). */
function logged(context: CodemodContext, call: Node): boolean {
  for (let node: Node | undefined = call; node && !node.type.endsWith('Statement'); node = context.index.parent(node))
    // Logging a value hands it to nobody who reads its fields.
    if (isLogCall(node)) return true;
  return false;
}

/**
 * The first place the v1 answer leaves whole (`answer`): `return response.data`, `res.send(json)`,
 * `callback(null, body)`. Its reader there (a caller, the browser) reads `data.access_token`; the
 * answer it gets is flat from now on. Reading `body.data` and handing that on is fine: that becomes
 * the flat body, with the same fields (`fields`: its reader gets every token field, a new
 * refresh_token among them).
 */
function handedOn(context: CodemodContext, request: TikTokRequest, taint: Taint): { answer?: Node; fields: boolean } {
  const own = new Set<Node>([request.call, ...request.chain]);
  const whole = (node: Node, depth = 0): boolean => {
    const value = unwrap(node);
    if (!taint.has(value)) return false;
    if (value.type === 'AwaitExpression') return whole(value.argument, depth);
    // `return await refreshToken(connection)`: a function of the module's own hands on what it returns, a token field maybe.
    const local = isCall(value) && unwrap(value.callee).type === 'Identifier' ? context.folder.valueNode(unwrap(value.callee)) : undefined;
    if (local && isFunction(local)) return depth < 4 && returnedBy(context, local).some((inner) => whole(inner, depth + 1));
    // `.then(({ data }) => ({ token: data.access_token }))`: the chain gives what its last callback returns.
    const callee = isCall(value) ? unwrap(value.callee) : undefined;
    if (callee && isMember(callee) && memberName(callee) === 'then') {
      const callback = value.arguments[0] && unwrap(value.arguments[0]);
      return !!callback && isFunction(callback) && returnedBy(context, callback).some((inner) => whole(inner));
    }
    // A field of the answer is no answer; axios' own `response.data` is the body.
    if (isMember(value) && taint.has(value.object) && !isAxiosResponse(context, unwrap(value.object))) return false;
    // `const { access_token, scope } = res.data.data`: a token field taken out by name, no answer either.
    const binding = value.type === 'Identifier' ? context.index.resolve(value) : undefined;
    // `const accessToken = await getValidToken(connection)`: what the name holds is what its value is.
    if (binding?.kind === 'const' && binding.path.length === 0 && binding.init && depth < 4 && !whole(binding.init, depth + 1))
      return false;
    return !(binding && (TOKEN_ANSWER_FIELDS.has(binding.path.at(-1) ?? '') || knownMissing(context, value)));
  };
  const returns = context.index.ofType('ReturnStatement').filter((statement) => statement.argument);
  const returned = returns
    .filter((statement) => !declaredFlat(context, statement) && !returnsToOwnClass(context, statement))
    .map((statement) => statement.argument as Node);
  const handed = [...context.index.ofType('CallExpression'), ...context.index.ofType('OptionalCallExpression')]
    .filter(
      (call) => !own.has(call) && !['then', 'parse'].includes(calleeName(call) ?? '') && !logged(context, call) && !inText(context, call),
    )
    .flatMap((call) => call.arguments as Node[]);
  // `body.data`, or a name bound to it (`const { data } = body`, `const tokens = body.data`).
  const envelopeData = (node: Node): boolean => {
    const value = unwrap(node);
    if (isMember(value)) return memberName(value) === 'data' && taint.has(value.object) && !isAxiosResponse(context, unwrap(value.object));
    const binding = value.type === 'Identifier' ? context.index.resolve(value) : undefined;
    return (
      !!binding?.init && (binding.path.length > 0 ? binding.path.at(-1) === 'data' && taint.has(binding.init) : envelopeData(binding.init))
    );
  };
  const answer = [...returned, ...handed].filter((node) => whole(node)).sort((a, b) => rangeOf(a)[0] - rangeOf(b)[0])[0];
  return { answer, fields: [...returns.map((statement) => statement.argument as Node), ...handed].some(envelopeData) };
}

/**
 * `if (tokens) { … } else { res.status(400).send(tokens) }`: where the name is sent, a test above has
 * found it empty (the `else` of `if (tokens)`, the body of `if (!tokens)`), so no answer leaves there.
 */
function knownMissing(context: CodemodContext, name: Node): boolean {
  const binding = context.index.resolve(name);
  const names = (test: Node) => unwrap(test).type === 'Identifier' && context.index.resolve(unwrap(test)) === binding;
  let child = name;
  for (const ancestor of context.index.ancestors(name)) {
    if (isFunction(ancestor)) return false;
    if (ancestor.type === 'IfStatement') {
      const test = unwrap(ancestor.test);
      if (ancestor.alternate === child && names(test)) return true;
      if (ancestor.consequent === child && test.type === 'UnaryExpression' && test.operator === '!' && names(test.argument)) return true;
    }
    child = ancestor;
  }
  return false;
}

/**
 * A return from a function declared to give the flat token answer (`Promise<{ access_token: string;
 * refresh_token: string }>`, or a type of this module so shaped): its callers were written for the
 * v2 shape, which is what they get now.
 */
function declaredFlat(context: CodemodContext, statement: Node): boolean {
  const fn = [...context.index.ancestors(statement)].find((node) => /Function|Method/.test(node.type) && node.type !== 'TSMethodSignature');
  let type = fn?.returnType?.typeAnnotation ?? fn?.value?.returnType?.typeAnnotation;
  if (type?.type === 'TSTypeReference' && type.typeName.name === 'Promise') type = (type.typeArguments ?? type.typeParameters)?.params?.[0];
  if (type?.type === 'TSTypeReference' && type.typeName.type === 'Identifier') {
    const declared = declarationOf(context, type.typeName.name);
    type = declared?.body ?? declared?.typeAnnotation;
  }
  const members: Node[] = type?.body ?? type?.members ?? [];
  const keys = members.map((member) => keyName(member));
  return keys.includes('access_token') && !keys.includes('data');
}

/**
 * The branch of the `if` an error test stands in that runs on a failure: its consequent where the
 * test is true of a failure (`body.error !== undefined`, `body.error`), else its alternate.
 */
function failureBranch(context: CodemodContext, test: { node: Node; text: string }): Node | undefined {
  const statement = [...context.index.ancestors(test.node)].find((ancestor) => ancestor.type === 'IfStatement');
  if (!statement || !contains(statement.test, test.node)) return undefined;
  const trueOnFailure = !test.text.startsWith('!') && !test.text.endsWith('=== undefined');
  return trueOnFailure ? statement.consequent : (statement.alternate ?? undefined);
}

/**
 * `private async fetchToken() { … return await res.json(); }`: a private method answers only the
 * class's own methods, in this module, where the taint follows the answer and its reads are planned
 * with the call's. Its return hands nothing out of sight.
 */
function returnsToOwnClass(context: CodemodContext, statement: Node): boolean {
  const fn = context.index.functionOf(statement);
  if (!fn) return false;
  const method = fn.type === 'ClassMethod' || fn.type === 'ClassPrivateMethod' ? fn : context.index.parent(fn);
  if (!method || !['ClassMethod', 'ClassPrivateMethod', 'MethodDefinition'].includes(method.type)) return false;
  return method.accessibility === 'private' || method.key?.type === 'PrivateName' || method.key?.type === 'PrivateIdentifier';
}
