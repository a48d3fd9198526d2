import { isFunction, isMember, keyName, memberName, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';

/**
 * The name a function goes by in its module: its own (`function buildAuthUrl`), its variable's
 * (`const buildAuthUrl = () => …`), or its method's (`exchangeCode() {…}`, `refresh: async () => …`).
 */
export function functionName(fn: Node, index: ModuleIndex): string | undefined {
  if (fn.id?.type === 'Identifier') return fn.id.name as string;
  if (fn.type === 'ClassMethod' || fn.type === 'ObjectMethod') return fn.computed ? undefined : keyName(fn);
  const holder = index.parent(fn);
  if (holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier') return holder.id.name as string;
  if (holder && ['MethodDefinition', 'ClassProperty', 'PropertyDefinition', 'ObjectProperty', 'Property'].includes(holder.type))
    return holder.computed ? undefined : keyName(holder);
  return undefined;
}

/**
 * `tokenUrl: 'https://open-api.tiktok.com/oauth/access_token/'` in a record: the functions of this
 * module that read its key (`config.tokenUrl`), named, so that a TODO about the value says which
 * code sends it rather than "a wrapper or a library". Empty for a value that is no record's entry,
 * or whose key no named function reads here.
 */
export function readersOfRecordKey(value: Node, index: ModuleIndex): string[] {
  return [...new Set(recordKeyReaders(value, index).map((fn) => functionName(fn, index)!))];
}

/** The named functions of readersOfRecordKey themselves, for what else a TODO says of them. */
export function recordKeyReaders(value: Node, index: ModuleIndex): Node[] {
  const property = index.parent(value);
  if (!property || !['ObjectProperty', 'Property'].includes(property.type) || property.value !== value) return [];
  const key = keyName(property);
  // `{ facebook: '…', tiktok: '…' }`: a table keyed by platform, read as `table[platform]`; a `.tiktok`
  // read elsewhere is another table's (`PLATFORM_CONFIGS.tiktok`).
  if (!key || PLATFORM_KEY.test(key)) return [];
  const readers = new Set<Node>();
  for (const member of [...index.ofType('MemberExpression'), ...index.ofType('OptionalMemberExpression')]) {
    if (!isMember(member) || memberName(member) !== key || storedAgain(member, index) || onlyChecked(member, index)) continue;
    const fn = index.functionOf(member);
    if (fn && isFunction(fn) && functionName(fn, index)) readers.add(fn);
  }
  return [...readers];
}

const PLATFORM_KEY = /tiktok/i;

/**
 * `options.tokenURL = options.tokenURL || urls[version].tokenURL`: the value set aside for a sender
 * elsewhere (a library's constructor takes the options), not sent by the function that does it.
 */
function storedAgain(member: Node, index: ModuleIndex): boolean {
  let value = member;
  let parent = index.parent(value);
  while (parent && (parent.type === 'LogicalExpression' || parent.type === 'ConditionalExpression')) {
    value = parent;
    parent = index.parent(value);
  }
  return parent?.type === 'AssignmentExpression' && (parent.left === value || parent.right === value);
}

/**
 * `validate() { return !!(this.o.clientId && this.o.tokenUrl); }`, `if (!config.tokenUrl) throw …`:
 * the value tested for being set, which sends nothing and builds nothing.
 */
function onlyChecked(member: Node, index: ModuleIndex): boolean {
  let value = member;
  let parent = index.parent(value);
  while (parent?.type === 'LogicalExpression') {
    value = parent;
    parent = index.parent(value);
  }
  if (parent?.type === 'UnaryExpression' && parent.operator === '!') return true;
  return (parent?.type === 'IfStatement' || parent?.type === 'ConditionalExpression') && parent.test === value;
}

/** `` `buildAuthUrl` `` or `` `exchangeCode` and `refresh` ``, for a sentence. */
export function namedList(names: readonly string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
