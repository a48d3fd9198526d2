import { calleeName, isMember, unwrap, type Node } from './ast.js';
import type { Binding, ModuleIndex } from './module-index.js';

/**
 * The request of the same function that sends a URL kept for several platforms: `tokenUrl = '…'` in
 * the switch's TikTok case, then `axios.get(tokenUrl, { params })` below it; or `tiktok: '…'` in a
 * table `revokeEndpoints`, then `const endpoint = revokeEndpoints[platform]` and
 * `axios.post(endpoint, …)`. The codemod cannot rewrite that request for TikTok alone, but its TODO
 * can point at it, rather than at "a wrapper or a library". Undefined when no such call is in the
 * function (the value leaves it), or more than one is.
 */
export function sharedSenderOf(value: Node, index: ModuleIndex): Node | undefined {
  const fn = index.functionOf(value);
  if (!fn) return undefined;
  const binding = holderBinding(value, index);
  if (!binding) return undefined;
  const senders = new Set<Node>();
  for (const reference of index.referencesOf(binding)) {
    if (index.functionOf(reference) !== fn) continue;
    const sender =
      callSending(reference, index) ??
      callSending(entryRead(reference, index), index) ??
      callSending(entryTaken(reference, index, fn), index);
    if (sender) senders.add(sender);
  }
  return senders.size === 1 ? [...senders][0] : undefined;
}

/** The variable that holds the value: assigned (`url = '…'`), declared with it, or a table holding it as an entry. */
function holderBinding(value: Node, index: ModuleIndex): Binding | undefined {
  let parent = index.parent(value);
  if (parent && ['ObjectProperty', 'Property'].includes(parent.type) && parent.value === value) {
    const table = index.parent(parent);
    parent = table && index.parent(table);
    if (parent?.type !== 'VariableDeclarator' || parent.init !== table) return undefined;
  }
  const id =
    parent?.type === 'AssignmentExpression' && parent.operator === '=' && parent.right === value
      ? parent.left
      : parent?.type === 'VariableDeclarator'
        ? parent.id
        : undefined;
  return id?.type === 'Identifier' ? index.resolve(id) : undefined;
}

/** `table[platform]`, read where it is sent (`axios.post(tokenUrls[platform], …)`). */
function entryRead(reference: Node, index: ModuleIndex): Node | undefined {
  const member = index.parent(reference);
  return member && isMember(member) && member.object === reference && member.computed ? member : undefined;
}

/** `const endpoint = table[platform]`: the name the entry is taken under, in the same function. */
function entryTaken(reference: Node, index: ModuleIndex, fn: Node): Node | undefined {
  const member = entryRead(reference, index);
  const declarator = member && index.parent(member);
  if (!member || declarator?.type !== 'VariableDeclarator' || declarator.init !== member || declarator.id.type !== 'Identifier')
    return undefined;
  const binding = index.resolve(declarator.id);
  if (!binding || binding.assignments.length > 0) return undefined;
  // `if (!endpoint) throw …`: a test that the platform has one is no use of the URL.
  const uses = index.referencesOf(binding).filter((use) => index.functionOf(use) === fn && !isPresenceTest(use, index));
  return uses.length === 1 ? uses[0] : undefined;
}

/** `!url`, `if (url)`, `url ? … : …`: the value only tested for being there. */
function isPresenceTest(use: Node, index: ModuleIndex): boolean {
  const parent = index.parent(use);
  if (parent?.type === 'UnaryExpression' && parent.operator === '!') return true;
  return (parent?.type === 'IfStatement' || parent?.type === 'ConditionalExpression') && parent.test === use;
}

/** The call that sends the URL as its first argument (`axios.get(url, …)`, `fetch(url, …)`). */
function callSending(url: Node | undefined, index: ModuleIndex): Node | undefined {
  const call = url && index.parent(url);
  if (call?.type !== 'CallExpression' && call?.type !== 'OptionalCallExpression') return undefined;
  if (unwrap(call.arguments[0] ?? call) !== url) return undefined;
  const name = calleeName(call);
  return name !== undefined && SENDERS.test(name) ? call : undefined;
}

/** The names of the calls that send a request: fetch, and the HTTP clients' methods. */
export const SENDERS = /^(?:fetch|get|post|put|request|axios|got|ky|\$fetch|ofetch)$/;

/**
 * The function that builds a URL from a platform table declared in it (`const baseUrls = { …,
 * tiktok: '…' }`, then `${baseUrls[platform]}?${params}`): the code that builds the query for every
 * platform, named by a TODO about the value. Undefined for a table read nowhere in its function.
 */
export function tableReaderFunction(value: Node, index: ModuleIndex): Node | undefined {
  const fn = index.functionOf(value);
  const binding = fn && holderBinding(value, index);
  if (!binding) return undefined;
  const read = index.referencesOf(binding).some((reference) => index.functionOf(reference) === fn && entryRead(reference, index));
  return read ? fn : undefined;
}
