import { stringLike } from '../../src/codemod/replace-literal.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import { oneLine } from '../../src/codemod/todo.js';
import {
  calleeName,
  contains,
  descendants,
  isCall,
  isIdentifier,
  keyName,
  objectProperties,
  rangeOf,
  staticString,
  unwrap,
  type Node,
} from '../../src/detect/ast.js';
import { removeDeadBindings } from '../../src/codemod/remove-dead-bindings.js';
import { foldedText, HOLE, type Piece } from '../../src/detect/folded.js';
import { isReturnAddress } from '../../src/detect/classify-url.js';
import { TIKTOK_OWN_PAGE, UPLOAD_CALL_MARKER, UPLOAD_SCOPE, V2_AUTHORIZE_PAGE } from '../../src/contract/index.js';
import { entryProperties, findScope, textOf, type TextEdit } from './find-scope.js';
import { functionName, namedList, recordKeyReaders } from '../../src/detect/record-key-readers.js';
import { tableReaderFunction } from '../../src/detect/shared-sender.js';

/** The v1 authorize page in either spelling, up to its path's end (the query, if any, stays). */
const V1_AUTHORIZE =
  /(?:https?:)?\/\/(?:www\.tiktok\.com\/(?:o?auth\/authorize)|open-api\.tiktok\.com\/(?:platform\/oauth\/connect|(?:platform\/)?o?auth\/authorize))\/?(?![\w.~%/-])/gi;
const CLIENT_ID_KEY = /([?&])client_id=/;
/** The v1 page where a text names it as the page to open, not as the value of a `redirect_uri=` (where the user comes back to). */
const isPageAt = (text: string, offset: number) => !isReturnAddress(text.slice(0, offset));
const spellsV1Page = (text: string) => [...text.matchAll(V1_AUTHORIZE)].some((match) => isPageAt(text, match.index));

/**
 * The v2 page as the v1 one is used: without its final slash where the v1 page, held apart without
 * one, is joined to a text that brings its own (`${AUTH_BASE}/?${params}`), which would otherwise
 * ask for `…/authorize//?…`; with it everywhere else, as TikTok writes it.
 */
function v2PageFor(context: CodemodContext, part: Node): (v1: string) => string {
  return (v1) => (!v1.endsWith('/') && joinedToSlash(context, part) ? V2_AUTHORIZE_PAGE.replace(/\/$/, '') : V2_AUTHORIZE_PAGE);
}

/** Whether a string held by a constant (`const AUTH_BASE = '…'`) is read somewhere with a `/` right after it. */
function joinedToSlash(context: CodemodContext, part: Node): boolean {
  const declarator = context.index.parent(part);
  if (declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier') return false;
  // A declared name always has its binding in the module's index.
  const binding = context.index.resolve(declarator.id)!;
  return context.index.referencesOf(binding).some((read) => {
    const parent = context.index.parent(read);
    if (parent?.type === 'TemplateLiteral') {
      const next = parent.quasis[parent.expressions.indexOf(read) + 1];
      return !!next && textOf(next).startsWith('/');
    }
    return parent?.type === 'BinaryExpression' && parent.left === read && staticString(parent.right)?.startsWith('/') === true;
  });
}

const SCOPE_NOTE = `The TikTok authorize URLs now open the v2 page and ask for ${UPLOAD_SCOPE} (a scope read at run time keeps its value: the Share Video upload needed ${UPLOAD_SCOPE} too, under that name): the app needs that scope approved in the TikTok developer portal, and every user authorizes again (tokens from v1 OAuth are not accepted by the v2 API)`;

/**
 * The v1 authorize page (`www.tiktok.com/auth/authorize/`, `open-api.tiktok.com/platform/oauth/connect/`)
 * becomes the v2 page, `https://www.tiktok.com/v2/auth/authorize/`, which takes the same parameters
 * (API-CONTRACT §2.8). Where the app uploads, the scope it asks for gains `video.upload` when the
 * code shows the list; a list read at run time had it already, for the Share Video upload.
 */
export function rewriteAuthorizeUrls(context: CodemodContext): void {
  const findings = context.unhandled((f) => f.ruleId === 'no-v1-oauth-endpoint' && f.messageId === 'authorize');
  if (findings.length === 0) return;
  // Planned on the tree as read, then made: a scope list may sit in the very string that spells the page.
  const edits: TextEdit[] = [];
  const pages = textParts(context).filter((part) => spellsV1Page(textOf(part)));
  // `…/auth/authorize?client_id=…`: TikTok's pages, v1's as v2's, read `client_key`, so the URL never
  // worked; written in the same text as the page, the key is the one TikTok reads now.
  for (const part of pages)
    edits.push({
      node: part,
      apply: (text) =>
        text
          .replace(V1_AUTHORIZE, (page: string, offset: number) => (isPageAt(text, offset) ? v2PageFor(context, part)(page) : page))
          .replace(CLIENT_ID_KEY, '$1client_key='),
    });
  // `…?scope=…&redirect_uri=${uri}&client_id=${id}`: the key in a later part of the same template.
  for (const part of pages) {
    const template = part.type === 'TemplateElement' ? context.index.parent(part) : undefined;
    const later = ((template?.quasis as Node[] | undefined) ?? []).filter(
      (quasi) => quasi !== part && rangeOf(quasi)[0] > rangeOf(part)[0],
    );
    if (later.some((quasi) => textOf(quasi).includes('client_key='))) continue;
    for (const quasi of later)
      if (CLIENT_ID_KEY.test(textOf(quasi))) edits.push({ node: quasi, apply: (text) => text.replace(CLIENT_ID_KEY, '$1client_key=') });
  }
  const appUploads = context.options.appUploads ?? moduleUploads(context);
  const arrays = new Set<Node>();
  for (const finding of findings) {
    const [start, end] = rangeOf(finding.node!);
    // The page is spelled inside the URL expression, or in a value the request's URL was folded from.
    const trace = context.requests.find((request) => request.call === finding.node)?.trace;
    const own = (part: Node) =>
      (rangeOf(part)[0] >= start && rangeOf(part)[1] <= end) || trace?.has(part) || trace?.has(context.index.parent(part)!);
    const page = pages.find(own) ?? onLegacyBase(context, finding.node!, edits) ?? newUrlOnLegacyBase(context, finding.node!);
    if (!page) {
      context.defer(
        finding,
        `this authorize URL is built on a v1 one defined in another module: rewrite it there to ${V2_AUTHORIZE_PAGE} (the codemod does when that module is part of the run)`,
      );
      continue;
    }
    // The URL is read where it is written (a `const url = \`…\`` the redirect uses later), or else around the finding.
    const written = page.type === 'TemplateElement' ? context.index.parent(page)! : page;
    const scope = appUploads ? (findScope(context, written) ?? findScope(context, finding.node!)) : undefined;
    if (scope?.kind === 'add') edits.push(scope.edit);
    if (scope?.kind === 'push') arrays.add(scope.array);
    const added = scope?.kind === 'add' || scope?.kind === 'push';
    // A scope the code does not show (an environment variable, a setting) asked for video.upload
    // already: the Share Video upload needed that very scope, under the same name (API-CONTRACT §8),
    // so the deployment's value serves the v2 page as it is. Only a list written here can lack it.
    const unseen = appUploads && (!scope || (scope.kind === 'unknown' && scope.from === undefined));
    context.record(
      finding,
      'rewritten',
      added
        ? `now the v2 authorize page; ${UPLOAD_SCOPE} added to its scope, which the Content Posting upload needs`
        : unseen
          ? `now the v2 authorize page, ${V2_AUTHORIZE_PAGE}; its scope${scope?.kind === 'unknown' ? ` (\`${oneLine(context.source(scope.value))}\`)` : ''} is read at run time and asked for ${UPLOAD_SCOPE} for the Share Video upload already`
          : CLIENT_ID_KEY.test(page.type === 'TemplateElement' ? context.source(context.index.parent(page)!) : textOf(page))
            ? `now the v2 authorize page, ${V2_AUTHORIZE_PAGE}, with client_key in place of client_id (which neither page read)`
            : `now the v2 authorize page, ${V2_AUTHORIZE_PAGE}, with the same parameters`,
    );
    const unusable = unusableRedirect(context, finding.node!) ?? unusableRedirectBeside(context, written);
    const currentPage = unusable ? undefined : currentPageRedirect(context, finding.node!);
    if (currentPage)
      context.todoAt(
        written,
        `\`redirect_uri\` is the page the user is on (\`${currentPage}\`), but the v2 page takes only redirect URIs registered exactly in the app's Login Kit settings (https, fixed): send one registered callback here and in the code exchange, and carry the page to come back to in \`state\``,
        written,
      );
    const asked = unusable || currentPage ? undefined : requestRedirect(context, finding.node!);
    if (asked)
      context.todoAt(
        written,
        `\`redirect_uri\` comes from the incoming request (\`${asked}\`), so it varies, but the v2 page takes only redirect URIs registered exactly in the app's Login Kit settings (https, fixed): send one registered callback here and in the code exchange, and carry where to go next in \`state\``,
        written,
      );
    if (unusable)
      context.todoAt(
        written,
        TIKTOK_OWN_PAGE.test(unusable)
          ? `\`redirect_uri=${unusable}\` is a page of TikTok's, not of this app, so the user never comes back with the code, and the v2 page takes only https redirect URIs registered in the app's Login Kit settings: register the app's own callback and send it here and in the code exchange`
          : `the v2 page takes only https redirect URIs registered in the app's Login Kit settings: \`redirect_uri=${unusable}\` is refused; register an https one and send it here and in the code exchange`,
        written,
      );
    // `authorization: 'https://www.tiktok.com/v2/auth/authorize/'` of an OAuth library's provider: the
    // library adds the query, with `client_id`, which neither page reads.
    // The builder in sight (`buildAuthUrl` reads `config.authUrl`) is named; else the function that
    // picks it from a platform table of its own (`baseUrls[platform]`); else a library or a module elsewhere.
    const table = tableReaderFunction(written, context.index);
    const readers = recordKeyReaders(written, context.index);
    if (readers.length === 0 && table) readers.push(table);
    const builders = namedList([...new Set(readers.map((fn) => functionName(fn, context.index)).filter((name) => name !== undefined))]);
    const builtIn = context.index.functionOf(written);
    const spaced = singleScope(context, written)
      ? undefined
      : [...readers, ...(readers.length === 0 && builtIn ? [builtIn] : [])].map((fn) => scopesJoinedWithSpace(context, fn)).find(Boolean);
    // `authorization: 'https://www.tiktok.com/v2/auth/authorize/'` of an OAuth library's provider: the
    // library adds the query, with `client_id`, which neither page reads.
    if (libraryAddsClientId(context, written) || bareBesideClientId(context, written))
      context.todoAt(
        written,
        builders
          ? `this authorize page is opened by ${builders}, which builds its query for every provider and sends OAuth's \`client_id\` and no \`client_key\`: TikTok's page reads \`client_key\`, so make ${builders} send \`client_key\` for TikTok, and the token request's body too${spaced ? `; it also joins the scopes with a space (\`${spaced}\`), where TikTok's page takes them comma-separated: join them with ',' for TikTok` : ''}`
          : "this authorize page is opened by code that builds its query for every provider (an OAuth library, or the app's own), which sends OAuth's `client_id` and no `client_key`: TikTok's page reads `client_key`, so make it send `client_key` (the library's authorization params, or the app's own query builder), and in the token request's body too",
        written,
      );
    else if (spaced)
      context.todoAt(
        written,
        `the scopes this authorize page asks for are joined with a space (\`${spaced}\`${builders ? ` in ${builders}` : ''}), OAuth's way, where TikTok's page takes them comma-separated: join them with ',' for TikTok`,
        written,
      );
    // A list another module writes without it: added there, by a person.
    if (appUploads && scope?.kind === 'unknown' && scope.from !== undefined)
      context.todoAt(
        written,
        `${scope.unread ? 'make sure' : `add ${UPLOAD_SCOPE} to`} \`${oneLine(context.source(scope.value))}\` (from '${scope.from}'), the scope this authorize URL asks for${scope.unread ? `, includes ${UPLOAD_SCOPE}` : ''}: the Content Posting upload needs it`,
        written,
      );
  }
  applyEdits(context, edits);
  for (const array of arrays) context.pathOf(array).node.elements.push(context.j.stringLiteral(UPLOAD_SCOPE));
  if (appUploads) context.notes.add(SCOPE_NOTE);
}

/**
 * The `redirect_uri` an authorize URL sends, where the code spells it and v2 cannot send the user
 * back to it: plain http (`http://localhost:3000/`: v1 took redirect domains, v2 only registered
 * https URIs, §2.8), or a page of TikTok's own (`https://www.tiktok.com/auth/authorize/`).
 */
/**
 * `redirect_uri=${encodeURIComponent(window.location.href)}`: the page the button sits on, which varies,
 * where v2 takes only the redirect URIs registered exactly (v1 took any path of a registered domain).
 * The expression that reads the page, as written, or undefined.
 */
function currentPageRedirect(context: CodemodContext, found: Node): string | undefined {
  const redirect = redirectOf(context, found);
  if (!redirect || redirect.value !== HOLE || !redirect.piece || redirect.piece.text !== undefined) return undefined;
  const value = context.folder.valueNode(redirect.piece.node) ?? redirect.piece.node;
  const page = /\b(?:window\.)?(?:document\.)?location\.(?:href|toString\(\))/.exec(context.source(value));
  return page?.[0];
}

/** What an app reads of the request it serves: its query, body or route parameters. */
const REQUEST_INPUT = /\b(?:req|request|ctx|event)\??\.(?:query|body|params)\b|\bsearchParams\.get\(/;

/**
 * `redirect_uri=${redirectUrl}` where `const { redirectUrl } = req.query` (or a value built on it a few
 * names away): a redirect the caller picks, where v2 takes only the ones registered. The expression, or undefined.
 */
function requestRedirect(context: CodemodContext, found: Node): string | undefined {
  const redirect = redirectOf(context, found);
  if (!redirect || !redirect.value.includes(HOLE) || !redirect.piece || redirect.piece.text !== undefined) return undefined;
  return fromRequest(context, redirect.piece.node, 0) ? oneLine(context.source(redirect.piece.node)) : undefined;
}

function fromRequest(context: CodemodContext, node: Node, depth: number): boolean {
  if (REQUEST_INPUT.test(context.source(node))) return true;
  if (depth >= 4) return false;
  return [...descendants(node)].some((id) => {
    if (id.type !== 'Identifier') return false;
    const binding = context.index.resolve(id);
    return !!binding?.init && !contains(binding.init, node) && fromRequest(context, binding.init, depth + 1);
  });
}

function unusableRedirect(context: CodemodContext, found: Node): string | undefined {
  const redirect = redirectOf(context, found);
  // `const redirectUri = encodeURIComponent('http://localhost:3000/callback')`: a literal, encoded.
  const encoded = redirect?.value === HOLE ? encodedLiteral(context, redirect.piece?.node) : undefined;
  if (encoded !== undefined) return /^http:\/\//i.test(encoded) || TIKTOK_OWN_PAGE.test(encoded) ? encoded : undefined;
  if (!redirect || redirect.value.includes(HOLE)) return undefined;
  // `process.env.CALLBACK_URL || 'http://localhost:4000/…'`: the literal is a fallback for development,
  // and what a deployment sends is not in the code.
  const holder = redirect.piece && context.index.parent(redirect.piece.node);
  if (holder?.type === 'LogicalExpression' || holder?.type === 'ConditionalExpression') return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(redirect.value);
  } catch {
    return undefined;
  }
  return /^http:\/\//i.test(decoded) || TIKTOK_OWN_PAGE.test(decoded) ? decoded : undefined;
}

/** The text `encodeURIComponent('…')` encodes, where the hole is that call (or a `const` holding it). */
function encodedLiteral(context: CodemodContext, hole: Node | undefined): string | undefined {
  const value = hole && unwrap(context.folder.valueNode(hole) ?? hole);
  if (!value || !isCall(value) || !isIdentifier(value.callee, 'encodeURIComponent') || !value.arguments[0]) return undefined;
  // Only a literal, or a name that holds one: `env || 'http://localhost…'` is a development fallback.
  const argument = unwrap(value.arguments[0]);
  return staticString(argument.type === 'Identifier' ? (context.folder.valueNode(argument) ?? argument) : argument);
}

/**
 * The `redirect_uri` value of the authorize URL `found` builds, as folded text (a hole where code goes),
 * and the piece of the URL it starts in.
 */
function redirectOf(context: CodemodContext, found: Node): { value: string; piece?: Piece } | undefined {
  const url = context.requests.find((request) => request.call === found)?.url ?? context.folder.fold(found);
  const match = /[?&]redirect_uri=([^&#]*)/.exec(foldedText(url));
  if (!match) return undefined;
  let at = match.index + match[0].length - match[1].length;
  return { value: match[1], piece: url.pieces.find((each) => (at -= (each.text ?? HOLE).length) < 0) };
}

/** Keys a provider record names its authorize page by (next-auth, passport, simple-oauth2, grant, an app's own table). */
const LIBRARY_AUTHORIZE_KEY =
  /^(?:authorization|authorizationURL|authorizationUrl|authorizeUrl|authorize_url|authorizePath|authUrl|authURL|auth_url)$/;

/**
 * The page written as a library provider's authorize entry (`authorization: '…'`, `authorization: {
 * url: '…' }`) in a provider that spells no `client_key` anywhere: the library builds the query.
 */
function libraryAddsClientId(context: CodemodContext, page: Node): boolean {
  if (/client_key=/.test(textOf(page))) return false;
  let property = context.index.parent(page);
  if (property && (property.type === 'ObjectProperty' || property.type === 'Property') && keyName(property) === 'url') {
    const inner = context.index.parent(property);
    property = inner && context.index.parent(inner);
  }
  if (
    !property ||
    (property.type !== 'ObjectProperty' && property.type !== 'Property') ||
    !LIBRARY_AUTHORIZE_KEY.test(keyName(property) ?? '')
  )
    return false;
  const provider = context.index.parent(property);
  const keys = objectProperties(provider ?? property).map((entry) => keyName(entry));
  // A provider: the token endpoint beside the page; and no `client_key` anywhere in the module (code of its own that builds the query would name it).
  return (
    provider?.type === 'ObjectExpression' &&
    keys.some((key) => key !== undefined && /^(?:token|tokenURL|tokenUrl|accessTokenUrl|token_url)$/.test(key)) &&
    !context.text.includes('client_key')
  );
}

/**
 * The bare page (`connectUrl: 'https://www.tiktok.com/v2/auth/authorize/'`, no query of its own) in a
 * module that sends `client_id` and never `client_key`: the query the page gets is built by code
 * shared with other providers (`client_id: clientIds[platform]`), or by a library told `clientId`.
 */
function bareBesideClientId(context: CodemodContext, page: Node): boolean {
  if (context.source(page).includes('?') || context.text.includes('client_key')) return false;
  const record = context.index.parent(context.index.parent(page) ?? page);
  const besideClientId =
    record?.type === 'ObjectExpression' && objectProperties(record).some((entry) => /^client_?id$/i.test(keyName(entry) ?? ''));
  return besideClientId || /\bclient_id\b/.test(context.text);
}

/**
 * A provider record's authorize entry (`authorize: { url: '…', buildQuery: () => query({ redirect_uri:
 * 'http://…' }) }`): the page and its parameters written apart, in one entry; a plain http
 * `redirect_uri` spelled there is the one the page gets.
 */
function unusableRedirectBeside(context: CodemodContext, page: Node): string | undefined {
  return entryProperties(context, page, 'redirect_uri')
    .map((redirect) => staticString(redirect.value))
    .find((value) => /^http:\/\//i.test(value ?? '') || TIKTOK_OWN_PAGE.test(value ?? ''));
}

/** The v1 page's path after a base the template reads (`${this.baseURL}/platform/oauth/connect/?…`). */
const V1_PATH_AFTER_BASE = /^\/(?:platform\/oauth\/connect|(?:platform\/)?o?auth\/authorize)\/?(?![\w.~%/-])/;
const LEGACY_BASE = /^https?:\/\/open-api\.tiktok\.com\/?$/;

/**
 * `${this.baseURL}/platform/oauth/connect/?${params}` with `this.baseURL = 'https://open-api.tiktok.com'`
 * set in the constructor: the page is spelled half by the base, which other requests read, and half
 * here. This template opens the v2 page itself now, the base left to the requests that read it.
 * Planned as an edit of the path's text part; the base leaves the template when it is made.
 */
function onLegacyBase(context: CodemodContext, found: Node, edits: TextEdit[]): Node | undefined {
  const request = context.requests.find((each) => each.call === found);
  let url = unwrap(request ? request.urlArgument : found);
  // `${BASE}/oauth/authorize/` + `?client_key=…` + …: the page is the first part.
  while (url.type === 'BinaryExpression' && url.operator === '+') url = unwrap(url.left);
  if (url.type !== 'TemplateLiteral' || url.expressions.length === 0 || textOf(url.quasis[0]) !== '') return undefined;
  const base = context.folder.fold(url.expressions[0]).pieces;
  if (!base.every((piece) => piece.text !== undefined) || !LEGACY_BASE.test(base.map((piece) => piece.text).join(''))) return undefined;
  const path = url.quasis[1];
  if (!V1_PATH_AFTER_BASE.test(textOf(path))) return undefined;
  edits.push({
    node: path,
    apply: (text) => text.replace(V1_PATH_AFTER_BASE, V2_AUTHORIZE_PAGE),
    after: () => {
      const template = context.pathOf(url).node;
      template.quasis.shift();
      template.expressions.shift();
    },
  });
  return path;
}

/**
 * `new URL(AUTH_PATH, BASE_URL)` with the v1 page's path and the legacy host, read here or from the
 * module that exports them (a constants module also holding the token and upload paths, which stay):
 * the page is written whole in its place, and the names that only fed it go.
 */
function newUrlOnLegacyBase(context: CodemodContext, found: Node): Node | undefined {
  const url = unwrap(found);
  if (url.type !== 'NewExpression' || !isIdentifier(url.callee, 'URL') || url.arguments.length !== 2) return undefined;
  const [path, base] = (url.arguments as Node[]).map((argument) => foldedText(context.folder.fold(argument)));
  if (!LEGACY_BASE.test(base) || !V1_PATH_AFTER_BASE.test(path) || path.replace(V1_PATH_AFTER_BASE, '') !== '') return undefined;
  const fed = url.arguments as Node[];
  const page = stringLike(context, fed[0], V2_AUTHORIZE_PAGE);
  context.pathOf(url).node.arguments = [page];
  for (const argument of fed) removeDeadBindings(context, argument);
  return page;
}

/** Every string literal and template part of the module, as read. */
function textParts(context: CodemodContext): Node[] {
  const strings = [...context.index.ofType('StringLiteral'), ...context.index.ofType('Literal')].filter(
    (node) => staticString(node) !== undefined,
  );
  return [...strings, ...context.index.ofType('TemplateLiteral').flatMap((template) => template.quasis as Node[])];
}

/** Each part changed once, with all its edits: a string stays a string, a template part stays one. */
function applyEdits(context: CodemodContext, edits: readonly TextEdit[]): void {
  const { j } = context;
  const byNode = new Map<Node, TextEdit[]>();
  for (const edit of edits) byNode.set(edit.node, [...(byNode.get(edit.node) ?? []), edit]);
  for (const [node, list] of byNode) {
    const text = list.reduce((current, edit) => edit.apply(current), textOf(node));
    if (text === textOf(node)) continue;
    context
      .pathOf(node)
      .replace(
        node.type === 'TemplateElement' ? j.templateElement({ raw: text, cooked: text }, node.tail) : stringLike(context, node, text),
      );
    for (const edit of list) edit.after?.();
  }
}

/** Without the run's answer (a jscodeshift run of this step alone): whether this module uploads. */
function moduleUploads(context: CodemodContext): boolean {
  return UPLOAD_CALL_MARKER.test(context.text);
}

/**
 * `scopes.join(' ')` in a query builder every provider shares: OAuth's own separator, where TikTok's
 * authorize page takes a comma-separated list (§2.7). The call's text, or undefined.
 */
function scopesJoinedWithSpace(context: CodemodContext, fn: Node): string | undefined {
  for (const call of context.index.ofType('CallExpression')) {
    if (calleeName(call) !== 'join' || !contains(fn, call)) continue;
    const separator = call.arguments[0] && staticString(call.arguments[0]);
    if (separator !== undefined && /^(?: |\+|%20)$/.test(separator) && /scope/i.test(context.source(call.callee)))
      return context.source(call);
  }
  return undefined;
}

/**
 * `{ authUrl: '…', scopes: ['user.info.basic'] }`: the page's own entry asks for one scope, which
 * reads the same joined with a space or a comma.
 */
function singleScope(context: CodemodContext, written: Node): boolean {
  const entry = context.index.parent(written);
  const record = entry && context.index.parent(entry);
  if (record?.type !== 'ObjectExpression') return false;
  const scopes = objectProperties(record).find((property) => /^scopes?$/i.test(keyName(property) ?? ''));
  const value = scopes && unwrap(scopes.value);
  if (value?.type === 'ArrayExpression') return value.elements.length === 1;
  const text = value && staticString(value);
  return text !== undefined && !/[,\s]/.test(text.trim());
}
