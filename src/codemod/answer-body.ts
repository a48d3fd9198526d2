import { calleeName, isCall, isFunction, isMember, memberName, unwrap, type Node } from '../detect/ast.js';
import { calledFunction } from '../detect/taint.js';
import type { CodemodContext } from './context.js';
import type { RawFinding } from '../detect/raw-finding.js';
import type { Taint } from '../detect/taint.js';
import { clientOfCall } from './http-client.js';

/**
 * Whether `holder` is the body of an axios response: `res.data` of `const res = await axios.post(…)`,
 * or `data` taken out of it (`const { data } = await …`). axios puts the body under its own `data`,
 * so a legacy field read right there (`res.data.share_id`) was read at the body's top, where neither
 * API puts it: the id is `res.data.data.publish_id`, the code `res.data.error.code`. A rename by name
 * alone would give `res.data.publish_id` (undefined) and `res.error.code` (a TypeError).
 */
function isAxiosBody(context: CodemodContext, holder: Node): boolean {
  const node = unwrap(holder);
  if (isMember(node) && memberName(node) === 'data') return isAxiosResponse(context, node.object, []);
  if (node.type !== 'Identifier') return false;
  const binding = context.index.resolve(node);
  if (binding?.init === undefined || binding.assignments.length > 0) return false;
  // `const data = res.data`: the body, held under a name of its own.
  if (binding.path.length === 0)
    return unwrap(binding.init) !== node && isMember(unwrap(binding.init)) && isAxiosBody(context, binding.init);
  return binding.path.length === 1 && binding.path[0] === 'data' && isAxiosResponse(context, binding.init, []);
}

/** Whether `value` is an axios response (`await axios.post(…)` or a variable holding one), not a body. */
export function isAxiosResponse(context: CodemodContext, value: Node, seen: Node[] = []): boolean {
  let node = unwrap(value);
  if (node.type === 'AwaitExpression') node = unwrap(node.argument);
  if (isCall(node)) return context.helperCalls.get(node) === 'axios' || clientOfCall(node, context)?.kind === 'axios';
  if (node.type !== 'Identifier' || seen.includes(node)) return false;
  const binding = context.index.resolve(node);
  if (!binding || binding.path.length > 0) return false;
  // `axios.post(…).then((response) => …)`: the callback is given the response.
  if (binding.kind === 'param' && binding.assignments.length === 0) {
    const chained = thenSource(context, binding.id);
    return chained !== undefined && isAxiosResponse(context, chained, [...seen, node]);
  }
  // `let res; if (a) res = await axios.post(…); else res = await axios.get(…);`: every value it is given.
  const values = [...(binding.init ? [binding.init] : []), ...binding.assignments];
  return values.length > 0 && values.every((value) => isAxiosResponse(context, value, [...seen, node]));
}

/** For the first parameter of a `.then` callback (a name or a pattern), what the call before `.then` resolves to. */
export function thenSource(context: CodemodContext, param: Node): Node | undefined {
  const fn = context.index.parent(param);
  if (!fn || !isFunction(fn) || fn.params[0] !== param) return undefined;
  const call = context.index.parent(fn);
  if (!call || !isCall(call) || call.arguments[0] !== fn) return undefined;
  const callee = unwrap(call.callee);
  return isMember(callee) && memberName(callee) === 'then' ? callee.object : undefined;
}

/**
 * Whether `holder` is the top of a parsed answer: axios's body (above), or what `.json()` gives
 * (`const result = await response.json()`, a variable never given another value). Neither API puts
 * its fields there: `result.share_id` was always `undefined`, and its new place is
 * `result.data.publish_id`.
 */
export function isBodyTop(context: CodemodContext, holder: Node, depth = 0): boolean {
  if (isAxiosBody(context, holder)) return true;
  let node = unwrap(holder);
  if (node.type === 'Identifier') {
    const binding = context.index.resolve(node);
    if (!binding?.init || binding.path.length > 0 || binding.assignments.length > 0) return false;
    node = unwrap(binding.init);
  }
  if (node.type === 'AwaitExpression') node = unwrap(node.argument);
  // `res.json().catch(() => ({}))`: the body, or an empty object where it is not JSON.
  while (isCall(node) && calleeName(node) === 'catch' && isMember(unwrap(node.callee))) node = unwrap(unwrap(node.callee).object);
  if (isCall(node) && calleeName(node) === 'json' && isMember(unwrap(node.callee))) return true;
  // `const data = await fetchVideos(id, token)`, a function of the module's that returns `res.json()`.
  const own = depth < 2 && isCall(node) ? calledFunction(context.index, node) : undefined;
  const returned = own ? returnedBy(context, own) : [];
  return returned.length > 0 && returned.every((value) => isBodyTop(context, value, depth + 1));
}

/** What a function returns: its expression body, or the arguments of its own return statements. */
export function returnedBy(context: CodemodContext, fn: Node): Node[] {
  if (fn.body.type !== 'BlockStatement') return [fn.body];
  return context.index
    .ofType('ReturnStatement')
    .filter((statement) => statement.argument && [...context.index.ancestors(statement)].find(isFunction) === fn)
    .map((statement) => statement.argument as Node);
}

/** Whether the field a finding names is read from what `taint` follows: a member of it, or a key of a pattern taking it apart. */
export function readsFrom(context: CodemodContext, taint: Taint, finding: RawFinding): boolean {
  const read = context.index.parent(finding.node!);
  if (read && (read.type === 'MemberExpression' || read.type === 'OptionalMemberExpression') && read.property === finding.node)
    return taint.has(read.object);
  // A destructured field: the pattern it sits in is taken from one of those answers.
  return [...context.index.ancestors(finding.node!)].some((ancestor) => taint.patterns.has(ancestor));
}

/**
 * The name the module holds a request's parsed body under (`const data = await response.json()`,
 * `const { data } = await axios.post(…)`), for advice that names a field's path from it: the init's
 * `upload_url` is that name's `data.upload_url`. Undefined when there is none, or more than one.
 */
export function bodyNameOf(context: CodemodContext, answer: Taint): string | undefined {
  const names = new Set<string>();
  for (const declarator of context.index.ofType('VariableDeclarator')) {
    const pattern = declarator.id;
    const id =
      pattern.type === 'Identifier'
        ? pattern
        : pattern.type === 'ObjectPattern'
          ? (pattern.properties as Node[]).find((entry) => entry.type !== 'RestElement' && entry.value?.type === 'Identifier')?.value
          : undefined;
    if (!id || !declarator.init || !answer.has(declarator.init) || !isBodyTop(context, id)) continue;
    names.add(id.name as string);
  }
  return names.size === 1 ? [...names][0] : undefined;
}
