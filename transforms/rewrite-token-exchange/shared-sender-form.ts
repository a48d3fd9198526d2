import type { CodemodContext } from '../../src/codemod/context.js';
import {
  calleeName,
  isCall,
  isMember,
  keyName,
  memberName,
  objectProperties,
  staticString,
  unwrap,
  type Node,
} from '../../src/detect/ast.js';
import { recordKeyReaders } from '../../src/detect/record-key-readers.js';
import { SENDERS } from '../../src/detect/shared-sender.js';
import { v1HabitReads } from '../../src/detect/v2-token-answer-reads.js';

/**
 * The calls that send a token URL kept in a record, read by name in the functions of this module
 * (`axios.post(config.tokenUrl, …)` in `exchangeCodeForToken`): one per reader, or undefined when a
 * reader sends it some other way (handed to a helper, kept for later) or twice.
 */
export function sendersOfRecordEntry(context: CodemodContext, value: Node): Node[] | undefined {
  const key = keyName(context.index.parent(value)!);
  const readers = recordKeyReaders(value, context.index);
  if (readers.length === 0) return undefined;
  const calls: Node[] = [];
  for (const fn of readers) {
    const own = context.index
      .ofType('CallExpression')
      .filter((call) => context.index.functionOf(call) === fn && SENDERS.test(calleeName(call) ?? ''))
      .filter((call) => {
        const url = call.arguments[0] && unwrap(call.arguments[0]);
        return !!url && isMember(url) && memberName(url) === key;
      });
    if (own.length !== 1) return undefined;
    calls.push(own[0]);
  }
  return calls;
}

/**
 * A request every platform shares that already sends, for TikTok, what the v2 token endpoint takes
 * (§2.8): a POST, form-encoded, from a function whose bodies hold each of `fields` (`client_key`, which
 * only TikTok names, among them) and the grant's type, and whose answer is read flat or handed on
 * whole, as every other platform's answer is. Its URL is all that is left to move.
 */
export function sendsV2TokenForm(context: CodemodContext, call: Node, fields: readonly string[], grantType: string): boolean {
  const fn = context.index.functionOf(call);
  if (!fn || !isPost(call) || !isFormEncoded(context, call)) return false;
  const sent = namesSentIn(context, fn);
  if (!fields.every((field) => sent.has(field)) || !sent.has(`=${grantType}`)) return false;
  return v1HabitReads(context.index, { call, chain: [] }).length === 0;
}

function isPost(call: Node): boolean {
  if (calleeName(call) === 'post') return true;
  return optionObjects(call).some((options) =>
    objectProperties(options).some((property) => keyName(property) === 'method' && staticString(property.value)?.toUpperCase() === 'POST'),
  );
}

/** The object literals a call is given after its URL (fetch's init, axios's body and config). */
function optionObjects(call: Node): Node[] {
  return (call.arguments as Node[])
    .slice(1)
    .map(unwrap)
    .filter((arg) => arg.type === 'ObjectExpression');
}

/**
 * A body the client sends form-encoded: `new URLSearchParams(…)` or `qs.stringify(…)` (given or held
 * in a name), got's `form` option, or a plain object under a `Content-Type` of
 * `application/x-www-form-urlencoded`, which axios encodes so.
 */
function isFormEncoded(context: CodemodContext, call: Node): boolean {
  const options = optionObjects(call);
  const values = [(call.arguments as Node[])[1], ...options.map((object) => propertyValue(object, 'body'))];
  if (values.some((value) => value && isFormValue(context, value))) return true;
  if (options.some((object) => propertyValue(object, 'form'))) return true;
  return options.some((object) => {
    const headers = propertyValue(object, 'headers');
    const type = headers && unwrap(headers).type === 'ObjectExpression' ? propertyValue(unwrap(headers), /^content-type$/i) : undefined;
    return !!type && /x-www-form-urlencoded/.test(staticString(unwrap(type)) ?? '');
  });
}

function isFormValue(context: CodemodContext, value: Node): boolean {
  let node = unwrap(value);
  if (node.type === 'Identifier') {
    const binding = context.index.resolve(node);
    if (!binding?.init || binding.assignments.length > 0 || binding.path.length > 0) return false;
    node = unwrap(binding.init);
  }
  if (node.type === 'NewExpression') return node.callee.type === 'Identifier' && node.callee.name === 'URLSearchParams';
  if (!isCall(node)) return false;
  const callee = unwrap(node.callee);
  const owner = isMember(callee) ? unwrap(callee.object) : undefined;
  const isJson = owner?.type === 'Identifier' && owner.name === 'JSON';
  return (calleeName(node) === 'stringify' && !isJson) || (calleeName(node) === 'toString' && !!owner && isFormValue(context, owner));
}

function propertyValue(object: Node, name: string | RegExp): Node | undefined {
  const property = objectProperties(object).find((each) => {
    const key = keyName(each);
    return key !== undefined && (typeof name === 'string' ? key === name : name.test(key));
  });
  return property?.value;
}

/**
 * What the function's bodies name: object keys, `params.client_key = …`, `form.append('code', …)`,
 * and each string value given as `=value` (the grant's type).
 */
export function namesSentIn(context: CodemodContext, fn: Node): Set<string> {
  const names = new Set<string>();
  const own = (node: Node): boolean => context.index.functionOf(node) === fn;
  for (const object of context.index.ofType('ObjectExpression'))
    if (own(object))
      for (const property of objectProperties(object)) {
        const key = keyName(property);
        if (key) names.add(key);
        const text = property.value && staticString(unwrap(property.value));
        if (text !== undefined) names.add(`=${text}`);
      }
  for (const assignment of context.index.ofType('AssignmentExpression')) {
    if (!own(assignment) || !isMember(assignment.left)) continue;
    const name = memberName(assignment.left);
    if (name) names.add(name);
    const text = staticString(unwrap(assignment.right));
    if (text !== undefined) names.add(`=${text}`);
  }
  for (const call of context.index.ofType('CallExpression')) {
    if (!own(call) || !['append', 'set'].includes(calleeName(call) ?? '')) continue;
    const [name, value] = call.arguments as Node[];
    const key = name && staticString(unwrap(name));
    if (key) names.add(key);
    const text = value && staticString(unwrap(value));
    if (text !== undefined) names.add(`=${text}`);
  }
  return names;
}
