import { CONTENT_POSTING_HOSTS } from '../contract/index.js';
import { isCall, isStringLiteral, staticString, type Node } from '../detect/ast.js';
import { classifyUrl } from '../detect/classify-url.js';
import { isExported } from '../detect/endpoints.js';
import { baseUrlText } from '../detect/legacy-base-url.js';
import { formatMessage, RULES } from '../detect/rule-catalog.js';
import type { CodemodContext } from './context.js';
import { replaceLiteral } from './replace-literal.js';
import { hadTodo, todoStatement } from './todo.js';

/**
 * `axios.create({ baseURL: 'https://open-api.tiktok.com' })`, got's and ky's `prefixUrl`, once every
 * request the module sent through that client is rewritten (each now with its absolute v2 URL): the
 * base would still send the next relative call to the retired host, and it spells that host. It
 * becomes the Content Posting host. A base some request still relies on (left for a person), or
 * exported for other modules to build on, stays.
 */
export function repointClientBases(context: CodemodContext): void {
  const present = context.nodesInTree();
  // A request whose URL is still in the tree was not rewritten.
  const live = context.requests.filter((request) => present.has(request.urlArgument));
  const bases = new Set<Node>();
  for (const request of context.requests) {
    for (const node of request.trace) if (isClientBase(node, context)) bases.add(node);
  }
  for (const base of bases) {
    if (!present.has(base) || live.some((request) => request.trace.has(base)) || isExported(base, context.index)) continue;
    const text = staticString(base)!;
    replaceLiteral(context, base, `https://${CONTENT_POSTING_HOSTS[0]}${text.endsWith('/') ? '/' : ''}`);
  }
}

/** The retired host alone, as the base option of a client instance (`axios.create({ baseURL })`, not a settings record's field). */
function isClientBase(node: Node, context: CodemodContext): boolean {
  if (!isStringLiteral(node) || classifyUrl(staticString(node) ?? '')?.kind !== 'legacy-base') return false;
  const property = context.index.parent(node);
  const key = property && (property.type === 'ObjectProperty' || property.type === 'Property') ? property.key : undefined;
  const name = key?.type === 'Identifier' ? key.name : staticString(key);
  const options = property && context.index.parent(property);
  const call = options && context.index.parent(options);
  return (name === 'baseURL' || name === 'prefixUrl') && !!call && isCall(call) && call.arguments.includes(options);
}

/**
 * `const API = 'https://open-api.tiktok.com'` (or a client's `baseURL`) that requests left for a person
 * still build on: their TODOs give each its absolute v2 URL, but the base stays and spells the retired
 * host, so the next relative path written on it (`/v2/user/info/`) goes there. Before the rewrite the
 * requests' findings stood for it; after, it is a site of its own, with the base's TODO.
 */
export function markBasesLeftBehind(context: CodemodContext): void {
  const present = context.nodesInTree();
  const left = context.requests.filter((request) => present.has(request.urlArgument));
  const reported = new Set(context.findings.map((finding) => finding.node));
  const bases = new Set<Node>();
  // A base written in the request's own statement is part of that site, and of its TODO.
  const sites = new Set(left.map((request) => todoStatement(context, request.call)));
  // A wrapper's `${BASE}${endpoint}`, a path not read statically: its TODO is about the host already.
  for (const request of left.filter((each) => each.match.kind !== 'legacy-dynamic')) {
    for (const node of request.trace) {
      if (!present.has(node) || reported.has(node) || !isStringLiteral(node) || sites.has(todoStatement(context, node))) continue;
      const match = classifyUrl(staticString(node) ?? '');
      // One exported by name is reported where it is declared, and in `reported`.
      if (match?.kind === 'legacy-base' && !hadTodo(context, node)) bases.add(node);
    }
  }
  for (const base of bases) {
    const legacy = baseUrlText(classifyUrl(staticString(base)!)!);
    const message = formatMessage(RULES['no-unmapped-legacy-endpoint'].messages.base, { legacy });
    context.todoAt(base, message, base);
  }
}
