import type { CodemodContext } from '../../src/codemod/context.js';
import { paramSource, type ParamValue } from '../../src/codemod/request-params.js';
import { calleeName, isCall, isFunction, isMember, memberName, staticString, unwrap, type Node } from '../../src/detect/ast.js';
import { foldedText, HOLE } from '../../src/detect/folded.js';

/** What a route handler sends its answer with. */
const SENDS = new Set(['send', 'json', 'end']);

/**
 * `app.get('/redirect', (req, res) => … res.send(json))`, where `/redirect` is the path of the
 * redirect_uri this code exchange sends: TikTok sends the user's browser there, so the answer is shown
 * to that browser, and no code of a caller or client reads it next (a page is navigated to, not
 * fetched). The token answer leaving whole there needs no TODO.
 */
export function shownOnRedirectPage(context: CodemodContext, handedOn: Node, redirect: ParamValue | undefined): boolean {
  const path = redirect && pathOf(context, redirect);
  const call = context.index.parent(handedOn);
  if (!path || !call || !isCall(call) || !SENDS.has(calleeName(call) ?? '') || !(call.arguments as Node[]).includes(handedOn)) return false;
  const callee = unwrap(call.callee);
  const response = isMember(callee) ? unwrap(callee.object) : undefined;
  const binding = response?.type === 'Identifier' ? context.index.resolve(response) : undefined;
  if (binding?.kind !== 'param') return false;
  // The route whose handler takes that response as its second parameter: `app.get(path, (req, res) => …)`.
  for (const ancestor of context.index.ancestors(call)) {
    if (!isFunction(ancestor) || (ancestor.params as Node[])[1] !== binding.id) continue;
    const route = context.index.parent(ancestor);
    if (!route || !isCall(route) || !isMember(unwrap(route.callee)) || memberName(unwrap(route.callee)) !== 'get') return false;
    const written = route.arguments[0] && staticString(unwrap(route.arguments[0]));
    return written !== undefined && written.replace(/\/+$/, '') === path.replace(/\/+$/, '');
  }
  return false;
}

/** The path of the redirect URI, when its text is known (`"https://app.example/redirect"`, a constant holding it). */
function pathOf(context: CodemodContext, redirect: ParamValue): string | undefined {
  const text =
    'text' in redirect
      ? redirect.text
      : 'node' in redirect
        ? foldedText(context.folder.fold(redirect.node))
        : (constantText(context, redirect.source) ?? paramSource(context, redirect));
  if (text.includes(HOLE)) return undefined;
  try {
    return new URL(text).pathname;
  } catch {
    return undefined;
  }
}

/** `const SERVER_ENDPOINT_REDIRECT = 'https://…/redirect'`: the text of the one constant the module declares by that name. */
function constantText(context: CodemodContext, name: string): string | undefined {
  const declared = context.index
    .ofType('VariableDeclarator')
    .filter((declarator) => declarator.id.type === 'Identifier' && declarator.id.name === name && declarator.init);
  return declared.length === 1 ? foldedText(context.folder.fold(declared[0].init)) : undefined;
}

/**
 * `if (tokenData.access_token) { … } else { return new Response(JSON.stringify(tokenData), { status: 400 }) }`:
 * the answer leaves whole only where it holds no access token, a failure shown as it came; no reader
 * of its `data.access_token` (v1's place) can be on that path.
 */
export function handedOnWithoutToken(context: CodemodContext, handedOn: Node): boolean {
  const name = context.source(handedOn).replaceAll('?.', '.');
  let child = handedOn;
  for (const ancestor of context.index.ancestors(handedOn)) {
    if (isFunction(ancestor)) return false;
    // Read as the rewrite left it: v1's `if (tokenData.data)` is `if (tokenData.access_token)` by now.
    if (ancestor.type === 'IfStatement' && ancestor.alternate === child)
      // A node the rewrite made has no text of the file's: printed.
      return printed(context, ancestor.test as Node) === `${name}.access_token`;
    child = ancestor;
  }
  return false;
}

/** A node as it now prints, `?.` read as `.`. */
function printed(context: CodemodContext, node: Node): string {
  return context
    .j(node as any)
    .toSource()
    .replaceAll('?.', '.');
}
