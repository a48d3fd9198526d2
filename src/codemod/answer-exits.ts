import { calleeName, isFunction, isIdentifier, isMember, memberName, unwrap, type Node } from '../detect/ast.js';
import { exportedNodes } from '../detect/module-exports.js';
import type { Taint } from '../detect/taint.js';
import { returnedBy, thenSource } from './answer-body.js';
import type { CodemodContext } from './context.js';

/**
 * Where a migrated upload's answer leaves the module whole, to readers the codemod cannot see:
 * `returned` by a function the module exports (or a method of a class, or of an instance, it
 * exports), or `sent` as the body of an HTTP response (`res.json(response.data)`,
 * `res.status(200).json({ data: result })`), also as JSON text (`return JSON.stringify(json)`). Those readers were written for the Share Video answer.
 * A field read and handed on (`return res.data.data.publish_id`) is renamed where it is read; a
 * function the module itself calls hands the answer to code the codemod follows.
 */
export interface AnswerExit {
  readonly kind: 'returned' | 'sent';
  /** The answer, or the envelope `data` it was read from. */
  readonly node: Node;
}

export function answerExits(context: CodemodContext, taint: Taint): AnswerExit[] {
  const exits: AnswerExit[] = [];
  const exported = exportedFunctions(context);
  for (const statement of context.index.ofType('ReturnStatement')) {
    if (!statement.argument) continue;
    const fn = [...context.index.ancestors(statement)].find(isFunction);
    const node = fn && exported.has(fn) ? carried(context, taint, statement.argument) : undefined;
    if (node) exits.push({ kind: 'returned', node });
  }
  for (const call of context.index.ofType('CallExpression')) {
    if (!SENDS.has(calleeName(call) ?? '') || !isMember(unwrap(call.callee))) continue;
    const node = (call.arguments as Node[]).map((argument) => carried(context, taint, argument)).find(Boolean);
    if (node) exits.push({ kind: 'sent', node });
  }
  return exits;
}

/** What sends a response body: Express's `res.json` and `res.send`, `NextResponse.json`, `Response.json`. */
const SENDS = new Set(['json', 'send']);
const MAX_DEPTH = 8;

/**
 * The answer whole, or an entry of an object literal that holds it (`{ success: true, data: response.data }`)
 * or spreads it (`{ ...response.data, ok: true }`).
 */
function carried(context: CodemodContext, taint: Taint, node: Node): Node | undefined {
  const value = unwrap(node);
  const candidates = entriesOf(value);
  const whole = (inner: Node) => isWhole(context, taint, inner);
  // `const results = {}; … results.tiktok = answer; res.json({ results })`: a record the answer is put in.
  return candidates.find(whole) ?? candidates.flatMap((inner) => filledIn(context, unwrap(inner))).find(whole);
}

/**
 * What is put into a record named `record` later: an object literal's `record.key = value` and
 * `record[key] = value`, an array literal's `record.push(value)`; a pushed object literal
 * (`results.push({ platform, data: answer })`) brings its entries.
 */
function filledIn(context: CodemodContext, record: Node): Node[] {
  if (record.type !== 'Identifier') return [];
  const binding = context.index.resolve(record);
  const init = binding?.init && binding.path.length === 0 ? unwrap(binding.init) : undefined;
  const names = (node: Node) => node.type === 'Identifier' && context.index.resolve(node) === binding;
  if (init?.type === 'ArrayExpression')
    return context.index
      .ofType('CallExpression')
      .filter((call) => {
        const callee = unwrap(call.callee);
        return isMember(callee) && memberName(callee) === 'push' && names(unwrap(callee.object));
      })
      .flatMap((call) => (call.arguments as Node[]).flatMap((argument) => entriesOf(unwrap(argument))));
  if (init?.type !== 'ObjectExpression') return [];
  return context.index
    .ofType('AssignmentExpression')
    .filter((assignment) => assignment.operator === '=' && isMember(assignment.left) && names(unwrap(assignment.left.object)))
    .map((assignment) => assignment.right as Node);
}

/** An object literal's values and spread arguments (`{ data: answer, ...body }`), or the value itself. */
function entriesOf(value: Node): Node[] {
  if (value.type !== 'ObjectExpression') return [value];
  return (value.properties as Node[]).flatMap((entry) =>
    entry.type === 'SpreadElement' ? [entry.argument as Node] : entry.type === 'ObjectProperty' ? [entry.value as Node] : [],
  );
}

/**
 * The answer, its body (`response.data`, `await res.json()`, a `.then` that returns either) or its
 * envelope (`body.data`), directly or through names bound to them; not a field of it
 * (`data.publish_id`, `body.error.message || 'failed'`) nor a value computed from it.
 */
function isWhole(context: CodemodContext, taint: Taint, node: Node, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const whole = (inner: Node) => isWhole(context, taint, inner, depth + 1);
  const value = unwrap(node);
  switch (value.type) {
    case 'AwaitExpression':
      return whole(value.argument);
    // `res.data || {}`, `ok ? body : fallback`: either side may be what leaves.
    case 'LogicalExpression':
      return whole(value.left) || whole(value.right);
    case 'ConditionalExpression':
      return whole(value.consequent) || whole(value.alternate);
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return memberName(value) === 'data' && whole(value.object);
    case 'Identifier': {
      const binding = context.index.resolve(value);
      // `postToTikTok(…).then((result) => …)`: the callback's parameter is what the call resolves to.
      const source = binding?.kind === 'param' && binding.path.length === 0 ? thenSource(context, binding.id) : undefined;
      if (source) return whole(source);
      if (!taint.has(value)) return false;
      // A parameter, or a name assigned later: tainted as a whole.
      if (!binding?.init) return true;
      return binding.path.every((key) => key === 'data') && whole(binding.init);
    }
    case 'CallExpression':
    case 'OptionalCallExpression': {
      if (context.helperCalls.has(value) || taint.isSource(value)) return true;
      const callee = unwrap(value.callee);
      // A function of the module's own that hands the answer on (`return await postToTikTok(…)`).
      const local = callee.type === 'Identifier' ? context.folder.valueNode(callee) : undefined;
      if (local && isFunction(local)) return returnedBy(context, local).some(whole);
      if (!isMember(callee)) return false;
      if (memberName(callee) === 'json') return whole(callee.object);
      // `upload(…).catch(report)`, `.finally(done)`: on success, the same answer.
      if (memberName(callee) === 'catch' || memberName(callee) === 'finally') return whole(callee.object);
      // `return JSON.stringify(json)`: the same answer, as text its readers parse back.
      if (memberName(callee) === 'stringify' && isIdentifier(unwrap(callee.object), 'JSON'))
        return value.arguments[0] !== undefined && whole(value.arguments[0]);
      const callback = memberName(callee) === 'then' && value.arguments[0] ? unwrap(value.arguments[0]) : undefined;
      return !!callback && isFunction(callback) && returnedBy(context, callback).some(whole);
    }
    default:
      return false;
  }
}

/** The functions whose return values leave the module: exported ones, and the methods of exported classes and instances. */
function exportedFunctions(context: CodemodContext): Set<Node> {
  const functions = new Set<Node>();
  const add = (node: Node, depth: number): void => {
    let value = context.folder.valueNode(node) ?? unwrap(node);
    // `export default new TikTokService()`: the instance's methods are called from out of sight.
    if (value.type === 'NewExpression' && value.callee.type === 'Identifier') value = context.folder.valueNode(value.callee) ?? value;
    if (isFunction(value)) functions.add(value);
    if (value.type === 'ClassDeclaration' || value.type === 'ClassExpression')
      for (const member of value.body.body as Node[]) {
        const method = member.type === 'ClassMethod' ? member : member.value && unwrap(member.value);
        // `private postToPlatform()`, `#send()`: called by the class's own methods only, whose reads the run follows.
        if (method && isFunction(method) && member.kind !== 'constructor' && !isPrivate(member)) functions.add(method);
      }
    // `export const SocialMediaService = { tiktok: { async post() { … } } }`: a service object's methods.
    if (value.type === 'ObjectExpression' && depth < 2)
      for (const property of value.properties as Node[])
        if (property.type === 'ObjectMethod' || property.type === 'ObjectProperty')
          add(property.type === 'ObjectMethod' ? property : property.value, depth + 1);
  };
  for (const [, node] of exportedNodes(context.index, context.folder)) add(node, 0);
  return functions;
}

/** A class member no code outside the class can call: TypeScript's `private`, or a `#name`. */
function isPrivate(member: Node): boolean {
  return member.accessibility === 'private' || member.key?.type === 'PrivateName' || member.type === 'ClassPrivateMethod';
}
