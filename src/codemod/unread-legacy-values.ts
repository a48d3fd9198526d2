import { INBOX_VIDEO_INIT, LEGACY_UPLOAD } from '../contract/index.js';
import { findProperty, isMember, isStringLiteral, memberName, objectProperties, staticString, type Node } from '../detect/ast.js';
import { isExported, isRelativeUploadPath } from '../detect/endpoints.js';
import type { CodemodContext } from './context.js';
import { replaceLiteral } from './replace-literal.js';
import { hadTodo } from './todo.js';
import { onlyTested, readsOf, recordEntry } from './v1-url-left-behind.js';

const NEW_HOST = new URL(INBOX_VIDEO_INIT.url).origin;
const NEW_PATH = new URL(INBOX_VIDEO_INIT.url).pathname;
const withoutSlash = (text: string) => text.replace(/\/+$/, '');

/**
 * The legacy upload's URL (or its path beside the legacy host) in a record of the module's own that no
 * request sends: a private field whose TikTok entry nothing reads, a local table of endpoints whose
 * entry is only tested for being there (`if (!endpoints[platform]) throw …`). Nothing sends it, so
 * nothing breaks either way, and the entry names the Content Posting init now, as a person would leave
 * it; wherever it is read for more than a test, or may be read elsewhere (exported), it keeps its TODO.
 */
export function settleUnsentUploadUrls(context: CodemodContext): void {
  const findings = context.unhandled(
    (finding) =>
      finding.ruleId === 'no-legacy-share-endpoint' && ['url', 'relativeBesideBase'].includes(finding.messageId) && !!finding.node,
  );
  let present: Set<unknown> | undefined;
  for (const finding of findings) {
    const node = finding.node!;
    const text = isStringLiteral(node) ? staticString(node) : undefined;
    // A TODO an earlier run left is the person's to settle: a second run changes nothing.
    if (text === undefined || isExported(node, context.index) || hadTodo(context, node)) continue;
    const whole = withoutSlash(text) === withoutSlash(LEGACY_UPLOAD.url);
    const pathBesideBase = finding.messageId === 'relativeBesideBase' && withoutSlash(text) === withoutSlash(LEGACY_UPLOAD.path);
    if (!whole && !pathBesideBase) continue;
    const entry = recordEntry(node, context);
    // A URL held whole by a constant or field is the value its readers send; one a private field holds
    // that nothing reads (`private readonly API_BASE = '…/share/video/upload/'`) sends nothing either.
    if (!entry || !ownToItsModule(node, context)) continue;
    if (entry.path.length === 0 && (entry.reads.length > 0 || !heldByClassField(node, context))) continue;
    present ??= context.nodesInTree();
    if (!nothingSends(entry, present, context)) continue;
    // The host beside the path is part of the same entry: `{ apiUrl: 'https://open-api.tiktok.com', postEndpoint: … }`.
    const base = pathBesideBase ? findProperty(context.index.parent(context.index.parent(node)!)!, finding.data.key) : undefined;
    if (pathBesideBase && !(base && isStringLiteral(base.value))) continue;
    replaceLiteral(context, node, whole ? INBOX_VIDEO_INIT.url : NEW_PATH);
    if (base) replaceLiteral(context, base.value, NEW_HOST);
    context.record(
      finding,
      'rewritten',
      'no request sends it (its entry is never read, or only tested): it names the Content Posting init now',
    );
  }
}

/** Whether every read of a record entry that reaches it only looks at it (`if (!endpoints[network])`), or none does. */
function nothingSends(entry: { path: string[]; reads: Node[] }, present: ReadonlySet<unknown>, context: CodemodContext): boolean {
  return entry.reads
    .filter((read) => present.has(read))
    .flatMap((read) => readsOf(read, entry.path, 0, context))
    .every((site) => {
      const parent = context.index.parent(site);
      return parent !== undefined && onlyTested(site, parent);
    });
}

/** A class's field holds the node (one of its own module's, `ownToItsModule` says: a private one). */
function heldByClassField(node: Node, context: CodemodContext): boolean {
  const holder = context.index.parent(node);
  return holder?.type === 'ClassProperty' || holder?.type === 'PropertyDefinition' || holder?.type === 'ClassPrivateProperty';
}

/** Not a field other modules may read: a record of a function or the module, or a class's private field. */
function ownToItsModule(node: Node, context: CodemodContext): boolean {
  for (const ancestor of context.index.ancestors(node)) {
    if (ancestor.type === 'ClassProperty' || ancestor.type === 'PropertyDefinition')
      return ancestor.accessibility === 'private' || ancestor.key.type === 'PrivateName';
    if (ancestor.type === 'ClassPrivateProperty') return true;
    if (ancestor.type === 'AssignmentExpression') return false;
  }
  return true;
}

/**
 * `{ tiktok: { baseURL: 'https://open-api.tiktok.com', async post() { … this.baseURL … } } }` after the
 * upload in `post` was rewritten: nothing reads the base any more (no `this.baseURL` left in its entry,
 * no read of the record reaches it), so it names the new host, as the rest of the entry does now.
 * A base still read, or one other modules may read (exported, a public field), keeps its TODO.
 */
export function settleUnreadLegacyBases(context: CodemodContext): void {
  const findings = context.unhandled((finding) => finding.ruleId === 'no-unmapped-legacy-endpoint' && finding.messageId === 'base');
  let present: Set<unknown> | undefined;
  for (const finding of findings) {
    const node = finding.node!;
    if (!isStringLiteral(node) || isExported(node, context.index) || hadTodo(context, node) || !ownToItsModule(node, context)) continue;
    const entry = recordEntry(node, context);
    const property = context.index.parent(node);
    const record = property && context.index.parent(property);
    if (!entry) continue;
    present ??= context.nodesInTree();
    const key = entry.path.at(-1);
    // `this.baseURL` in a method of the same entry, or `this` taken whole there (`const { baseURL } = this`).
    const ownReads = context.index.ofType('ThisExpression').filter((self) => {
      if (!present!.has(self) || record?.type !== 'ObjectExpression' || !within(self, record, context)) return false;
      const parent = context.index.parent(self);
      return !(parent && isMember(parent) && parent.object === self && memberName(parent) !== key);
    });
    if (ownReads.length > 0) continue;
    if (!nothingSends(entry, present, context)) continue;
    // `{ baseUrl, postEndpoint: '/share/video/upload/', userEndpoint: '/user/info/' }`: the TODOs of the
    // paths left beside it name it as the retired host they were joined to, so it stays so, in theirs.
    if (record?.type === 'ObjectExpression' && legacyPathsBeside(record, property!, context)) {
      context.record(finding, 'todo', 'the retired host of the paths left beside it for a person: see their TODOs');
      continue;
    }
    replaceLiteral(context, node, NEW_HOST);
    context.record(finding, 'rewritten', 'nothing reads it any more: it names the new host, https://open.tiktokapis.com');
  }
}

/** Whether another entry of the record is a legacy path: the upload's, or one with a finding still open. */
function legacyPathsBeside(record: Node, property: Node, context: CodemodContext): boolean {
  const values = objectProperties(record)
    .filter((sibling) => sibling !== property)
    .map((sibling) => sibling.value as Node);
  const open = new Set(context.unhandled((finding) => !!finding.node && values.includes(finding.node)).map((finding) => finding.node));
  return values.some((value) => open.has(value) || isRelativeUploadPath(staticString(value) ?? ''));
}

function within(node: Node, ancestor: Node, context: CodemodContext): boolean {
  return [...context.index.ancestors(node)].includes(ancestor);
}
