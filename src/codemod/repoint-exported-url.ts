import type { CodemodContext } from './context.js';
import { removeDeadBindings } from './remove-dead-bindings.js';
import { findRequestRecords, type RequestRecord } from '../detect/request-records.js';
import { replaceLiteral } from './replace-literal.js';
import type { V1Endpoint } from '../contract/index.js';
import { isCall, staticString, type Node } from '../detect/ast.js';
import { isMockCall } from '../detect/requests.js';
import { classifyUrl } from '../detect/classify-url.js';
import { isExported, isHandedToCall } from '../detect/endpoints.js';
import { foldedText, HOLE } from '../detect/folded.js';
import { readsOf, recordEntry } from './v1-url-left-behind.js';

/**
 * An exported constant that spells a v1 endpoint this run rewrites (`export const TIKTOK_TOKEN_URL =
 * \`${BASE}/oauth/access_token/\``) is repointed where it is defined, once, at its v2 successor:
 * the requests of its importers are rewritten in their own modules with the v2 URL written out, or
 * keep their TODO; whatever else reads the constant gets the v2 endpoint. `successorOf` says which
 * endpoints move and where; a URL with a query or a computed part stays for a person.
 */
export function repointExportedV1Urls(context: CodemodContext, successorOf: (endpoint: V1Endpoint) => string | undefined): void {
  const findings = context.unhandled(
    (finding) => finding.ruleId === 'no-v1-oauth-endpoint' && finding.messageId === 'endpoint' && !!finding.node,
  );
  // What the rewrites of this run left in the tree, walked once: reads a rewrite removed are gone.
  let present: Set<unknown> | undefined;
  let records: RequestRecord[] | undefined;
  for (const finding of findings) {
    const node = finding.node!;
    const value = foldedText(context.folder.fold(node));
    const match = classifyUrl(value);
    const successor = match?.v1 && successorOf(match.v1);
    if (!successor || value.includes(HOLE) || match.queryStart !== -1 || !isExported(node, context.index)) continue;
    if (sentOutOfSightOnly(node, context)) continue;
    // Handed to a library in the same statement (a Passport strategy's `tokenURL`): it sends v1's parameters.
    if (isHandedToCall(node, context.index)) continue;
    // The module reads it too (`oauthConfig[platform].tokenUrl`): its own requests, which the codemod
    // did not see, would get the v2 URL with their v1 parameters. The URL keeps its TODO.
    if (readHere(node, context, (present ??= context.nodesInTree()))) continue;
    // `{ url: '…/oauth/revoke/', transformResult(body) { … body.data.error_code … } }`: the entry says how
    // the v1 answer is read (or its query built) too, so the URL moves with them, by a person.
    if ((records ??= findRequestRecords(context.index, context.folder)).some((record) => record.url === node)) continue;
    if (staticString(node) !== undefined) replaceLiteral(context, node, successor);
    else {
      context.pathOf(node).replace(context.j.stringLiteral(successor));
      // `${TIKTOK_HOST}/oauth/access_token/`: a base only this URL read goes with it.
      removeDeadBindings(context, node);
      present = undefined;
    }
    context.record(
      finding,
      'rewritten',
      `now names ${successor}, the v2 ${match.v1.purpose.replace(/^v1 /, '')}: requests built on it are rewritten where they are sent`,
    );
  }
}

/**
 * Whether the top-level name that holds the URL (a constant, a record) is still read in its own
 * module: a request rewritten with the v2 URL written out (`axios.post(tiktokConfig.tokenUrl, …)`)
 * reads it no more; one left with its TODO, or code the codemod does not see, still does.
 */
function readHere(node: Node, context: CodemodContext, present: ReadonlySet<unknown>): boolean {
  return readsInModule(node, context).some((read) => present.has(read));
}

/**
 * An exported URL that no module of the run imports and its own module never read: whatever sends
 * it is out of this run's sight (another package, a folder not scanned), still shaped for v1, so
 * repointing it would send v1's request to the v2 endpoint. It keeps its TODO. A mock's route
 * (`http.post(url, resolver)`) follows the app all the same: it sends nothing.
 */
export function sentOutOfSightOnly(node: Node, context: CodemodContext): boolean {
  const call = context.index.parent(node);
  if (context.options.importedInRun || (call && isCall(call) && call.arguments.includes(node) && isMockCall(call, context.folder)))
    return false;
  return readsInModule(node, context).length === 0;
}

/** The reads of the top-level name that holds the URL in its own module, as it was before any rewrite. */
function readsInModule(node: Node, context: CodemodContext): Node[] {
  const top = context.index.topLevelStatement(node);
  const declaration = top?.type === 'ExportNamedDeclaration' ? top.declaration : top;
  if (declaration?.type !== 'VariableDeclaration') return [];
  const bindings = new Set(
    (declaration.declarations as Node[]).filter((d) => d.id.type === 'Identifier').map((d) => context.index.resolve(d.id)),
  );
  const exportNames = new Set(context.index.ofType('ExportSpecifier').map((specifier) => specifier.local));
  // Reads that go to another entry, or through a key a branch proves is another network's, are not
  // reads of this URL (`const config = oauthConfig[platform]` read in the `platform === 'youtube'` branch).
  const entry = recordEntry(node, context);
  const reads = context.index
    .ofType('Identifier')
    .filter(
      (identifier) =>
        !exportNames.has(identifier) &&
        bindings.has(context.index.resolve(identifier)) &&
        !(declaration.declarations as Node[]).some((d) => d.id === identifier) &&
        !inModuleExports(identifier, context),
    );
  return entry ? reads.flatMap((read) => readsOf(read, entry.path, 0, context)) : reads;
}

/** `module.exports = { oauthConfig }`: the export itself, not a read. */
function inModuleExports(identifier: Node, context: CodemodContext): boolean {
  for (const ancestor of context.index.ancestors(identifier)) {
    if (ancestor.type === 'AssignmentExpression')
      return context.source(ancestor.left).startsWith('module.exports') || context.source(ancestor.left).startsWith('exports.');
  }
  return false;
}
