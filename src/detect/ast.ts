/**
 * The few node shapes the detectors read, spelled for both parsers they meet: Babel (jscodeshift,
 * `--check`) and ESTree (ESLint through typescript-eslint). Detectors call these helpers instead of
 * testing `node.type`, so one detector serves both ASTs.
 */
export interface Node {
  type: string;
  [key: string]: any;
}

const SKIPPED_KEYS = new Set([
  'parent',
  'loc',
  'range',
  'start',
  'end',
  'extra',
  'tokens',
  'comments',
  'leadingComments',
  'trailingComments',
  'innerComments',
  'errors',
]);

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

/** Direct children in source order, whatever the parser. */
export function* childNodes(node: Node): Generator<Node> {
  for (const key in node) {
    if (SKIPPED_KEYS.has(key)) continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) yield item;
    } else if (isNode(value)) {
      yield value;
    }
  }
}

/** A node and every node under it, whatever the parser. */
export function* descendants(root: Node): Generator<Node> {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    stack.push(...childNodes(node));
  }
}

export function rangeOf(node: Node): [number, number] {
  return node.range ?? [node.start, node.end];
}

/** Whether `inner` is written inside `outer` (or is it): by their ranges in the file. */
export function contains(outer: Node, inner: Node): boolean {
  const [from, to] = rangeOf(outer);
  const [start, end] = rangeOf(inner);
  return from <= start && end <= to;
}

/** Strips wrappers that do not change a value: parentheses, TS assertions, optional chains. */
/** A number written as such (`0`, `1e6`): Babel's NumericLiteral, ESTree's Literal holding a number. */
export function isNumberLiteral(node: Node): boolean {
  return node.type === 'NumericLiteral' || (node.type === 'Literal' && typeof node.value === 'number');
}

/** The first choice of a fallback chain (`event?.content ?? event?.data ?? {}` → `event?.content`), unwrapped. */
export function firstChoice(node: Node): Node {
  let value = unwrap(node);
  while (value.type === 'LogicalExpression' && value.operator !== '&&') value = unwrap(value.left);
  return value;
}

export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case 'ParenthesizedExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'TypeCastExpression':
      case 'ChainExpression':
        current = current.expression;
        continue;
      default:
        return current;
    }
  }
}

export function isStringLiteral(node: Node): boolean {
  return node.type === 'StringLiteral' || (node.type === 'Literal' && typeof node.value === 'string');
}

/** The value of a string literal or of a template literal without expressions. */
export function staticString(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (isStringLiteral(node)) return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked ?? undefined;
  return undefined;
}

export function isCall(node: Node): boolean {
  return node.type === 'CallExpression' || node.type === 'OptionalCallExpression';
}

export function isMember(node: Node): boolean {
  return node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression';
}

export function isObjectProperty(node: Node): boolean {
  return node.type === 'ObjectProperty' || (node.type === 'Property' && node.kind === 'init' && !node.method);
}

export function isClassField(node: Node): boolean {
  return node.type === 'ClassProperty' || node.type === 'PropertyDefinition';
}

export function isFunction(node: Node): boolean {
  return (
    node.type === 'FunctionDeclaration' ||
    node.type === 'FunctionExpression' ||
    node.type === 'ArrowFunctionExpression' ||
    node.type === 'ObjectMethod' ||
    node.type === 'ClassMethod' ||
    node.type === 'ClassPrivateMethod'
  );
}

/** The name of a property key: `a`, `'a'`, `['a']`; undefined for a computed expression. */
export function keyName(property: Node): string | undefined {
  const key = property.key;
  if (!key) return undefined;
  if (!property.computed && key.type === 'Identifier') return key.name;
  if (!property.computed && key.type === 'PrivateName') return undefined;
  return staticString(key);
}

/** The name read by a member expression: `a.b`, `a['b']`, `a?.b`. */
export function memberName(member: Node): string | undefined {
  const property = member.property;
  if (!member.computed && property.type === 'Identifier') return property.name;
  if (member.computed) return staticString(property);
  return undefined;
}

/** Object properties of an object literal, skipping spreads and methods. */
export function objectProperties(object: Node): Node[] {
  return object.properties.filter(isObjectProperty);
}

/** Whether an object literal has entries {@link objectProperties} skips: a spread (`...defaults`) or a method. */
export function hasUnlistedEntries(object: Node): boolean {
  return object.properties.some((property: Node) => !isObjectProperty(property));
}

export function findProperty(object: Node, name: string): Node | undefined {
  return objectProperties(object).find((property) => keyName(property) === name);
}

/** `callee.name` for `fn()`, `object.method` → 'method' for member callees. */
export function calleeName(call: Node): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === 'Identifier') return callee.name;
  if (isMember(callee)) return memberName(callee);
  return undefined;
}

export function isIdentifier(node: Node | null | undefined, name?: string): boolean {
  return !!node && node.type === 'Identifier' && (name === undefined || node.name === name);
}

/** The literal inside a TS literal type (`'a'` in `type T = 'a' | 'b'`). */
export function literalTypeValue(node: Node): string | undefined {
  return node.type === 'TSLiteralType' ? staticString(node.literal) : undefined;
}

/** `null` or `undefined`, as written. */
export function isNullish(node: Node): boolean {
  const value = unwrap(node);
  return (
    value.type === 'NullLiteral' ||
    (value.type === 'Literal' && value.value === null) ||
    (value.type === 'Identifier' && value.name === 'undefined')
  );
}

/** A branch that never falls through: it ends in `return` or `throw`. */
export function alwaysExits(statement: Node): boolean {
  if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement') return true;
  return statement.type === 'BlockStatement' && statement.body.length > 0 && alwaysExits(statement.body.at(-1));
}

/** Expressions that may run code or change state when evaluated: a call, an await, an assignment. */
const EFFECTS = new Set([
  'CallExpression',
  'OptionalCallExpression',
  'NewExpression',
  'AwaitExpression',
  'YieldExpression',
  'AssignmentExpression',
  'UpdateExpression',
  'TaggedTemplateExpression',
]);

/** Whether evaluating the expression could do more than read values (a getter aside). */
export function hasEffects(node: Node): boolean {
  return [...descendants(node)].some((inner) => EFFECTS.has(inner.type));
}
