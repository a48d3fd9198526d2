import type { CodemodContext } from '../../src/codemod/context.js';
import { clientOfCall } from '../../src/codemod/http-client.js';
import { renameProperty } from '../../src/codemod/rewrite-field-read.js';
import { calleeName, contains, isFunction, isMember, memberName, unwrap, type Node } from '../../src/detect/ast.js';
import type { TikTokRequest } from '../../src/detect/requests.js';

/**
 * `catch (error) { … error.response.data.message … }` around an axios call moved to a v2 OAuth
 * endpoint: axios throws on a refusal, and the answer it holds is v2's error, `{ error,
 * error_description, log_id }`, with no `message` (v1 answered that status word at the envelope's
 * top, §2.7, §2.8). The read takes `error_description`, the text of the refusal; the handler is the
 * `catch` of a `try` the call is awaited in, or a `.catch(…)` on its promise.
 */
export function caughtErrorEdits(context: CodemodContext, request: TikTokRequest): (() => void)[] {
  if (clientOfCall(request.call, context)?.kind !== 'axios') return [];
  const edits: (() => void)[] = [];
  for (const param of caughtParams(context, request.call)) {
    const binding = context.index.resolve(param);
    if (!binding) continue;
    for (const reference of context.index.referencesOf(binding)) {
      const message = messageOfAnswer(context, reference);
      if (message) edits.push(() => renameProperty(context, message, 'error_description'));
    }
  }
  return edits;
}

/** The names the call's rejection is caught under. */
function caughtParams(context: CodemodContext, call: Node): Node[] {
  const params: Node[] = [];
  for (const ancestor of context.index.ancestors(call)) {
    if (isFunction(ancestor)) break;
    if (ancestor.type === 'TryStatement' && ancestor.handler?.param?.type === 'Identifier' && contains(ancestor.block, call))
      params.push(ancestor.handler.param);
  }
  // `axios.post(…).then(…).catch((error) => …)`: the chain the call starts.
  let link: Node = call;
  for (let holder = context.index.parent(link); holder && isMember(holder) && holder.object === link; holder = context.index.parent(link)) {
    const next = context.index.parent(holder);
    if (next?.type !== 'CallExpression' || next.callee !== holder) break;
    const handler = calleeName(next) === 'catch' ? next.arguments[0] : undefined;
    const param = handler && isFunction(unwrap(handler)) ? unwrap(handler).params[0] : undefined;
    if (param?.type === 'Identifier') params.push(param);
    link = next;
  }
  return params;
}

/** `error.response.data.message` (with `?.` anywhere): the `message` member, read off the answer's body. */
function messageOfAnswer(context: CodemodContext, reference: Node): Node | undefined {
  const response = context.index.parent(reference);
  if (!response || !isMember(response) || response.object !== reference || memberName(response) !== 'response') return undefined;
  const body = context.index.parent(response);
  if (!body || !isMember(body) || body.object !== response || memberName(body) !== 'data') return undefined;
  const message = context.index.parent(body);
  return message && isMember(message) && message.object === body && memberName(message) === 'message' && !message.computed
    ? message
    : undefined;
}
