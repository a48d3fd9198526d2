import { isIdentifier, staticString, unwrap, type Node } from './ast.js';
import { knownTests } from './known-tests.js';
import type { ModuleIndex } from './module-index.js';

/**
 * `oauthConfig[platform]` where `platform === 'tiktok'` holds: a service for several networks keeps
 * one record per network and branches on the key (`if (platform === 'tiktok') { … config.tokenUrl … }`,
 * `case 'tiktok':` of `switch (platform)`, `platform === 'tiktok' ? … : …`). Read inside such a
 * branch, the record is the TikTok entry. The key must never be reassigned, or the branch proves
 * nothing about the read.
 */
export function narrowedKey(key: Node, site: Node, index: ModuleIndex): string | undefined {
  return keyFacts(key, site, index)?.is;
}

/** What the branches around `site` prove of `key`: the value it holds, or values it does not. */
interface KeyFacts {
  readonly is?: string;
  readonly not: ReadonlySet<string>;
}

/**
 * Whether a read by `key` at `site` may be the entry `entry`: not inside a branch that proves the key
 * is another (`if (key === 'youtube')`) or is not this one (the `else` of `if (key === 'tiktok')`).
 */
export function mayBeEntry(key: Node, site: Node, index: ModuleIndex, entry: string): boolean {
  const facts = keyFacts(key, site, index);
  return !facts || ((facts.is === undefined || facts.is === entry) && !facts.not.has(entry));
}

function keyFacts(key: Node, site: Node, index: ModuleIndex): KeyFacts | undefined {
  const sameKey = sameKeyTest(key, index);
  if (!sameKey) return undefined;
  const not = new Set<string>();
  for (const known of knownTests(site, index)) {
    if ('switchOn' in known) {
      const is = sameKey(known.switchOn) ? staticString(known.test) : undefined;
      if (is !== undefined) return { is, not };
      continue;
    }
    // Where the test holds, every operand of an `&&` does; where it failed, no operand of an `||` held.
    const chain = known.holds ? '&&' : '||';
    const is = keyTested(known.test, sameKey, known.holds ? '===' : '!==', chain);
    if (is !== undefined) return { is, not };
    const isNot = keyTested(known.test, sameKey, known.holds ? '!==' : '===', chain);
    if (isNot !== undefined) not.add(isNot);
  }
  return { not };
}

/**
 * How to tell the key again where it is tested: the same binding, never reassigned; or `this.network`
 * of a class that sets it only in its constructor (a field the instance keeps), in the same class.
 */
function sameKeyTest(key: Node, index: ModuleIndex): ((node: Node) => boolean) | undefined {
  if (key.type === 'Identifier') {
    const binding = index.resolve(key);
    if (!binding || binding.assignments.length > 0 || binding.appends.length > 0 || binding.kind === 'let' || binding.kind === 'var')
      return undefined;
    return (node: Node) => {
      const expression = unwrap(node);
      return isIdentifier(expression, key.name) && index.resolve(expression) === binding;
    };
  }
  const field = thisField(key);
  const owner = field && classOf(key, index);
  if (!field || !owner || setOutsideConstructor(owner, field, index)) return undefined;
  return (node: Node) => thisField(unwrap(node)) === field && classOf(node, index) === owner;
}

/** `this.network`: the field's name. */
function thisField(node: Node): string | undefined {
  if ((node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') || node.computed) return undefined;
  return unwrap(node.object).type === 'ThisExpression' && node.property.type === 'Identifier' ? (node.property.name as string) : undefined;
}

/** The class a node is written in (arrow functions keep the class's `this`; other functions have their own). */
function classOf(node: Node, index: ModuleIndex): Node | undefined {
  for (const ancestor of index.ancestors(node)) {
    if (ancestor.type === 'ClassBody') return ancestor;
    if (ancestor.type === 'FunctionDeclaration' || ancestor.type === 'FunctionExpression') {
      const holder = index.parent(ancestor);
      if (holder?.type !== 'ClassMethod' && holder?.type !== 'MethodDefinition') return undefined;
    }
  }
  return undefined;
}

/** `this.network = …` anywhere in the class but its constructor. */
function setOutsideConstructor(owner: Node, field: string, index: ModuleIndex): boolean {
  return index.ofType('AssignmentExpression').some((assignment) => {
    if (thisField(unwrap(assignment.left)) !== field || classOf(assignment, index) !== owner) return false;
    const method = [...index.ancestors(assignment)].find(
      (ancestor) => ancestor.type === 'ClassMethod' || ancestor.type === 'MethodDefinition',
    );
    return method?.kind !== 'constructor';
  });
}

/** The value a test compares the key with (`key === 'x'`, either side, `==` too; one operand of a `holds` chain). */
function keyTested(test: Node, sameKey: (node: Node) => boolean, equality: '===' | '!==', holds: '&&' | '||'): string | undefined {
  const expression = unwrap(test);
  if (expression.type === 'LogicalExpression' && expression.operator === holds) {
    return keyTested(expression.left, sameKey, equality, holds) ?? keyTested(expression.right, sameKey, equality, holds);
  }
  if (expression.type !== 'BinaryExpression' || !expression.operator.startsWith(equality.slice(0, 2))) return undefined;
  const [keySide, valueSide] = sameKey(expression.left) ? [expression.left, expression.right] : [expression.right, expression.left];
  return sameKey(keySide) ? staticString(valueSide) : undefined;
}
