import type { V1Endpoint } from '../contract/index.js';
import { isCall, isMember, keyName, memberName, staticString, unwrap, type Node } from '../detect/ast.js';
import { classifyUrl } from '../detect/classify-url.js';
import { isExported } from '../detect/endpoints.js';
import { mayBeEntry } from '../detect/narrowed-key.js';
import { namedList } from '../detect/record-key-readers.js';
import type { TikTokRequest } from '../detect/requests.js';
import type { CodemodContext } from './context.js';
import { replaceLiteral } from './replace-literal.js';
import { quoted } from './todo.js';

/**
 * The v1 URL a rewritten request read from a record that stays, because it serves other networks too
 * (`NETWORKS[network].tokenEndpoint` in the `network === 'tiktok'` branch): the request now writes its
 * v2 URL out, and the entry would still spell the retired endpoint. When nothing else in the module
 * can read that entry for TikTok (every other read is of another key, or in a branch on another
 * network), it names the v2 endpoint now; otherwise it gets a TODO that says which line still reads it.
 * Exported values are `repointExportedV1Urls`' concern.
 */
export function settleV1UrlsLeftBehind(
  context: CodemodContext,
  rewritten: readonly TikTokRequest[],
  successorOf: (endpoint: V1Endpoint) => string | undefined,
): void {
  if (rewritten.length === 0) return;
  const { nodes, present } = context.leftBehindBy(rewritten);
  // The entries of one settings object handed to `super(…)`: one TODO for them all, above the first.
  const handedToSuper = new Map<string, { nodes: Node[]; keys: string[]; successors: Set<string> }>();
  for (const node of nodes) {
    if (isExported(node, context.index)) continue;
    const text = staticString(node);
    const match = text === undefined ? undefined : classifyUrl(text);
    const successor = match?.v1 && match.queryStart === -1 ? successorOf(match.v1) : undefined;
    if (!successor) continue;
    const entry = recordEntry(node, context);
    if (!entry) continue;
    const readers = entry.reads.filter((read) => present.has(read));
    const still = readers.flatMap((read) => readsOf(read, entry.path, 0, context)).filter((site) => present.has(site));
    if (still.length === 0) {
      replaceLiteral(context, node, successor);
      continue;
    }
    // Named by its code, not its line: the TODOs this run adds move the lines.
    const reader = quoted(context.source(readingCall(still[0], context)), 50);
    if (readBackThroughSuper(still, node, rewritten, context)) {
      replaceLiteral(context, node, successor);
      const group = handedToSuper.get(reader) ?? { nodes: [], keys: [], successors: new Set<string>() };
      group.nodes.push(node);
      group.keys.push(entry.path.at(-1) ?? context.source(node));
      group.successors.add(successor);
      handedToSuper.set(reader, group);
      continue;
    }
    context.todoAt(
      node,
      `this v1 ${match!.v1!.purpose.replace(/^v1 /, '')} URL is no longer read by the migrated request, but \`${reader}\` reads it or hands it on, maybe for TikTok: move what sends it from there to ${successor} (with the v2 parameters), then point this at it`,
      node,
      'no-v1-oauth-endpoint',
    );
  }
  for (const [reader, { nodes: entries, keys, successors }] of handedToSuper) {
    const named =
      keys.length === 1 ? `${namedList(keys)} now names ${[...successors][0]}` : `${namedList(keys)} now name their v2 endpoints`;
    context.todoAt(
      entries[0],
      `${named}, which this class's own requests send to; \`${reader}\` is handed ${keys.length === 1 ? 'it' : 'them'} too: if the base class sends a request there itself, make that request send the v2 parameters (client_key, not client_id) and read the v2 answer, else nothing is left to do`,
      entries[0],
    );
  }
}

/**
 * The record is handed only to `super(config)`, and the class reads it back (`this.config.tokenUrl`)
 * in the requests just rewritten, which write their v2 URL out now: the entry follows them, so the
 * settings and the code agree. What the base class does with it is out of sight: it sent the v1 URL,
 * where every call fails, so the v2 one loses nothing, but a request of its own needs the v2 parameters.
 */
function readBackThroughSuper(still: readonly Node[], literal: Node, rewritten: readonly TikTokRequest[], context: CodemodContext) {
  const classes = still.map((read) => {
    const call = context.index.parent(read);
    if (!call || !isCall(call) || call.callee.type !== 'Super' || !call.arguments.includes(read)) return undefined;
    return [...context.index.ancestors(call)].find((ancestor) => ancestor.type === 'ClassBody');
  });
  const own = classes[0];
  if (!own || classes.some((body) => body !== own)) return false;
  const readers = rewritten.filter((request) => request.trace.has(literal));
  return readers.length > 0 && readers.every((request) => [...context.index.ancestors(request.call)].includes(own));
}

/** What reads the value: the call it is handed to (`super(config, 'TikTok')`), or the read itself. */
function readingCall(read: Node, context: CodemodContext): Node {
  let node = read;
  for (const ancestor of context.index.ancestors(read)) {
    if (isCall(ancestor)) return ancestor;
    if (ancestor.type.endsWith('Statement') || ancestor.type === 'VariableDeclarator') break;
    node = ancestor;
  }
  return node;
}

/** The binding a literal is the value of, directly or down a record's keys (`NETWORKS.tiktok.tokenEndpoint`). */
export function recordEntry(node: Node, context: CodemodContext): { path: string[]; reads: Node[] } | undefined {
  const path: string[] = [];
  let value = node;
  let parent = context.index.parent(value);
  while (parent && (parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.value === value && !parent.computed) {
    const key = parent.key.type === 'Identifier' ? parent.key.name : staticString(parent.key);
    const object = context.index.parent(parent);
    if (key === undefined || object?.type !== 'ObjectExpression') return undefined;
    path.unshift(key);
    value = object;
    parent = context.index.parent(object);
  }
  const field = parent && classField(parent, value, context);
  if (field) return { path, reads: field };
  if (parent?.type !== 'VariableDeclarator' || unwrap(parent.init ?? parent) !== value || parent.id.type !== 'Identifier') return undefined;
  const binding = context.index.resolve(parent.id);
  if (binding?.kind !== 'const') return undefined;
  const reads = context.index
    .ofType('Identifier')
    .filter((identifier) => identifier !== parent.id && context.index.resolve(identifier) === binding && !isKey(identifier, context));
  return { path, reads };
}

/**
 * `this.refreshTokenUrl = '…'` in a constructor, or a class field `refreshTokenUrl = '…'`: the reads
 * of `this.refreshTokenUrl` in the same class. Undefined for anything else.
 */
function classField(holder: Node, value: Node, context: CodemodContext): Node[] | undefined {
  let name: string | undefined;
  let own: Node | undefined;
  if (
    holder.type === 'AssignmentExpression' &&
    holder.right === value &&
    isMember(holder.left) &&
    holder.left.object.type === 'ThisExpression'
  ) {
    name = memberName(holder.left);
    own = holder.left;
  } else if ((holder.type === 'ClassProperty' || holder.type === 'PropertyDefinition') && holder.value === value && !holder.computed) {
    name = keyName(holder);
  }
  if (!name || ![...context.index.ancestors(holder)].some((ancestor) => ancestor.type === 'ClassBody')) return undefined;
  return context.index.thisMembers(holder).filter((member) => member !== own && memberName(member) === name);
}

/**
 * The name a pattern gives to `key` (`{ tokenEndpoint }`, `{ tokenEndpoint: url }`); null when a rest
 * element may hold it, undefined when the pattern leaves it out.
 */
function destructuredName(pattern: Node, key: string | undefined): { node: Node } | null | undefined {
  for (const property of pattern.properties as Node[]) {
    if (property.type === 'RestElement') return null;
    if (key === undefined || property.computed || keyName(property) !== key) continue;
    const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
    return value.type === 'Identifier' ? { node: value } : null;
  }
  return undefined;
}

/** The key of `{ tokenEndpoint }`, which the parser gives a node of its own beside the value. */
function isKey(identifier: Node, context: CodemodContext): boolean {
  const parent = context.index.parent(identifier);
  return !!parent && (parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.key === identifier && !parent.computed;
}

/**
 * `if (!config)`, `config ? … : …`, `config == null`, `typeof config`, and `keyof typeof config` in a
 * type: looked at, never handed on.
 */
export function onlyTested(expression: Node, parent: Node): boolean {
  if (parent.type === 'TSTypeQuery') return true;
  if (parent.type === 'UnaryExpression') return ['!', 'typeof', 'void'].includes(parent.operator);
  if (parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') return parent.test === expression;
  return parent.type === 'BinaryExpression' && ['==', '===', '!=', '!=='].includes(parent.operator);
}

/**
 * Where `expression`, holding the value at `path[from…]` of the record, is read down to the entry:
 * nothing when it goes to another key, or through a key a branch proves is another network's.
 * `const settings = NETWORKS[network]` is followed to the reads of `settings`, each in its branch.
 */
export function readsOf(expression: Node, path: readonly string[], from: number, context: CodemodContext): Node[] {
  if (from === path.length) return [expression];
  const parent = context.index.parent(expression);
  if (parent && onlyTested(expression, parent)) return [];
  if (!parent || !isMember(parent) || parent.object !== expression) return [expression];
  const name = memberName(parent);
  if (name !== undefined) return name === path[from] ? readsOf(parent, path, from + 1, context) : [];
  const key = unwrap(parent.property);
  const holder = context.index.parent(parent);
  if (holder?.type === 'VariableDeclarator' && holder.init === parent) {
    // `const settings = NETWORKS[network]`, or `const { tokenEndpoint } = NETWORKS[network]`: its reads.
    const destructured = holder.id.type === 'ObjectPattern' ? destructuredName(holder.id, path[from + 1]) : undefined;
    const name = holder.id.type === 'Identifier' ? holder.id : destructured?.node;
    const binding = name && context.index.resolve(name);
    if (holder.id.type === 'ObjectPattern' && destructured === undefined) return [];
    if (binding?.kind !== 'const') return [parent];
    const next = from + (holder.id.type === 'Identifier' ? 1 : 2);
    return context.index
      .ofType('Identifier')
      .filter((identifier) => identifier !== name && context.index.resolve(identifier) === binding && !isKey(identifier, context))
      .flatMap((read) => (mayBeEntry(key, read, context.index, path[from]) ? readsOf(read, path, next, context) : []));
  }
  return mayBeEntry(key, parent, context.index, path[from]) ? readsOf(parent, path, from + 1, context) : [];
}
