import { rangeOf, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';

/**
 * The nodes whose lists hold the statements (and class members, and `case` clauses) a
 * `TODO(migrate-share-video)` comment goes above, with the key of each list. The codemod writes its
 * TODOs by this rule and the detectors read them back by it.
 */
export const TODO_HOLDERS: Readonly<Record<string, string>> = {
  Program: 'body',
  BlockStatement: 'body',
  StaticBlock: 'body',
  ClassBody: 'body',
  TSModuleBlock: 'body',
  SwitchCase: 'consequent',
  SwitchStatement: 'cases',
};

/** Statements that hold a record of data: a declaration, an export, `module.exports = {…}`, a class field. */
const RECORD_STATEMENTS = new Set([
  'VariableDeclaration',
  'ExportNamedDeclaration',
  'ExportDefaultDeclaration',
  'ExpressionStatement',
  'ClassProperty',
  'PropertyDefinition',
]);

/**
 * `return { id: 'tiktok', token: { url: '…' }, userinfo: { url: '…' } }`: a factory's record (next-auth's
 * providers), whose written values (a URL, an event's name) get their TODO beside their entry; reads of
 * an answer in a returned object keep one TODO above the `return`.
 */
const WRITTEN_VALUES = new Set(['StringLiteral', 'Literal', 'TemplateLiteral']);

const CALLS = new Set(['CallExpression', 'OptionalCallExpression', 'NewExpression']);

/**
 * Where a TODO about the first node of `chain` (the node, then each parent up to the program) goes:
 * above its statement, or, in a data record written over several lines (`const providers = {` with
 * an entry per line), above the entry's property that starts a line of its own, beside what it is
 * about rather than in a pile above the whole record. Not in a call's arguments (a request's options
 * stay one site with the request), nor in a value a statement returns or throws: only a record a
 * declaration, an export, an assignment or a class field holds.
 */
export function todoAnchor(chain: readonly Node[]): Node {
  let property: Node | undefined;
  for (let i = 0; i + 1 < chain.length; i++) {
    const [child, parent] = [chain[i], chain[i + 1]];
    // A `case` label's test is not one of the case's statements: the comment goes above `case`.
    if (parent.type === 'SwitchCase' && parent.test === child) continue;
    // Nor is what a `switch` tests one of its cases: the comment goes above the `switch`.
    if (parent.type === 'SwitchStatement' && parent.discriminant === child) continue;
    // `} else if (event === 'video.publish.failed') {`: no line above the test is its own (above the
    // chain's first `if` is the first test's), so the comment opens the branch that test guards.
    const branchTop = firstOfElseIfBranch(child, parent, chain[i + 2]);
    if (branchTop) return branchTop;
    if (parent.type in TODO_HOLDERS) {
      const record = RECORD_STATEMENTS.has(child.type) || (child.type === 'ReturnStatement' && WRITTEN_VALUES.has(chain[0].type));
      return property && record ? property : child;
    }
    // An entry inside a call's arguments (a request's options) is no record's: the call is the site.
    if (CALLS.has(parent.type) && (parent.arguments as Node[]).includes(child) && !isFreeze(parent) && !isProviderFactory(parent))
      property = undefined;
    else if (!property && parent.type === 'ObjectExpression' && startsOwnLine(child, parent)) property = child;
  }
  return chain[0];
}

/** The first statement of an `else if` branch whose test `child` is, when the branch is a block with one. */
function firstOfElseIfBranch(child: Node, parent: Node, grandparent: Node | undefined): Node | undefined {
  if (parent.type !== 'IfStatement' || parent.test !== child) return undefined;
  if (grandparent?.type !== 'IfStatement' || grandparent.alternate !== parent) return undefined;
  return parent.consequent.type === 'BlockStatement' ? (parent.consequent.body as Node[])[0] : undefined;
}

/**
 * `Object.freeze([...])`, `Object.seal({...})`: the record itself, made read-only, not a call's
 * options; a TODO about an entry still goes beside the entry.
 */
export function isFreeze(call: Node): boolean {
  const callee = call.callee;
  return (
    callee?.type === 'MemberExpression' &&
    callee.object.type === 'Identifier' &&
    callee.object.name === 'Object' &&
    callee.property.type === 'Identifier' &&
    ['freeze', 'seal'].includes(callee.property.name)
  );
}

/**
 * `OAuthProvider({ id: 'tiktok', token: '…', userinfo: { url: '…' } })`, `new OAuth2Strategy({ … })`: an
 * OAuth library's provider or strategy, whose argument is a record of settings, not a request's
 * options; each URL in it gets its TODO beside its entry, as in a record a declaration holds.
 */
function isProviderFactory(call: Node): boolean {
  const callee = call.callee?.type === 'MemberExpression' ? call.callee.property : call.callee;
  return callee?.type === 'Identifier' && /(?:Provider|Strategy)$/.test(callee.name as string);
}

/** A property of a literal written over several lines that no sibling shares its first line with. */
function startsOwnLine(property: Node, object: Node): boolean {
  if (property.type !== 'ObjectProperty' && property.type !== 'Property') return false;
  if (!property.loc || !object.loc || object.loc.start.line === object.loc.end.line) return false;
  const siblings = object.properties as Node[];
  const at = siblings.indexOf(property);
  const before = at > 0 ? siblings[at - 1].loc?.end.line : object.loc.start.line;
  const after = at + 1 < siblings.length ? siblings[at + 1].loc?.start.line : object.loc.end.line;
  return before !== undefined && after !== undefined && before < property.loc.start.line && after > property.loc.end.line;
}

/** The node a TODO about `node` goes above (see {@link todoAnchor}). */
export function statementForTodo(node: Node, index: ModuleIndex): Node {
  const chain = [node];
  for (let parent = index.parent(node); parent; parent = index.parent(parent)) chain.push(parent);
  return todoAnchor(chain);
}

/**
 * How many statements above its request a statement that only builds the request's query
 * (`url += '&access_token=' + token`) may stand and still go with the request's TODO: the codemod
 * writes no TODO of its own there, and the check tells its finding the request's TODO holds it.
 */
export const QUERY_PART_REACH = 4;

const IN_DECLARED_OBJECT = new Set(['ObjectExpression', 'ObjectProperty', 'Property', 'VariableDeclarator', 'VariableDeclaration']);

/**
 * How far `part` stands above `site` among the statements of one list (a block, a `case`): 0 for
 * the same statement, Infinity when it is not above it in the same list.
 */
export function statementsAbove(index: ModuleIndex, part: Node, site: Node): number {
  if (part === site) return 0;
  // An entry of the object a declaration holds (`let params = { open_id, access_token }`): its statement.
  for (let parent = index.parent(part); parent && IN_DECLARED_OBJECT.has(parent.type); parent = index.parent(parent)) part = parent;
  const holder = index.parent(site);
  if (!holder || index.parent(part) !== holder) return Infinity;
  const key = TODO_HOLDERS[holder.type];
  const list: Node[] | undefined = key ? holder[key] : undefined;
  const distance = list ? list.indexOf(site) - list.indexOf(part) : -1;
  return list && list.indexOf(part) >= 0 && distance > 0 ? distance : Infinity;
}

/**
 * The literal that holds `offset`: a finding reported on a range (a parameter name inside a URL's
 * text) belongs to it, and its TODO to that literal's statement.
 */
export function literalAt(index: ModuleIndex, offset: number): Node | undefined {
  return [...index.ofType('TemplateLiteral'), ...index.ofType('StringLiteral'), ...index.ofType('Literal')].find((node) => {
    const [start, end] = rangeOf(node);
    return start <= offset && end >= offset;
  });
}
