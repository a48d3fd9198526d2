import type { CodemodContext } from '../../src/codemod/context.js';
import { calleeName, descendants, isFunction, keyName, staticString, unwrap, type Node } from '../../src/detect/ast.js';
import { UPLOAD_SCOPE } from '../../src/contract/index.js';

/** A change to the text of one string or template part: the authorize URL, a scope list. */
export interface TextEdit {
  /** A string literal, or one quasi of a template. */
  readonly node: Node;
  readonly apply: (text: string) => string;
  /** What else changes once the text is written (a base the template no longer reads leaves it). */
  readonly after?: () => void;
}

/** Where the scope an authorize URL asks for is written, and what it takes to add `video.upload`. */
export type ScopeSite =
  | { readonly kind: 'has' }
  | { readonly kind: 'add'; readonly edit: TextEdit }
  | { readonly kind: 'push'; readonly array: Node }
  /**
   * A value read at run time (`process.env.TIKTOK_SCOPES`), or with `from`, a list another module
   * writes without `video.upload` (or, `unread`, a module this run did not read), where a person
   * adds or checks it.
   */
  | { readonly kind: 'unknown'; readonly value: Node; readonly from?: string; readonly unread?: boolean };

/** `scope=a,b` inside a URL's text, up to the next parameter. */
const SCOPE_PARAMETER = /([?&]scope=)([^&#'"`$]*)/;

/** A scope list with `video.upload` added, in the list's own separator (`,` or an encoded `%2C`). */
function withUploadScope(list: string): string {
  if (list.trim() === '') return UPLOAD_SCOPE;
  const separator = /%2C/i.test(list) ? list.match(/%2C/i)![0] : /\s/.test(list.trim()) && !list.includes(',') ? ' ' : ',';
  return `${list}${separator}${UPLOAD_SCOPE}`;
}

const lists = (text: string) => text.split(/,|%2C|\s+/i).map((scope) => scope.trim());

/**
 * The scope of the authorize URL built at `site` (the finding's node): in the URL's own text (`&scope=user.info.basic`), in the constant a
 * template puts there (`scope=${SCOPES}`), or in what the same function builds the query from
 * (`{ scope: '…' }`, `params.append('scope', …)`, `url += '&scope=…'`). Undefined when the list
 * cannot be seen.
 */
export function findScope(context: CodemodContext, site: Node): ScopeSite | undefined {
  return inText(context, site) ?? inOwnEntry(context, site) ?? inQuery(context, site);
}

/**
 * `authorize: { url: '…', buildQuery: () => query({ scope: '…' }) }`: a provider record's entry
 * writes its page and the query apart; the entry's own `scope` is the one the page gets (not a
 * `scope` another entry reads of an answer).
 */
function inOwnEntry(context: CodemodContext, site: Node): ScopeSite | undefined {
  const [scope] = entryProperties(context, site, 'scope');
  return scope && (valueSite(context, scope.value) ?? { kind: 'unknown', value: scope.value });
}

/**
 * The properties named `key` anywhere in the record entry a page is written in (`{ url: page, … }`),
 * in source order: a provider's page and its query's parameters, written apart in one entry.
 */
export function entryProperties(context: CodemodContext, page: Node, key: string): Node[] {
  const property = context.index.parent(page);
  const entry =
    property && (property.type === 'ObjectProperty' || property.type === 'Property') ? context.index.parent(property) : undefined;
  if (entry?.type !== 'ObjectExpression') return [];
  return [...descendants(entry)].filter((node) => (node.type === 'ObjectProperty' || node.type === 'Property') && keyName(node) === key);
}

/** In the text of the URL itself, or the value a template puts right after `scope=`. */
function inText(context: CodemodContext, site: Node): ScopeSite | undefined {
  const parts: Node[] = [];
  for (const node of descendants(site)) {
    if (node.type === 'TemplateLiteral') parts.push(...(node.quasis as Node[]));
    else if (staticString(node) !== undefined && node.type !== 'TemplateLiteral') parts.push(node);
  }
  for (const part of parts) {
    const text = textOf(part);
    const match = SCOPE_PARAMETER.exec(text);
    if (!match) continue;
    const after = text.slice(match.index + match[0].length);
    if (match[2] !== '' || after !== '' || part.type !== 'TemplateElement') return listSite(part, match[2]);
    // `scope=${SCOPES}`: the value the template puts there.
    const template = context.index.parent(part)!;
    const expression = template.expressions[(template.quasis as Node[]).indexOf(part)];
    return expression ? (valueSite(context, expression) ?? { kind: 'unknown', value: expression }) : undefined;
  }
  return undefined;
}

/** In the function that builds the URL (or the module): `{ scope: … }`, `.append('scope', …)`, `'&scope=…'`. */
function inQuery(context: CodemodContext, site: Node): ScopeSite | undefined {
  const scope = [...context.index.ancestors(site)].find(isFunction) ?? context.index.ofType('Program')[0] ?? site;
  for (const node of descendants(scope)) {
    if ((node.type === 'ObjectProperty' || node.type === 'Property') && keyName(node) === 'scope')
      return valueSite(context, node.value) ?? { kind: 'unknown', value: node.value };
    if (node.type === 'CallExpression' && ['append', 'set'].includes(calleeName(node) ?? '') && staticString(node.arguments[0]) === 'scope')
      return node.arguments[1] ? (valueSite(context, node.arguments[1]) ?? { kind: 'unknown', value: node.arguments[1] }) : undefined;
  }
  for (const node of descendants(scope)) {
    if (node.type !== 'StringLiteral' && node.type !== 'TemplateElement' && !(node.type === 'Literal' && typeof node.value === 'string'))
      continue;
    const match = SCOPE_PARAMETER.exec(textOf(node));
    if (match && match[2] !== '') return listSite(node, match[2]);
  }
  return undefined;
}

/** A scope value: a string, an array of strings, a `.join(',')` of one, or a constant holding one. */
function valueSite(context: CodemodContext, value: Node, seen = 0): ScopeSite | undefined {
  const node = unwrap(value);
  if (staticString(node) !== undefined && node.type !== 'TemplateLiteral') return listSite(node, staticString(node)!, true);
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return listSite(node.quasis[0], textOf(node.quasis[0]), true);
  if (node.type === 'ArrayExpression') {
    const items = (node.elements as (Node | null)[]).map((element) => (element ? staticString(element) : undefined));
    if (items.some((item) => item === undefined)) return undefined;
    return items.includes(UPLOAD_SCOPE) ? { kind: 'has' } : { kind: 'push', array: node };
  }
  if (node.type === 'CallExpression' && calleeName(node) === 'join' && node.callee.object)
    return valueSite(context, node.callee.object, seen);
  if (node.type === 'Identifier' && seen < 3) {
    const binding = context.index.resolve(node);
    // Another module's constant: that module is where the list is, and where a person adds to it.
    if (binding?.importSource !== undefined) {
      const exported = context.options.resolveImport?.(binding.importSource, binding.importName ?? 'default', binding.path);
      // Not read in this run: the list is the other module's to check.
      if (exported === undefined) return { kind: 'unknown', value: node, from: binding.importSource, unread: true };
      const items = typeof exported === 'string' ? lists(exported) : Object.values(exported);
      return items.includes(UPLOAD_SCOPE) ? { kind: 'has' } : { kind: 'unknown', value: node, from: binding.importSource };
    }
    if (!binding?.init || binding.path.length > 0 || binding.assignments.length > 0) return undefined;
    return valueSite(context, binding.init, seen + 1);
  }
  return undefined;
}

/** A list written in `part`'s text: has the scope already, or gets it added. */
function listSite(part: Node, list: string, whole = false): ScopeSite {
  if (lists(list).includes(UPLOAD_SCOPE)) return { kind: 'has' };
  const apply = whole
    ? (text: string) => withUploadScope(text)
    : (text: string) => text.replace(SCOPE_PARAMETER, (_, key: string, value: string) => `${key}${withUploadScope(value)}`);
  return { kind: 'add', edit: { node: part, apply } };
}

/** The text of a string literal, or the raw text of a template part. */
export function textOf(node: Node): string {
  return node.type === 'TemplateElement' ? (node.value.raw as string) : (staticString(node) ?? '');
}
