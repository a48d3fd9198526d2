/** The app's own values a v2 token call needs and the v1 one did not send: its redirect URI, client key and secret. */
import type { CodemodContext } from '../../src/codemod/context.js';
import { descendants, isFunction, isMember, keyName, memberName, rangeOf, staticString, unwrap, type Node } from '../../src/detect/ast.js';
import { findUrlCompositions } from '../../src/detect/endpoints.js';
import { HOLE, type Piece } from '../../src/detect/folded.js';
import type { ParamValue } from '../../src/codemod/request-params.js';
import { writtenAs } from '../../src/codemod/written-as.js';
import { constantAround, constantNamed } from '../../src/codemod/visible-constant.js';
import { namesOtherService, TIKTOK_OWN_PAGE } from '../../src/contract/index.js';

/** Names a redirect URI goes by (`REDIRECT_URI`, `redirectUrl`, `TIKTOK_CALLBACK_URL`). */
const REDIRECT_NAME = /redirect_?ur[il]$|callback_?ur[il]$/i;
/** Names the app's client secret goes by (`CLIENT_SECRET`, `clientSecret`, `TIKTOK_CLIENT_SECRET`). */
export const CLIENT_SECRET_NAME = /client_?secret$/i;
/**
 * Names the app's client key goes by (`CLIENT_KEY`, `clientKey`, `TIKTOK_CLIENT_KEY`), and the OAuth
 * name others give it where TikTok's own is said (`TIKTOK_CLIENT_ID`): another service's client id is not one.
 */
export const CLIENT_KEY_NAME = /client_?key$|tiktok_?client_?id$/i;

/**
 * The redirect URI the authorize step sends, which v2 requires the exchange to send again (§2.8): a
 * parameter of the exchange's own function named for it, the `redirect_uri` of an authorize URL in
 * this module, else a value of the module named for it (`REDIRECT_URI`, `config.tiktok.redirectUri`,
 * `process.env.TIKTOK_REDIRECT_URI`). Only a plain reference is reused: reading it twice has no
 * effect. Undefined when none is found.
 */
export function findRedirectUri(context: CodemodContext, exchange: Node): ParamValue | undefined {
  const parameter = parameterNamed(context, REDIRECT_NAME, exchange);
  if (parameter) return { source: parameter };
  for (const composition of findUrlCompositions(context.index, context.folder)) {
    if (composition.match.v1?.rewrite !== 'authorize-page') continue;
    const { pieces, root } = builtUrl(context, composition.node) ?? { pieces: composition.url.pieces, root: composition.node };
    const text = pieces.map((piece) => piece.text ?? HOLE).join('');
    const at = text.indexOf('redirect_uri=');
    if (at === -1) continue;
    let offset = 0;
    for (const piece of pieces) {
      const length = piece.text?.length ?? 1;
      const written = piece.text === undefined ? stripEncode(writtenAs(context, root, piece.node)) : undefined;
      if (
        offset === at + 'redirect_uri='.length &&
        written &&
        (isReadableAt(context, written, exchange) || isOwnField(context, written, exchange))
      )
        return { node: written };
      // `const redirect = encodeURIComponent(\`https://${DOMAIN}/tiktok\`)` in the login handler: the
      // same text built from the module's own values, which any function may write again.
      const local = offset === at + 'redirect_uri='.length && written ? builtFromModule(context, written) : undefined;
      if (local) return local;
      // `const REDIRECT = 'https://…/callback'` of a block that holds both handlers, folded to its text.
      const named =
        offset === at + 'redirect_uri='.length && piece.text !== undefined ? constantNamed(context, piece.node, exchange) : undefined;
      if (named) return { source: named };
      offset += length;
    }
  }
  // `new URLSearchParams({ …, redirect_uri: this.config.redirectUri })` in the function that builds the
  // authorize URL from it (`?${params}`), or in a method of the exchange's own class when the module
  // has that URL (in a settings record the method reads): the query's own key.
  const authorize = findUrlCompositions(context.index, context.folder).filter(
    (composition) => composition.match.v1?.rewrite === 'authorize-page',
  );
  const authorizeFunctions = new Set(authorize.map((composition) => enclosingFunction(context, composition.node)));
  for (const property of [...context.index.ofType('ObjectProperty'), ...context.index.ofType('Property')]) {
    if (keyName(property) !== 'redirect_uri' || authorize.length === 0) continue;
    if (authorizeFunctions.has(enclosingFunction(context, property)) && isModuleReference(context, property.value))
      return { node: property.value };
    if (isOwnField(context, property.value, exchange)) return { node: property.value };
  }
  // The login route elsewhere in the run reads it from the environment (the one name its authorize
  // modules read): so can this module, where the environment is read at all.
  const env = context.options.authorizeRedirectEnv;
  return (
    findModuleValue(context, REDIRECT_NAME, exchange) ??
    (env && context.text.includes('process.env') ? { source: `process.env.${env}` } : undefined)
  );
}

function enclosingFunction(context: CodemodContext, node: Node): Node | undefined {
  return [...context.index.ancestors(node)].find(isFunction);
}

/**
 * A value of the module named for what it holds, every function can read, and reading it twice has
 * no effect: a read (`REDIRECT_URI`, `config.tiktok.redirectUri`, `process.env.X`) or a key of a
 * module-level object (`app.redirectUri`).
 */
export function findModuleValue(context: CodemodContext, pattern: RegExp, near?: Node): ParamValue | undefined {
  // In a class, a field of its own the other methods read (`this.clientSecret`).
  const own = near && classFieldRead(context, pattern, near);
  if (own) return { source: own };
  // A name of the module's own first, read somewhere (`REDIRECT_URI`) or only declared at its top
  // (`const clientSecret = process.env.TIKTOK_CLIENT_SECRET ?? ''`), then what it reads
  // (`process.env.TIKTOK_REDIRECT_URI`).
  const read = (nodes: readonly Node[]) =>
    nodes.find((node) => {
      const name = node.type === 'Identifier' ? node.name : memberName(node);
      if (!name || !pattern.test(name) || !isReadableAt(context, node, near)) return false;
      // `YOUTUBE_SECRETS.web.client_secret`: another service's secret, never sent to TikTok.
      if (namesOtherService(context.source(node))) return false;
      const parent = context.index.parent(node);
      // A read, not the name being declared or a key of an object.
      if (
        parent &&
        (parent.type === 'VariableDeclarator' || parent.type.endsWith('Property')) &&
        (parent.id === node || parent.key === node)
      )
        return false;
      return !(parent && isMember(parent) && parent.property === node);
    });
  const named = read(context.index.ofType('Identifier'));
  if (named) return { node: named };
  // `export const TIKTOK_REDIRECT_URI = '…'` at the top of the module, read nowhere yet.
  for (const declarator of context.index.ofType('VariableDeclarator')) {
    if (
      declarator.id.type === 'Identifier' &&
      pattern.test(declarator.id.name) &&
      !namesOtherService(declarator.id.name) &&
      (isTopLevel(context, declarator.id) || (near && constantAround(context, declarator.id, near)))
    )
      return { source: declarator.id.name };
  }
  const env = read(context.index.ofType('MemberExpression'));
  if (env) {
    // `const tiktok = { redirectUri: process.env.TIKTOK_REDIRECT_URI }`: the module's own name for it.
    const property = context.index.parent(env);
    const path =
      property && (property.type === 'ObjectProperty' || property.type === 'Property') && property.value === env
        ? objectKeyPath(context, property)
        : undefined;
    if (path && namesOtherService(path)) return undefined;
    return path ? { source: path } : { node: env };
  }
  // `const app = { redirectUri: '…' }` at the top of the module: `app.redirectUri`.
  for (const property of [...context.index.ofType('ObjectProperty'), ...context.index.ofType('Property')]) {
    const name = keyName(property);
    if (!name || !pattern.test(name) || property.computed) continue;
    const path = objectKeyPath(context, property);
    if (path && !namesOtherService(path)) return { source: path };
  }
  return undefined;
}

/**
 * `async function exchangeCode(platform, code, redirectUri) { … }`: a function that takes the redirect
 * URI is handed the one its caller sent to the authorize page, whatever else it does with it. Only a
 * parameter never reassigned.
 */
function parameterNamed(context: CodemodContext, pattern: RegExp, near: Node): string | undefined {
  for (const ancestor of context.index.ancestors(near)) {
    if (!isFunction(ancestor)) continue;
    for (const param of ancestor.params as Node[]) {
      const inner = param.type === 'TSParameterProperty' ? param.parameter : param;
      const id = inner.type === 'AssignmentPattern' ? inner.left : inner;
      if (id.type !== 'Identifier' || !pattern.test(id.name) || namesOtherService(id.name)) continue;
      const binding = context.index.resolve(id);
      if (binding && binding.assignments.length === 0 && binding.appends.length === 0) return id.name;
    }
  }
  return undefined;
}

/** `app.tiktok.redirectUri` for the `redirectUri` property of a module-level `const app = { tiktok: { … } }`. */
function objectKeyPath(context: CodemodContext, property: Node): string | undefined {
  const name = keyName(property);
  if (!name || property.computed) return undefined;
  const path = [name];
  let object = context.index.parent(property);
  let holder = object && context.index.parent(object);
  while (holder && (holder.type === 'ObjectProperty' || holder.type === 'Property') && keyName(holder)) {
    path.unshift(keyName(holder)!);
    object = context.index.parent(holder);
    holder = object && context.index.parent(object);
  }
  if (holder?.type !== 'VariableDeclarator' || holder.id.type !== 'Identifier' || !isTopLevel(context, holder.id)) return undefined;
  return /^[A-Za-z_$][\w$]*$/.test(path.join('')) ? `${holder.id.name}.${path.join('.')}` : undefined;
}

/**
 * `this.<name>` read somewhere in the class around `near`, its name matching `pattern`, or a field
 * its constructor declares as a parameter (`constructor(private readonly clientSecret: string)`).
 */
function classFieldRead(context: CodemodContext, pattern: RegExp, near: Node): string | undefined {
  const read = context.index
    .thisMembers(near)
    .find((member) => pattern.test(memberName(member) ?? '') && !namesOtherService(memberName(member) ?? ''));
  if (read) return `this.${memberName(read)}`;
  const body = [...context.index.ancestors(near)].find((node) => node.type === 'ClassBody');
  const constructor = body?.body.find((member: Node) => member.kind === 'constructor');
  const field = (constructor?.params ?? constructor?.value?.params ?? [])
    .filter((param: Node) => param.type === 'TSParameterProperty')
    .map((param: Node) => (param.parameter.type === 'AssignmentPattern' ? param.parameter.left : param.parameter))
    .find((id: Node | undefined) => id?.type === 'Identifier' && pattern.test(id.name) && !namesOtherService(id.name));
  return field ? `this.${field.name as string}` : undefined;
}

/**
 * `this.config.redirectUri || ''` sent by the authorize method of the class the exchange is a method
 * of: its own settings, which every method reads alike (a chain of plain reads from `this`, maybe
 * with a literal fallback).
 */
function isOwnField(context: CodemodContext, node: Node, exchange: Node): boolean {
  let value = unwrap(node);
  if (value.type === 'LogicalExpression' && staticString(value.right) !== undefined) value = unwrap(value.left);
  if (!isMember(value)) return false;
  while (isMember(value) && !value.computed) value = unwrap(value.object);
  if (value.type !== 'ThisExpression') return false;
  const classOf = (at: Node) => [...context.index.ancestors(at)].find((ancestor) => ancestor.type === 'ClassBody');
  const own = classOf(value);
  return own !== undefined && own === classOf(exchange);
}

function stripEncode(node: Node): Node {
  const value = unwrap(node);
  return value.type === 'CallExpression' && value.callee.type === 'Identifier' && value.callee.name === 'encodeURIComponent'
    ? value.arguments[0]
    : node;
}

/**
 * `REDIRECT_URI`, `config.tiktok.redirectUri`, `process.env.X`: no call, nothing computed, and rooted
 * in a name every function of the module sees (a module-level binding, an import, `process`).
 */
function isModuleReference(context: CodemodContext, node: Node): boolean {
  let value = unwrap(node);
  while (isMember(value) && !value.computed) value = unwrap(value.object);
  if (value.type !== 'Identifier') return false;
  if (value.name === 'process') return context.index.resolve(value) === undefined;
  const binding = context.index.resolve(value);
  if (!binding) return false;
  return binding.kind === 'import' || isTopLevel(context, binding.id);
}

/**
 * A module reference, or a constant of a block the call stands in: `const REDIRECT = '…'` of a
 * `setRoutes()` method whose route handlers build the authorize URL and make the exchange.
 */
function isReadableAt(context: CodemodContext, node: Node, near: Node | undefined): boolean {
  if (isModuleReference(context, node)) return true;
  let value = unwrap(node);
  while (isMember(value) && !value.computed) value = unwrap(value.object);
  // `this.config.clientSecret` sent by another method of the same class: the same instance's value.
  if (value.type === 'ThisExpression')
    return !!near && !!classOfThis(context, value) && classOfThis(context, value) === classOfThis(context, near);
  const binding = value.type === 'Identifier' ? context.index.resolve(value) : undefined;
  // `refresh(token, clientKey, clientSecret)`: a parameter of the function the call is in, never reassigned.
  if (near && binding?.kind === 'param' && binding.assignments.length === 0 && binding.declaration) {
    const [start, end] = rangeOf(binding.declaration);
    return rangeOf(near)[0] >= start && rangeOf(near)[0] <= end;
  }
  return !!near && !!binding && binding.kind !== 'import' && constantAround(context, binding.id, near);
}

/** The class whose instance `this` is where `node` stands: inside a method of it (arrow functions see their method's). */
function classOfThis(context: CodemodContext, node: Node): Node | undefined {
  for (const ancestor of context.index.ancestors(node)) {
    if (ancestor.type === 'ArrowFunctionExpression') continue;
    if (!isFunction(ancestor)) continue;
    const method = ancestor.type === 'ClassMethod' || ancestor.type === 'ClassPrivateMethod' ? ancestor : context.index.parent(ancestor);
    if (method?.type !== 'ClassMethod' && method?.type !== 'ClassPrivateMethod' && method?.type !== 'MethodDefinition') return undefined;
    return [...context.index.ancestors(method)].find((outer) => outer.type === 'ClassBody');
  }
  return undefined;
}

/**
 * `let url = '…/auth/authorize/'; url += '?client_key=' + KEY; … url += '&redirect_uri=' + redirect;`:
 * the whole URL, folded where the code reads the variable, and the block its statements are in.
 */
function builtUrl(context: CodemodContext, start: Node): { pieces: readonly Piece[]; root: Node } | undefined {
  const declarator = context.index.parent(start);
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== start || declarator.id.type !== 'Identifier') return undefined;
  const binding = context.index.resolve(declarator.id);
  if (!binding || binding.appends.length === 0) return undefined;
  const last = binding.appends.at(-1)!;
  const read = context.index
    .ofType('Identifier')
    .find(
      (node) =>
        node !== declarator.id && node !== last.left && rangeOf(node)[0] > rangeOf(last)[1] && context.index.resolve(node) === binding,
    );
  const block = context.index.parent(context.index.parent(declarator)!);
  return read && block ? { pieces: context.folder.fold(read).pieces, root: block } : undefined;
}

/**
 * The value of a local constant (`const redirect = …`, never reassigned) when it is built of literals
 * and module-level values only (a template or a `+` of them, maybe URI-encoded): reading it again
 * anywhere gives the same text. The encoding goes: the form body encodes the value itself.
 */
function builtFromModule(context: CodemodContext, node: Node): ParamValue | undefined {
  const value = unwrap(node);
  if (value.type !== 'Identifier') return undefined;
  const binding = context.index.resolve(value);
  if (
    !binding?.init ||
    binding.kind === 'import' ||
    binding.path.length > 0 ||
    binding.assignments.length > 0 ||
    binding.appends.length > 0
  )
    return undefined;
  const init = stripEncode(binding.init);
  const pure = (part: Node): boolean => {
    const piece = unwrap(part);
    if (staticString(piece) !== undefined && piece.type !== 'TemplateLiteral') return true;
    if (piece.type === 'TemplateLiteral') return (piece.expressions as Node[]).every(pure);
    if (piece.type === 'BinaryExpression' && piece.operator === '+') return pure(piece.left) && pure(piece.right);
    if (piece.type === 'LogicalExpression' && ['||', '??'].includes(piece.operator)) return pure(piece.left) && pure(piece.right);
    return isModuleReference(context, piece);
  };
  // `process.env.TIKTOK_REDIRECT_URI || 'http://localhost:3000/callback'`: the fallback is what the
  // folder spells, but a deployment sends the variable; the whole expression goes, as written.
  if ([init, ...descendants(init)].some((node) => node.type === 'LogicalExpression'))
    return pure(init) ? { source: context.source(init) } : undefined;
  const folded = context.folder.fold(init).pieces;
  // Constants of the handler itself (`const DOMAIN = 'shop.example'`): the text they spell.
  if (folded.every((piece) => piece.text !== undefined)) return { text: folded.map((piece) => piece.text).join('') };
  return pure(init) ? { source: context.source(init) } : undefined;
}

/** Declared by a `const`/`let`/`var` of the module itself, exported or not. */
function isTopLevel(context: CodemodContext, id: Node): boolean {
  let node: Node | undefined = context.index.parent(id);
  while (node && node.type !== 'VariableDeclaration') node = context.index.parent(node);
  const holder = node && context.index.parent(node);
  return holder?.type === 'Program' || (holder?.type === 'ExportNamedDeclaration' && context.index.parent(holder)?.type === 'Program');
}

/**
 * The value another TikTok call of the module sends as `key` (`client_secret`), where this call can
 * read it too: the code exchange beside a refresh that never sent the secret (v1 refreshed without
 * it). Only a reference every function sees, or a local constant of a plain environment read
 * (`const appSecret = process.env.TIKTOK_APP_SECRET`), which is written again as that read: reading
 * the environment twice has no effect. A literal secret is not copied.
 */
export function sentElsewhere(context: CodemodContext, key: string, near: Node): ParamValue | undefined {
  const candidates: Node[] = [];
  for (const composition of findUrlCompositions(context.index, context.folder)) {
    const { pieces, root } = builtUrl(context, composition.node) ?? { pieces: composition.url.pieces, root: composition.node };
    pieces.forEach((piece, index) => {
      const before = pieces[index - 1]?.text;
      if (piece.text === undefined && before !== undefined && new RegExp(`[?&]${key}=$`).test(before))
        candidates.push(stripEncode(writtenAs(context, root, piece.node)));
    });
  }
  for (const property of [...context.index.ofType('ObjectProperty'), ...context.index.ofType('Property')])
    if (keyName(property) === key && !property.computed) candidates.push(property.value);
  for (const candidate of candidates) {
    if (rangeOf(candidate)[0] >= rangeOf(near)[0] && rangeOf(candidate)[1] <= rangeOf(near)[1]) continue;
    if (isReadableAt(context, candidate, near)) return { node: candidate };
    const env = environmentRead(context, candidate);
    if (env) return { source: env };
  }
  return undefined;
}

/**
 * `process.env.TIKTOK_APP_SECRET`, read directly or through a constant never given another value
 * (`const appSecret = process.env.X`, or `const { X } = process.env`).
 */
export function environmentRead(context: CodemodContext, node: Node): string | undefined {
  let value = unwrap(node);
  if (value.type === 'Identifier') {
    const binding = context.index.resolve(value);
    if (!binding?.init || binding.kind !== 'const' || binding.path.length > 1) return undefined;
    const init = unwrap(binding.init);
    if (binding.path.length === 1) return isProcessEnv(context, init) ? `process.env.${binding.path[0]}` : undefined;
    value = init;
  }
  const object = isMember(value) && !value.computed ? unwrap(value.object) : undefined;
  return object !== undefined && isProcessEnv(context, object) ? `process.env.${memberName(value)}` : undefined;
}

/** Node's own `process.env`, not a binding of the module named `process`. */
function isProcessEnv(context: CodemodContext, node: Node): boolean {
  return (
    isMember(node) &&
    !node.computed &&
    memberName(node) === 'env' &&
    node.object.type === 'Identifier' &&
    node.object.name === 'process' &&
    context.index.resolve(node.object) === undefined
  );
}

/**
 * `// params.append('client_secret', credentials.clientSecret); // If required by TikTok`: a value the
 * author wrote for the key and left in a line comment of the call's function, above it. Said, never
 * written back: what the comment names may not be a string (an optional field), nor still exist.
 */
export function commentedOutValue(context: CodemodContext, key: string, call: Node): string | undefined {
  const fn = context.index.functionOf(call);
  const above = context.text.slice(fn ? rangeOf(fn)[0] : 0, rangeOf(call)[0]);
  const pattern = new RegExp(`^[ \\t]*//.*['"]${key}['"]\\s*[,:]\\s*([\\w$.?!]+)`, 'm');
  return pattern.exec(above)?.[1];
}

/**
 * The redirect URI an authorize URL of this module writes out as text (`url += '&redirect_uri=https://…'`),
 * decoded: the exchange sends the same text again. `tiktokPage` when it is a page of TikTok's own, which
 * no code ever came back to (the authorize step has a TODO for it).
 */
export function redirectWrittenInAuthorize(context: CodemodContext): { text: string; tiktokPage: boolean } | undefined {
  for (const composition of findUrlCompositions(context.index, context.folder)) {
    if (composition.match.v1?.rewrite !== 'authorize-page') continue;
    const { pieces } = builtUrl(context, composition.node) ?? { pieces: composition.url.pieces };
    const match = /[?&]redirect_uri=([^&#]*)/.exec(pieces.map((piece) => piece.text ?? HOLE).join(''));
    if (!match || match[1] === '' || match[1].includes(HOLE)) continue;
    try {
      const text = decodeURIComponent(match[1]);
      return { text, tiktokPage: TIKTOK_OWN_PAGE.test(text) };
    } catch {
      continue;
    }
  }
  return undefined;
}
