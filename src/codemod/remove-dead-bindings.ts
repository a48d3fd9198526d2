import type { ASTPath } from 'jscodeshift';
import { nameWords } from '../contract/index.js';
import { descendants, staticString, type Node } from '../detect/ast.js';
import { requiredModule } from '../detect/module-index.js';
import { isLogCall } from '../detect/log-calls.js';
import type { CodemodContext } from './context.js';

/** Initializers whose removal cannot drop a side effect: values and the objects that build a request. */
const PURE_CONSTRUCTORS = new Set(['URL', 'URLSearchParams', 'FormData', 'FormDataEncoder']);
const PURE_FUNCTIONS = new Set(['encodeURIComponent', 'encodeURI', 'String']);

/**
 * After a call is replaced, the local values that only fed it (the URL constant, the FormData and its
 * appends, the `URLSearchParams`) are left unused and would still spell the retired API. Removes
 * those declarations, and the statements that only filled them, until nothing more is unused.
 * Exported values and anything whose initializer may have an effect are kept.
 */
export function removeDeadBindings(context: CodemodContext, removedCode: Node): void {
  // A call whose arguments were replaced one by one holds the new ones now: recast's pristine copy
  // (`original`) still names what it sent.
  const names = new Set([...identifiersIn(removedCode), ...(removedCode.original ? identifiersIn(removedCode.original as Node) : [])]);
  const prune = (path: ASTPath<any>) => {
    for (const name of identifiersIn(path.node as Node)) names.add(name);
    // `if (info.title) form.append('title', info.title);`: the `if` goes with its only statement.
    const holder = path.parent as ASTPath<any> | null;
    if (holder?.node.type === 'IfStatement' && holder.node.consequent === path.node) {
      if (!holder.node.alternate && hasNoEffect(holder.node.test as Node)) prune(holder);
      else path.replace(context.j.blockStatement([]));
      return;
    }
    keepDetachedComments(path);
    path.prune();
    if (holder?.node.type === 'BlockStatement' && holder.node.body.length === 0) pruneEmptied(holder, prune);
  };
  let removed = true;
  while (removed) {
    removed = false;
    for (const name of [...names]) {
      context.root.find(context.j.VariableDeclarator, { id: { type: 'Identifier', name } }).forEach((declarator) => {
        if (removed || !isPure(declarator.node.init as Node | null)) return;
        const declaration = declarator.parent as ASTPath<any>;
        if (declaration.parent?.node.type?.startsWith('Export') || declaration.node.declarations.length !== 1) return;
        const uses = references(context, declarator, name);
        const fillers = uses.filter(isFillingStatement);
        const logged = uses.map(loggedMention).filter((mention) => mention !== undefined);
        const logLines = uses.map(logLineAbout).filter((line) => line !== undefined);
        if (uses.length !== fillers.length + logged.length + logLines.length) return;
        // `url = url.replace(…)` holds two of them: one statement, pruned once.
        for (const statement of new Set([...fillers.map(statementOf), ...logLines])) prune(statement);
        // `log('info', 'uploading', { url, file })`: the message goes on without the retired value
        // (which carried the token in its query string).
        for (const mention of new Set(logged)) context.removeEntry(mention);
        prune(declaration);
        removed = true;
      });
    }
  }
  removeUnusedImports(context, names);
  removeUnusedPrivateFields(context, names);
}

/**
 * A block the filling statements left empty: `if (info.title) { form.append('title', info.title); }`
 * goes whole when its test has no effect, and `tags.forEach((tag) => { form.append('tag', tag); })`
 * when its list is a plain read. Anything else keeps its empty block.
 */
function pruneEmptied(block: ASTPath<any>, prune: (path: ASTPath<any>) => void): void {
  const owner = block.parent as ASTPath<any> | null;
  if (!owner) return;
  if (owner.node.type === 'IfStatement' && owner.node.consequent === block.node && !owner.node.alternate) {
    if (hasNoEffect(owner.node.test as Node)) prune(owner);
    return;
  }
  const call = owner.parent as ASTPath<any> | null;
  const isCallback =
    (owner.node.type === 'ArrowFunctionExpression' || owner.node.type === 'FunctionExpression') && owner.node.body === block.node;
  if (!isCallback || call?.node.type !== 'CallExpression' || call.node.arguments[0] !== owner.node) return;
  const callee = call.node.callee as Node;
  const statement = call.parent as ASTPath<any> | null;
  if (
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.property.name === 'forEach' &&
    hasNoEffect(callee.object as Node) &&
    statement?.node.type === 'ExpressionStatement'
  )
    prune(statement);
}

/** Calls a test may make that only look at their argument. */
const PURE_TESTS = new Set(['Array.isArray', 'Number.isFinite', 'Number.isInteger', 'Boolean', 'String', 'Number']);

function calleeText(node: Node): string {
  if (node.type !== 'CallExpression') return '';
  const callee = node.callee as Node;
  if (callee.type === 'Identifier') return callee.name as string;
  return callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && !callee.computed
    ? `${callee.object.name}.${callee.property.name}`
    : '';
}

/** Expressions that may do something besides giving a value. */
const EFFECTS = new Set([
  'CallExpression',
  'OptionalCallExpression',
  'NewExpression',
  'AssignmentExpression',
  'UpdateExpression',
  'AwaitExpression',
  'YieldExpression',
  'TaggedTemplateExpression',
]);

/** An expression that only reads: names, members, literals and operators, no call or assignment. */
function hasNoEffect(expression: Node): boolean {
  return ![expression, ...descendants(expression)].some(
    (node) =>
      (EFFECTS.has(node.type) && !PURE_TESTS.has(calleeText(node))) || (node.type === 'UnaryExpression' && node.operator === 'delete'),
  );
}

/** `private readonly uploadUrl = '…'` that only the removed call read through `this.uploadUrl`. */
function removeUnusedPrivateFields(context: CodemodContext, names: ReadonlySet<string>): void {
  const { j, root } = context;
  root.find(j.ClassProperty).forEach((field) => {
    const node = field.node as unknown as Node;
    const name = node.key?.type === 'Identifier' ? node.key.name : undefined;
    if (!name || !names.has(name) || node.accessibility !== 'private' || !isPure(node.value)) return;
    const body = field.parent;
    const reads = j(body)
      .find(j.MemberExpression, { object: { type: 'ThisExpression' }, property: { name } })
      .size();
    if (reads === 0) field.prune();
  });
}

/** Imports only the removed code used: `basename` that named the multipart file, say. */
function removeUnusedImports(context: CodemodContext, names: ReadonlySet<string>): void {
  const { j, root } = context;
  const used = (local: string) =>
    context.appendix.some((text) => new RegExp(`\\b${local}\\b`).test(text)) ||
    root
      .find(j.Identifier, { name: local })
      .filter((path) => !path.parent?.node.type.startsWith('Import') && isReference(path) && !isRequireTarget(path))
      .size() > 0;
  // `const FormData = require('form-data')`, as the ES import below.
  root.find(j.VariableDeclarator).forEach((path) => {
    const id = path.node.id as unknown as Node;
    if (!path.node.init || !requiredModule(path.node.init)) return;
    // A name taken out of a require (`const { FormData } = …`) stays: recast would reprint the
    // pattern over several lines to drop it, a bigger change than an unused name.
    if (id.type === 'Identifier' && names.has(id.name) && !used(id.name) && path.parent.node.declarations.length === 1) path.parent.prune();
  });
  root.find(j.ImportDeclaration).forEach((declaration) => {
    const specifiers = declaration.node.specifiers ?? [];
    const kept = specifiers.filter((specifier) => {
      const local = specifier.local?.name as string | undefined;
      if (!local || !names.has(local)) return true;
      // The generated helpers are added as text: a name they use stays imported.
      return used(local);
    });
    if (kept.length === specifiers.length) return;
    if (kept.length === 0) declaration.prune();
    else declaration.node.specifiers = kept;
  });
}

function identifiersIn(root: Node): Set<string> {
  return new Set([...descendants(root)].filter((node) => node.type === 'Identifier').map((node) => node.name as string));
}

/**
 * Comments above a removed statement but apart from it (a blank line between, or the file's first
 * line: a file header, a section title) were not about it: they move to the statement that follows.
 * So does a one-line title heading a block (`// TikTok API implementation` over the URL constant that
 * opened a method's body) when it names nothing of the statement: it labels the code below.
 */
function keepDetachedComments(path: ASTPath<any>): void {
  const node = path.node as Node;
  const comments: Node[] = node.comments ?? [];
  const start = node.loc?.start.line;
  const siblings = path.parentPath?.value;
  const first = Array.isArray(siblings) && siblings.indexOf(node) === 0;
  const next = Array.isArray(siblings) ? (siblings[siblings.indexOf(node) + 1] as Node | undefined) : undefined;
  const detached = comments.filter(
    (comment) =>
      comment.leading &&
      start !== undefined &&
      comment.loc &&
      (comment.loc.end.line < start - 1 ||
        comment.loc.start.line === 1 ||
        (first && isBlockTitle(comment, node)) ||
        (next !== undefined && aboutTheNext(comment, next))),
  );
  // The lines that continue a detached comment (a header of two lines, the second right over the
  // statement) go with it: a paragraph is not cut in two.
  for (const comment of comments)
    if (
      comment.leading &&
      !detached.includes(comment) &&
      detached.some((kept) => kept.loc && comment.loc && kept.loc.end.line === comment.loc.start.line - 1)
    )
      detached.push(comment);
  if (detached.length === 0 || !next) return;
  next.comments = [...detached, ...(next.comments ?? [])];
}

/** Words that make a comment about the value it stands over, not about the code after it. */
const ABOUT_A_VALUE =
  /\b(?:url|uri|endpoint|host|address|link|path|base|form|field|query|param|params|token|todo|fixme|hack|note|xxx)\b|eslint|prettier|@ts-|https?:/i;

function isBlockTitle(comment: Node, statement: Node): boolean {
  if (comment.type !== 'CommentLine' && comment.type !== 'Line') return false;
  const text = String(comment.value);
  if (ABOUT_A_VALUE.test(text)) return false;
  const words = new Set(text.toLowerCase().split(/[^a-z0-9]+/));
  const named = wordsOfNames(statement);
  return !named.some((word) => word.length > 2 && !GENERIC_WORDS.has(word) && words.has(word));
}

/**
 * `// Fetch recent videos` over `const videosUrl = …` and `const videosResponse = await fetch(videosUrl)`:
 * a comment that names what the next statement does (a word of its names), and no value, is about
 * that statement, which stays.
 */
function aboutTheNext(comment: Node, next: Node): boolean {
  if (comment.type !== 'CommentLine' && comment.type !== 'Line') return false;
  const text = String(comment.value);
  if (ABOUT_A_VALUE.test(text)) return false;
  const words = new Set(text.toLowerCase().split(/[^a-z0-9]+/));
  return wordsOfNames(next).some((word) => word.length > 2 && !GENERIC_WORDS.has(word) && words.has(word));
}

function wordsOfNames(statement: Node): string[] {
  return [...identifiersIn(statement)].flatMap(nameWords);
}

/** Parts of names that say whose API it is, not what the value is. */
const GENERIC_WORDS = new Set(['tiktok', 'api', 'const']);

function isPure(init: Node | null): boolean {
  if (!init) return true;
  switch (init.type) {
    case 'StringLiteral':
    case 'Literal':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
    case 'Identifier':
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return true;
    case 'TemplateLiteral':
      return init.expressions.every(isPure);
    case 'BinaryExpression':
    case 'LogicalExpression':
      return isPure(init.left) && isPure(init.right);
    case 'ObjectExpression':
      return init.properties.every((property: Node) => property.type !== 'SpreadElement' && isPure(property.value));
    case 'ArrayExpression':
      return init.elements.every((element: Node | null) => element !== null && element.type !== 'SpreadElement' && isPure(element));
    case 'NewExpression':
      return init.callee.type === 'Identifier' && PURE_CONSTRUCTORS.has(init.callee.name) && init.arguments.every(isPure);
    case 'CallExpression':
      // `form.getHeaders()` reads the multipart boundary of a form that goes with the legacy call.
      if (init.callee.type === 'MemberExpression' && !init.callee.computed && init.callee.property.name === 'getHeaders')
        return init.arguments.length === 0 && init.callee.object.type === 'Identifier';
      // `new URLSearchParams({ … }).toString()`: the text of a value that has no effect either.
      if (init.callee.type === 'MemberExpression' && !init.callee.computed && init.callee.property.name === 'toString')
        return init.arguments.length === 0 && init.callee.object.type === 'NewExpression' && isPure(init.callee.object);
      // `Readable.from(clipBuffer)`: a stream over bytes the upload now takes as they are; made, not read.
      if (init.callee.type === 'MemberExpression' && !init.callee.computed && init.callee.property.name === 'from')
        return init.callee.object.type === 'Identifier' && init.callee.object.name === 'Readable' && init.arguments.every(isPure);
      // `['open_id', 'display_name'].join(',')`: a list of values, joined.
      if (init.callee.type === 'MemberExpression' && !init.callee.computed && init.callee.property.name === 'join')
        return init.callee.object.type === 'ArrayExpression' && isPure(init.callee.object) && init.arguments.every(isPure);
      return init.callee.type === 'Identifier' && PURE_FUNCTIONS.has(init.callee.name) && init.arguments.every(isPure);
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
      return isPure(init.expression);
    default:
      return false;
  }
}

/**
 * The identifiers that may read the binding: the module's own that resolve to it (a `form` of
 * another function is another variable), and every new one of the same name (code the rewrite
 * wrote, which the module's index has never seen: counted to be safe).
 */
function references(context: CodemodContext, declarator: ASTPath<any>, name: string): ASTPath<any>[] {
  const binding = context.index.resolve(declarator.node.id as Node);
  return context.root
    .find(context.j.Identifier, { name })
    .filter((path) => {
      const node = path.node as unknown as Node;
      if (node === declarator.node.id || !isReference(path)) return false;
      return !binding || !context.index.has(node) || context.index.resolve(node) === binding;
    })
    .paths();
}

/** The `x` of `const x = require('m')` or of `const { x } = require('m')`: the declaration, not a use. */
function isRequireTarget(path: ASTPath<any>): boolean {
  let current = path;
  if (current.parent?.node.type === 'ObjectProperty' || current.parent?.node.type === 'Property') current = current.parent.parent;
  const declarator = current?.parent?.node as Node | undefined;
  return (
    declarator?.type === 'VariableDeclarator' && declarator.id === current.node && !!declarator.init && !!requiredModule(declarator.init)
  );
}

function isReference(path: ASTPath<any>): boolean {
  const parent = path.parent?.node as Node | undefined;
  if (!parent) return true;
  if (
    (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') &&
    parent.property === path.node &&
    !parent.computed
  )
    return false;
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.key === path.node && !parent.shorthand && !parent.computed)
    return false;
  return !parent.type.startsWith('TS') || parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression';
}

/** `x.append(…)`, `x.searchParams.set(…)` as a statement of its own: filling the value, not using it. */
function isFillingStatement(path: ASTPath<any>): boolean {
  // `url += '&code=' + code`: a statement that only builds the value further.
  const parent = path.parent?.node as Node | undefined;
  if (parent?.type === 'AssignmentExpression' && parent.operator === '+=' && parent.left === path.node)
    return path.parent!.parent?.node.type === 'ExpressionStatement';
  // `url = \`${BASE}/oauth/refresh_token/\`` after `let url = ''`: the value given its start.
  if (parent?.type === 'AssignmentExpression' && parent.operator === '=' && parent.left === path.node && isPure(parent.right))
    return path.parent!.parent?.node.type === 'ExpressionStatement';
  if (isSelfReplace(path)) return true;
  let current = path;
  while (current.parent?.node.type === 'MemberExpression' && current.parent.node.object === current.node) current = current.parent;
  const call = current.parent?.node as Node | undefined;
  return (
    !!call && call.type === 'CallExpression' && call.callee === current.node && current.parent!.parent?.node.type === 'ExpressionStatement'
  );
}

/**
 * `url = url.replace('{token}', token)` as a statement of its own, either of its two references: it
 * only fills placeholders of the value, which the folder read into the request.
 */
function isSelfReplace(path: ASTPath<any>): boolean {
  const name = (path.node as Node).name as string;
  let current: ASTPath<any> | null = path;
  while (current && current.node.type !== 'AssignmentExpression') current = current.parent;
  const assignment = current?.node as Node | undefined;
  if (!assignment || assignment.operator !== '=' || assignment.left.type !== 'Identifier' || assignment.left.name !== name) return false;
  if (current!.parent?.node.type !== 'ExpressionStatement') return false;
  let root = assignment.right;
  while (
    root.type === 'CallExpression' &&
    root.callee.type === 'MemberExpression' &&
    ['replace', 'replaceAll'].includes(root.callee.property.name)
  )
    root = root.callee.object;
  return (
    root !== assignment.right && root.type === 'Identifier' && root.name === name && (path.node === assignment.left || path.node === root)
  );
}

/**
 * A log line about the value alone, its other arguments plain text (`console.log('Uploading to', url)`):
 * the statement to remove with the value, which it would print (a retired URL carries the token in
 * its query string). A log that says anything else keeps the value, and its TODO.
 */
function logLineAbout(path: ASTPath<any>): ASTPath<any> | undefined {
  const call = path.parent as ASTPath<any> | null;
  const statement = call?.parent as ASTPath<any> | null;
  if (!call || !isLogCall(call.node as Node) || statement?.node.type !== 'ExpressionStatement') return undefined;
  const others = (call.node.arguments as Node[]).filter((argument) => argument !== path.node);
  return others.length < call.node.arguments.length && others.every((argument) => staticString(argument) !== undefined)
    ? statement
    : undefined;
}

/**
 * A use that only hands the value to a logging call, next to something else it logs: the property
 * of an object argument (`{ url, file }`, `{ target: url }`). The path to remove for the message to
 * go on without it; undefined for any other use.
 */
function loggedMention(path: ASTPath<any>): ASTPath<any> | undefined {
  const property = path.parent as ASTPath<any> | null;
  // An argument of its own (`console.log('uploading to', url)`) stays: the message would end in mid-air.
  // A shorthand `{ url }` holds the name twice (key and value): both are the same mention.
  const isProperty =
    (property?.node.type === 'ObjectProperty' || property?.node.type === 'Property') &&
    (property.node.value === path.node || (property.node.shorthand && property.node.key === path.node));
  const object = isProperty ? (property.parent as ASTPath<any> | null) : null;
  const call = object?.parent?.node as Node | undefined;
  if (object?.node.type !== 'ObjectExpression' || object.node.properties.length < 2 || !call || !isLogCall(call)) return undefined;
  return (call.arguments as Node[]).includes(object.node as Node) ? property! : undefined;
}

function statementOf(path: ASTPath<any>): ASTPath<any> {
  let current = path;
  while (current.node.type !== 'ExpressionStatement') current = current.parent!;
  return current;
}
